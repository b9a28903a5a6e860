namespace FocusBot.Core.Deliveries;

/// <summary>Where one copy of a situation's card stands: sent, still on its way, or not delivered (with why).</summary>
public sealed record CardCopyStatus(string Recipient, DeliveryState State, string? Why)
{
    public bool IsFinished => State is DeliveryState.Sent or DeliveryState.Failed or DeliveryState.Cancelled;
}

/// <summary>
/// What became of the cards a recording sent out, for the co-chair's confirmation: the channel copy and each rep's
/// personal card. Read from the situation's outbox rows.
/// </summary>
public sealed record RecordingReport(CardCopyStatus? ChannelCopy, IReadOnlyList<CardCopyStatus> RepCards)
{
    public static RecordingReport Empty { get; } = new(null, []);

    public bool IsFinished => (ChannelCopy?.IsFinished ?? true) && RepCards.All(c => c.IsFinished);
    public int RepsReached => RepCards.Count(c => c.State == DeliveryState.Sent);
    public IReadOnlyList<string> RepsPending => RepCards.Where(c => !c.IsFinished).Select(c => c.Recipient).ToList();
    public IReadOnlyList<CardCopyStatus> RepsNotReached => RepCards.Where(c => c.State == DeliveryState.Failed).ToList();

    /// <summary>
    /// This report, with a channel copy still to be sent shown as not posted, because of <paramref name="why"/>: for
    /// a confirmation drawn when the table's channel is already known to be unreachable (or none is linked), which the
    /// outbox will find too, so that the co-chair reads it at once rather than "on its way". A finished copy is left as it is.
    /// </summary>
    public RecordingReport WithChannelUnreachable(string why) =>
        ChannelCopy is { IsFinished: false } copy ? this with { ChannelCopy = copy with { State = DeliveryState.Failed, Why = why } } : this;

    /// <param name="rows">The situation's outbox rows; only its first posting of each card counts (not redraws or notices).</param>
    public static RecordingReport From(IReadOnlyList<Delivery> rows)
    {
        var cards = rows.Where(r => r.Kind == DeliveryKind.SituationCard).ToList();
        var channel = cards.FirstOrDefault(r => r.Recipient == Delivery.TableChannel);
        var reps = cards.Where(r => r.Address is { Kind: Conversations.ConversationKind.Personal })
            .Select(r => new CardCopyStatus(r.Address!.Key, r.State == DeliveryState.Claimed ? DeliveryState.Pending : r.State, r.LastError))
            .ToList();
        return new(channel is null ? null : new CardCopyStatus(channel.Recipient, channel.State == DeliveryState.Claimed ? DeliveryState.Pending : channel.State, channel.LastError), reps);
    }
}

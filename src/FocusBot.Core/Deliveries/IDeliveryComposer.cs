using FocusBot.Core.Conversations;

namespace FocusBot.Core.Deliveries;

/// <summary>
/// Writes an outbox row's message when it is sent, from the situation and roster as they are then, for its one
/// recipient (so a card is never stale and each recipient sees what they may see).
/// </summary>
public interface IDeliveryComposer
{
    /// <summary>The message of one row (or why there is none to send).</summary>
    Task<ComposedDelivery> ComposeAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// One message for co-chair notices to one recipient gathered together (<see cref="ClaimedMessage"/>, at least two
    /// <see cref="DeliveryKind.Notice"/> rows, oldest first), in the recipient's language: each notice once, those
    /// about the same reps not reached on one situation as one list.
    /// </summary>
    Task<ComposedDelivery> ComposeGatheredAsync(IReadOnlyList<Delivery> notices, CancellationToken cancellationToken);
}

public enum ComposeResult
{
    Ready,
    /// <summary>Nothing to send any more (member left the table, situation gone): cancel the row.</summary>
    NoLongerApplies,
    /// <summary>Nowhere to send it (no channel linked, the channel was deleted): fail the row and tell the co-chairs.</summary>
    Undeliverable,
    /// <summary>Too early (a confirmation waits for the situation's other deliveries): look again shortly, not an attempt that failed.</summary>
    NotYet,
}

/// <summary>The message for one row: where, what, and whether it redraws <see cref="UpdateActivityId"/> instead of posting.</summary>
public sealed record ComposedDelivery(
    ComposeResult Result, ConversationAddress? To = null, OutgoingMessage? Message = null, string? UpdateActivityId = null, string? Reason = null)
{
    /// <summary>For <see cref="ComposeResult.Undeliverable"/>: why, as the co-chairs are told it (<see cref="Reason"/> is for the log and the row).</summary>
    public Reminders.UndeliveredBecause? Cause { get; init; }

    /// <summary>For a situation's card: the situation's <see cref="Situations.Situation.Version"/> it was drawn from, so a change decided while it was on its way still reaches the new copy.</summary>
    public int? DrawnFromVersion { get; init; }

    public static ComposedDelivery Post(ConversationAddress to, OutgoingMessage message) => new(ComposeResult.Ready, to, message);
    public static ComposedDelivery Redraw(ConversationAddress to, string activityId, OutgoingMessage message) => new(ComposeResult.Ready, to, message, activityId);
    public static ComposedDelivery NoLongerApplies(string reason) => new(ComposeResult.NoLongerApplies, Reason: reason);
    public static ComposedDelivery Undeliverable(Reminders.UndeliveredBecause cause, string reason) =>
        new(ComposeResult.Undeliverable, Reason: reason) { Cause = cause };
    public static ComposedDelivery NotYet(string reason) => new(ComposeResult.NotYet, Reason: reason);
}

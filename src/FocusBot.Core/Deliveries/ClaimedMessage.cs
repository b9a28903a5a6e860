namespace FocusBot.Core.Deliveries;

/// <summary>
/// The outbox rows that go out as one message, as a dispatcher claimed them: one row, or the co-chair notices
/// (<see cref="DeliveryKind.Notice"/>) to one co-chair that were due together, gathered into one message so that a
/// fan-out with several unreachable reps does not send the co-chair one message per rep. All its rows share one claim.
/// </summary>
public sealed class ClaimedMessage
{
    private ClaimedMessage(IReadOnlyList<Delivery> rows) => Rows = rows;

    /// <summary>Its rows, oldest first (at least one); they are marked together: sent, failed, or released for a later attempt.</summary>
    public IReadOnlyList<Delivery> Rows { get; }

    /// <summary>The oldest row: its recipient and claim are the message's.</summary>
    public Delivery Lead => Rows[0];

    /// <summary>Whether it gathers several notices into one message.</summary>
    public bool IsGathered => Rows.Count > 1;

    /// <summary>
    /// The messages a claim makes of <paramref name="claimed"/> (rows oldest first): the co-chair notices to one
    /// recipient are one message, every other row a message of its own. Oldest lead first.
    /// </summary>
    public static IReadOnlyList<ClaimedMessage> Of(IReadOnlyList<Delivery> claimed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return claimed
            .GroupBy(row => row.Kind == DeliveryKind.Notice ? $"notice|{row.Recipient}" : $"row|{row.Id}", StringComparer.OrdinalIgnoreCase)
            .Select(group => new ClaimedMessage(group.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList()))
            .OrderBy(m => m.Lead.DueAt).ThenBy(m => m.Lead.Id)
            .ToList();
    }
}

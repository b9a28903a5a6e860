namespace FocusBot.Core.Situations;

/// <summary>
/// The order in which the table wants to hear about open situations: 48-hour updates overdue (longest overdue first),
/// then assignments the lead has not accepted, then the rest; oldest first within each.
/// </summary>
public static class SituationUrgency
{
    /// <summary>The lead accepted, the 48-hour update has not come and its due time has passed.</summary>
    public static bool FortyEightHourUpdateOverdue(Situation situation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(situation);
        return situation.Status == SituationStatus.Active && !situation.HasFortyEightHourUpdate
            && situation.UpdateDueAt is { } due && now > due;
    }

    public static IReadOnlyList<Situation> MostUrgentFirst(IEnumerable<Situation> situations, DateTimeOffset now) =>
        [.. situations
            .OrderBy(s => Rank(s, now))
            .ThenBy(s => FortyEightHourUpdateOverdue(s, now) ? s.UpdateDueAt : s.CreatedAt)
            .ThenBy(s => s.Id, StringComparer.Ordinal)];

    private static int Rank(Situation s, DateTimeOffset now) =>
        FortyEightHourUpdateOverdue(s, now) ? 0 : s.Status == SituationStatus.Open ? 1 : 2;
}

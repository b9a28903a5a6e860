using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Core.Figures;

/// <summary>How many times one catalogue entry (a risk factor, an outcome, a barrier) was met.</summary>
public sealed record FigureCount(string Id, int Count);

/// <summary>
/// How the lead agencies kept the 48-hour update: posted by the due time, posted after it, or not posted although the
/// due time has passed (before the situation was concluded, or before the figures were asked for).
/// </summary>
public sealed record FortyEightHourUpdateFigures(int OnTime, int Late, int Missing)
{
    public int Due => OnTime + Late + Missing;

    /// <summary>On-time updates among those due; null when none was due.</summary>
    public double? OnTimeRate => Due == 0 ? null : (double)OnTime / Due;
}

/// <summary>What a table reports for a period: the figures of <see cref="TableFigures.Compute"/>.</summary>
public sealed record FiguresReport(
    IReadOnlyList<string> TableIds,
    FiguresPeriod Period,
    int SituationsRecorded,
    int People,
    IReadOnlyList<FigureCount> RiskFactors,
    int SituationsConcluded,
    IReadOnlyList<FigureCount> Outcomes,
    double? MedianHoursToLeadAcceptance,
    double? MedianHoursToFortyEightHourUpdate,
    FortyEightHourUpdateFigures FortyEightHourUpdates,
    IReadOnlyList<FigureCount> Barriers,
    int NotAer = 0,
    IReadOnlyList<FigureCount>? Services = null);

/// <summary>
/// The figures a table reports to its partners and funders, computed from its situations for a period. Each figure
/// counts what happened in the period, in the table's own time zone:
/// <list type="bullet">
/// <item>situations, people, risk factors, the medians and the 48-hour update figures: the situations first discussed
/// (recorded) in the period, followed to wherever they are now;</item>
/// <item>outcomes: the situations concluded in the period, whenever they were recorded;</item>
/// <item>barriers: the updates posted in the period, one count per barrier an update names.</item>
/// </list>
/// People: the sum of the recorded people counts (<see cref="Situation.PeopleCount"/>: 1 for a person, the family's
/// size, 0 for a place), over every discussion recorded, not-AER ones included (<c>NotAer</c> says how many of the
/// situations were found below the threshold). Services: the updates posted in the period, one count per service.
/// </summary>
public static class TableFigures
{
    /// <param name="situations">The situations of <paramref name="tables"/> (others are ignored), with assignments and updates.</param>
    /// <param name="tables">The tables the figures are for; each brings its time zone.</param>
    /// <param name="asOf">When the figures are asked for: a 48-hour update not posted by then, and due before then, is missing.</param>
    public static FiguresReport Compute(IEnumerable<Situation> situations, IReadOnlyCollection<Table> tables, FiguresPeriod period, DateTimeOffset asOf) =>
        Compute(FigureFacts.Of(situations, tables, period), tables, period, asOf);

    /// <summary>The figures from what the period's situations and updates come to (<see cref="FigureFacts"/>), as of <paramref name="asOf"/>.</summary>
    public static FiguresReport Compute(FigureFacts facts, IReadOnlyCollection<Table> tables, FiguresPeriod period, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(period);
        var recorded = facts.Recorded;
        var hoursToAcceptance = recorded
            .Where(s => s.LeadAcceptedAt is not null)
            .Select(s => (s.LeadAcceptedAt!.Value - s.CreatedAt).TotalHours);
        var hoursToUpdate = recorded
            .Where(s => s.FortyEightHourUpdateAt is not null && s.LeadAcceptedAt is not null)
            .Select(s => (s.FortyEightHourUpdateAt!.Value - s.LeadAcceptedAt!.Value).TotalHours);

        return new FiguresReport(
            [.. tables.Select(t => t.Id)],
            period,
            recorded.Count,
            recorded.Sum(s => s.PeopleCount),
            facts.RiskFactors,
            facts.Outcomes.Sum(c => c.Count),
            facts.Outcomes,
            Median(hoursToAcceptance),
            Median(hoursToUpdate),
            FortyEightHourUpdates(recorded, asOf),
            facts.Barriers,
            recorded.Count(s => s.Status == SituationStatus.NotAer),
            facts.Services);
    }

    /// <summary>The middle value, or the mean of the two middle values; null for none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// How the lead agencies of <paramref name="situations"/> kept the 48-hour update, as of <paramref name="asOf"/>: a
    /// lead that accepted and did not post it by its due time (before the situation was concluded, or before
    /// <paramref name="asOf"/>) counts as missing; a lead that never accepted is not counted.
    /// </summary>
    public static FortyEightHourUpdateFigures FortyEightHourUpdates(IEnumerable<Situation> situations, DateTimeOffset asOf) =>
        FortyEightHourUpdates(situations.Select(RecordedSituationFacts.Of), asOf);

    /// <summary>How the lead agencies of these situations kept the 48-hour update (<see cref="FortyEightHourUpdates(IEnumerable{Situation}, DateTimeOffset)"/>).</summary>
    public static FortyEightHourUpdateFigures FortyEightHourUpdates(IEnumerable<RecordedSituationFacts> situations, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(situations);
        int onTime = 0, late = 0, missing = 0;
        foreach (var situation in situations)
        {
            if (situation.FortyEightHourUpdateAt is not null)
            {
                if (situation.FortyEightHourUpdateOnTime == true) onTime++;
                else late++;
            }
            // Owed by a lead that accepted: a lead that never accepted is followed up as "not accepted", not here.
            else if (situation is { LeadAcceptedAt: not null, UpdateDueAt: { } due } && due < (situation.ConcludedAt ?? asOf))
            {
                missing++;
            }
        }
        return new FortyEightHourUpdateFigures(onTime, late, missing);
    }

    /// <summary>Most frequent first; ties in id order, so that the figures read the same every time.</summary>
    public static List<FigureCount> Counts(IEnumerable<string> ids) =>
        InCountOrder(ids.GroupBy(id => id, StringComparer.Ordinal).Select(g => new FigureCount(g.Key, g.Count())));

    /// <summary>Counts made elsewhere (one per id), in <see cref="Counts"/>' order.</summary>
    public static List<FigureCount> InCountOrder(IEnumerable<FigureCount> counts) =>
        counts.OrderByDescending(c => c.Count).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
}

using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Core.Figures;

/// <summary>
/// What <see cref="TableFigures"/> needs to know of one situation first discussed in the period: its status, people
/// count and the instants (UTC) of its recording, lead acceptance, conclusion, 48-hour due time (the current lead's)
/// and 48-hour update (null when none was posted), and whether that update came on time.
/// </summary>
public sealed record RecordedSituationFacts(
    SituationStatus Status,
    int PeopleCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LeadAcceptedAt,
    DateTimeOffset? ConcludedAt,
    DateTimeOffset? UpdateDueAt,
    DateTimeOffset? FortyEightHourUpdateAt,
    bool? FortyEightHourUpdateOnTime)
{
    /// <summary>The facts of a situation read with its assignments and updates.</summary>
    public static RecordedSituationFacts Of(Situation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var update = situation.Updates.FirstOrDefault(u => u.IsFortyEightHourUpdate);
        return new(situation.Status, situation.PeopleCount, situation.CreatedAt, situation.LeadAcceptedAt, situation.ConcludedAt,
            situation.UpdateDueAt, update?.At, update?.WasOnTime);
    }
}

/// <summary>
/// What a period's figures are computed from (<see cref="TableFigures.Compute(FigureFacts, IReadOnlyCollection{Table}, FiguresPeriod, DateTimeOffset)"/>),
/// counted by the database (<see cref="ISituationStore.FigureFactsAsync"/>) or from situations in memory (<see cref="Of"/>):
/// the situations first discussed in the period (<see cref="Recorded"/>) and their risk factors; the outcomes of those
/// concluded in the period (in the table's time zone); the barriers and services named by the updates posted in it.
/// Each count list is in <see cref="TableFigures.Counts"/>' order: most frequent first, ties by id (ordinal).
/// </summary>
public sealed record FigureFacts(
    IReadOnlyList<RecordedSituationFacts> Recorded,
    IReadOnlyList<FigureCount> RiskFactors,
    IReadOnlyList<FigureCount> Outcomes,
    IReadOnlyList<FigureCount> Barriers,
    IReadOnlyList<FigureCount> Services)
{
    /// <summary>Nothing discussed, concluded or updated.</summary>
    public static FigureFacts None { get; } = new([], [], [], [], []);

    /// <summary>The facts of <paramref name="situations"/> (those of other tables are ignored), read with their assignments and updates.</summary>
    public static FigureFacts Of(IEnumerable<Situation> situations, IReadOnlyCollection<Table> tables, FiguresPeriod period)
    {
        ArgumentNullException.ThrowIfNull(situations);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(period);
        var zones = tables.ToDictionary(t => t.Id, t => t.TimeZone, StringComparer.OrdinalIgnoreCase);
        var ofTables = situations.Where(s => zones.ContainsKey(s.TableId)).ToList();
        var recorded = ofTables.Where(s => period.Contains(s.DiscussedOn)).ToList();
        var outcomes = ofTables
            .Where(s => s is { Status: SituationStatus.Concluded, ConcludedAt: { } at, OutcomeId: not null } && period.Contains(at, zones[s.TableId]))
            .Select(s => s.OutcomeId!);
        var updatesInPeriod = ofTables.SelectMany(s => s.Updates.Where(u => period.Contains(u.At, zones[s.TableId]))).ToList();
        return new(
            [.. recorded.Select(RecordedSituationFacts.Of)],
            TableFigures.Counts(recorded.SelectMany(s => s.RiskFactorIds)),
            TableFigures.Counts(outcomes),
            TableFigures.Counts(updatesInPeriod.SelectMany(u => u.BarrierIds)),
            TableFigures.Counts(updatesInPeriod.SelectMany(u => u.ServiceIds)));
    }
}

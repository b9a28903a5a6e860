using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Core.Figures;

/// <summary>The 48-hour updates of the situations first discussed in one month (yyyy-MM, the table's time zone).</summary>
public sealed record MonthOfUpdates(string Month, FortyEightHourUpdateFigures Updates);

/// <summary>How many situations were first discussed in the week that starts on <see cref="Monday"/> (the table's time zone).</summary>
public sealed record WeekCount(DateOnly Monday, int Count);

/// <summary>The systemic barriers named by the updates posted in one month (yyyy-MM, the table's time zone), most frequent first.</summary>
public sealed record MonthOfBarriers(string Month, IReadOnlyList<FigureCount> Barriers);

/// <summary>
/// What the co-chairs' dashboard shows: the period's figures (<see cref="TableFigures"/>) and the same facts as series.
/// <see cref="OpenByStatus"/> and <see cref="OpenByLeadAgency"/> are the situations open or active now (the load the
/// agencies carry today), whatever the period; the rest follow the period as <see cref="TableFigures"/> does.
/// </summary>
public sealed record DashboardReport(
    FiguresReport Totals,
    IReadOnlyList<FigureCount> OpenByStatus,
    IReadOnlyList<FigureCount> OpenByLeadAgency,
    IReadOnlyList<MonthOfUpdates> FortyEightHourUpdatesByMonth,
    IReadOnlyList<WeekCount> NewSituationsByWeek,
    IReadOnlyList<MonthOfBarriers> BarriersByMonth)
{
    /// <summary>Nothing was discussed, concluded or updated in the period (the open situations of today may still exist).</summary>
    public bool PeriodIsEmpty => Totals.SituationsRecorded == 0 && Totals.SituationsConcluded == 0 && BarriersByMonth.All(m => m.Barriers.Count == 0);
}

/// <summary>Computes <see cref="DashboardReport"/> from a table's situations; every month and week of the period is listed, empty ones with 0.</summary>
public static class DashboardFigures
{
    /// <summary>A situation whose lead has not been named counts under this agency id in <see cref="DashboardReport.OpenByLeadAgency"/>.</summary>
    public const string NoLead = "none";

    /// <param name="situations">The situations of <paramref name="tables"/>, any status, with assignments and updates.</param>
    /// <param name="asOf">Now: what is open, and which 48-hour updates are missing.</param>
    public static DashboardReport Compute(IEnumerable<Situation> situations, IReadOnlyCollection<Table> tables, FiguresPeriod period, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(situations);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(period);
        var zones = tables.ToDictionary(t => t.Id, t => t.TimeZone, StringComparer.OrdinalIgnoreCase);
        var ofTables = situations.Where(s => zones.ContainsKey(s.TableId)).ToList();
        var open = ofTables.Where(s => SituationListing.OpenStatuses.Contains(s.Status)).ToList();
        var recorded = ofTables.Where(s => period.Contains(s.DiscussedOn)).ToList();
        var months = MonthsOf(period);

        var updatesByMonth = months.Select(m => new MonthOfUpdates(m,
            TableFigures.FortyEightHourUpdates(recorded.Where(s => MonthOf(s.DiscussedOn) == m), asOf))).ToList();
        var weeks = new List<WeekCount>();
        for (var monday = MondayOf(period.From); monday < period.To; monday = monday.AddDays(7))
        {
            var week = monday;
            weeks.Add(new WeekCount(week, recorded.Count(s => s.DiscussedOn >= week && s.DiscussedOn < week.AddDays(7))));
        }
        var barriers = ofTables
            .SelectMany(s => s.Updates.Where(u => period.Contains(u.At, zones[s.TableId]))
                .Select(u => (Month: MonthOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(u.At, zones[s.TableId]).DateTime)), u.BarrierIds)))
            .ToList();

        return new DashboardReport(
            TableFigures.Compute(ofTables, tables, period, asOf),
            TableFigures.Counts(open.Select(s => s.Status == SituationStatus.Open ? "open" : "active")),
            TableFigures.Counts(open.Select(s => s.LeadAgencyId ?? NoLead)),
            updatesByMonth,
            weeks,
            months.Select(m => new MonthOfBarriers(m, TableFigures.Counts(barriers.Where(b => b.Month == m).SelectMany(b => b.BarrierIds)))).ToList());
    }

    private static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static List<string> MonthsOf(FiguresPeriod period)
    {
        var months = new List<string>();
        for (var first = new DateOnly(period.From.Year, period.From.Month, 1); first < period.To; first = first.AddMonths(1))
            months.Add(MonthOf(first));
        return months;
    }
}

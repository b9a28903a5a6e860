using System.Globalization;
using FocusBot.Core.Agenda;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Figures;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Figures;
using FocusBot.Reminders;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Tabs;

/// <summary>A catalogue choice as the tab shows it: id and label in the page's language.</summary>
public sealed record TabChoiceDto(string Id, string Label);

/// <summary>A table the user sits at, and whether they co-chair it (the dashboard's table filter lists those).</summary>
public sealed record TabTableDto(string Id, string Name, bool CoChair);

/// <summary>
/// <c>GET /tabs/api/me</c>: who the tab's user is on the roster (no name: the roster holds none), their tables, and the
/// choices and limits of the update and decline forms (the same as the cards' forms: <see cref="TabFormLimits"/>).
/// </summary>
public sealed record TabMeDto(string Email, string Role, string Agency, string AgencyName, IReadOnlyList<TabTableDto> Tables,
    IReadOnlyList<TabChoiceDto> UpdateKinds, IReadOnlyList<TabChoiceDto> Barriers, IReadOnlyList<TabChoiceDto> Services, TabFormLimits Limits);

/// <summary>
/// The lengths the situation accepts (<see cref="Situation"/>'s rules, in characters), so the tab's forms refuse what the
/// domain would: a note of 1 to <paramref name="NoteMax"/>, a next step up to <paramref name="NextStepMax"/>, a decline
/// reason of <paramref name="ReasonMin"/> to <paramref name="ReasonMax"/>.
/// </summary>
public sealed record TabFormLimits(int NoteMax, int NextStepMax, int ReasonMin, int ReasonMax)
{
    public static TabFormLimits OfSituation { get; } =
        new(Situation.MaxNoteLength, Situation.MaxNextStepLength, Situation.MinDeclineReasonLength, Situation.MaxDeclineReasonLength);
}

/// <summary>
/// The answer to an accept, decline or update from a tab: the situation's id and status, and what was done in the
/// request's language, agencies by name and times on the table's clock (as the cards say it).
/// </summary>
public sealed record TabActionDto(string Id, string Status, string Message);

/// <summary>
/// <c>GET /tabs/api/tables/{id}/agenda</c>: the next meeting's de-identified agenda of a table, agencies by name, and
/// the table's time zone (IANA id, e.g. America/Toronto), in which the page writes every time it shows. Answered
/// with an <c>ETag</c> (a hash of this content): a poll that sends it back in <c>If-None-Match</c> gets 304 while
/// nothing on the agenda changed.
/// </summary>
public sealed record TabAgendaDto(string Table, string TableName, string TimeZone, MeetingDto? NextMeeting, IReadOnlyList<TabAgendaItemDto> NewSituations,
    IReadOnlyList<TabAgendaItemDto> ReportBack, IReadOnlyList<TabAgendaItemDto> OverdueUpdates, IReadOnlyList<TabAgendaItemDto> UnacceptedAssignments)
{
    /// <summary>The agenda with the roster's names for the table and the agencies (an agency no longer on it reads as its id).</summary>
    public static TabAgendaDto From(MeetingAgenda a, IReadOnlyDictionary<string, Agency> agencies)
    {
        TabAgendaItemDto Item(AgendaItem i) => new(i.SituationId, ReminderDto.Camel(i.Status.ToString()), i.LeadAgencyId,
            agencies.GetValueOrDefault(i.LeadAgencyId)?.Name ?? i.LeadAgencyId, i.DiscussedOn, i.UpdateDueAt?.ToUniversalTime(),
            [.. i.UnacceptedAgencyIds.Select(id => agencies.GetValueOrDefault(id)?.Name ?? id)]);
        return new(a.Table.Id, a.Table.Name, a.Table.TimeZoneId,
            a.NextMeeting is { } m ? new MeetingDto(m.Start.ToUniversalTime(), TimeZoneInfo.ConvertTime(m.Start, a.Table.TimeZone), m.End.ToUniversalTime(), a.Table.TimeZoneId, m.JoinUrl) : null,
            [.. a.NewSituations.Select(Item)], [.. a.ReportBack.Select(Item)], [.. a.OverdueUpdates.Select(Item)], [.. a.UnacceptedAssignments.Select(Item)]);
    }
}

/// <summary>A situation on the tab's agenda: filter-2 facts only (no summary, no note).</summary>
/// <param name="Status"><c>open</c> or <c>active</c> (camel case of the status).</param>
/// <param name="DiscussedOn">The day of the table's discussion, on the table's clock.</param>
/// <param name="UpdateDueAt">When the 48-hour update is (or was) due, UTC.</param>
/// <param name="UnacceptedAgencies">Names of the agencies asked that have not answered.</param>
public sealed record TabAgendaItemDto(string Id, string Status, string LeadAgency, string LeadAgencyName, DateOnly DiscussedOn,
    DateTimeOffset? UpdateDueAt, IReadOnlyList<string> UnacceptedAgencies);

/// <summary>
/// One row of "My situations": filter-2 facts, the user's agency's part, what the user may do now, and the summary when
/// the user may read it in full (each such row is an audited read).
/// </summary>
/// <param name="Urgency"><c>overdue</c> (48-hour update past due), <c>unaccepted</c> (no lead has accepted) or <c>active</c>.</param>
/// <param name="UpdateDueAt">When the 48-hour update is due, UTC.</param>
/// <param name="UpdateDueLocal">The same on the table's clock (America/Toronto), with its offset.</param>
/// <param name="TimeZone">The table's time zone (IANA id, e.g. America/Toronto), in which the page shows times.</param>
/// <param name="AgencyPart"><c>lead</c>, <c>assisting</c> or <c>originating</c>.</param>
/// <param name="AgencyState"><c>requested</c>, <c>accepted</c>, <c>declined</c>, or null for the originating agency.</param>
/// <param name="ChatLink">A Teams deep link to the user's copy of the card in their chat with FocusBot, or null.</param>
public sealed record TabSituationDto(
    string Id, string Table, string TableName, string Status, string Urgency, string Type, string AgeGroup, string Gender,
    IReadOnlyList<string> RiskFactors, string? LeadAgency, string? LeadAgencyName, string AgencyPart, string? AgencyState,
    int DaysOpen, DateTimeOffset? UpdateDueAt, DateTimeOffset? UpdateDueLocal, string TimeZone, string? Summary,
    bool MayAnswer, bool MayPostUpdate, bool NextUpdateIsFortyEightHourUpdate, string? ChatLink);

/// <summary>One value column of a chart's table: a key (the CSV header and the page's string key) and a label.</summary>
public sealed record ChartColumnDto(string Key, string Label);

/// <summary>One row of a chart's table: a key (catalogue id, agency id, month yyyy-MM, week's Monday yyyy-MM-dd), its label and one value per column (null: nothing to take a rate of).</summary>
public sealed record ChartRowDto(string Key, string Label, IReadOnlyList<double?> Values);

/// <summary>A chart and the numbers it draws, which the page also shows as a table under it and offers as CSV.</summary>
/// <param name="Kind"><c>bar</c>, <c>stacked</c> (bars stacked by column) or <c>line</c>.</param>
public sealed record ChartDto(string Id, string Kind, IReadOnlyList<ChartColumnDto> Columns, IReadOnlyList<ChartRowDto> Rows);

/// <summary>
/// <c>GET /tabs/api/dashboard</c>: the tables and period (yyyy-MM-dd, <c>to</c> not included), the period's figures
/// (as <c>GET /api/v1/stats</c>), whether the period is empty, and the charts (ids: <c>openByStatus</c>,
/// <c>openByLeadAgency</c>, <c>fortyEightHourUpdatesByMonth</c>, <c>newSituationsByWeek</c>, <c>riskFactors</c> (top 10),
/// <c>outcomes</c>, <c>barriersByMonth</c>).
/// </summary>
public sealed record TabDashboardDto(IReadOnlyList<TabTableDto> Tables, DateOnly From, DateOnly To, bool PeriodIsEmpty, FiguresDto Figures,
    IReadOnlyList<ChartDto> Charts);

/// <summary>Builds the dashboard's charts from <see cref="DashboardReport"/>: the one place their numbers are shaped, for the page and the CSV.</summary>
public static class DashboardCharts
{
    public const int TopRiskFactors = 10;

    /// <summary>
    /// The seven charts, in the page's order: counts as numbers; the on-time rate as a percentage with one decimal (null
    /// when no 48-hour update was due that month). Row keys are ids (status, agency, catalogue id, month yyyy-MM, week's
    /// Monday yyyy-MM-dd, in the table's time zone); row and column labels are what a person reads, in the current
    /// language: statuses and column names from the resources (<see cref="Texts"/>), agencies by their roster names,
    /// catalogue entries in English, or French with <paramref name="french"/>, months and days as the cards write them
    /// (<see cref="TableTime"/>: "March 2026", "Monday 2 March 2026" / "mars 2026", "lundi 2 mars 2026").
    /// </summary>
    public static IReadOnlyList<ChartDto> Of(DashboardReport report, IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue, bool french)
    {
        var count = Column("situations");
        var barrierIds = report.BarriersByMonth.SelectMany(m => m.Barriers).GroupBy(b => b.Id)
            .OrderByDescending(g => g.Sum(b => b.Count)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        return
        [
            new("openByStatus", "bar", [count],
                [.. new[] { "open", "active" }.Select(s => Row(s, Texts.Get("TabApi.Chart.Status." + s), report.OpenByStatus.FirstOrDefault(c => c.Id == s)?.Count ?? 0))]),
            new("openByLeadAgency", "bar", [count],
                [.. report.OpenByLeadAgency.Select(c => Row(c.Id, LeadAgencyLabel(c.Id, agencies), c.Count))]),
            new("fortyEightHourUpdatesByMonth", "stacked",
                [Column("onTime"), Column("late"), Column("missing"), Column("onTimeRate")],
                [.. report.FortyEightHourUpdatesByMonth.Select(m => new ChartRowDto(m.Month, MonthLabel(m.Month),
                    [m.Updates.OnTime, m.Updates.Late, m.Updates.Missing,
                     m.Updates.OnTimeRate is { } rate ? Math.Round(rate * 100, 1, MidpointRounding.AwayFromZero) : null]))]),
            new("newSituationsByWeek", "line", [count],
                [.. report.NewSituationsByWeek.Select(w => Row(w.Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TableTime.Describe(w.Monday), w.Count))]),
            new("riskFactors", "bar", [count],
                [.. report.Totals.RiskFactors.Take(TopRiskFactors).Select(c => Row(c.Id, Label(catalogue.RiskFactors, c.Id, french), c.Count))]),
            new("outcomes", "bar", [count],
                [.. report.Totals.Outcomes.Select(c => Row(c.Id, Label(catalogue.Outcomes, c.Id, french), c.Count))]),
            new("barriersByMonth", "stacked",
                [.. barrierIds.Select(id => new ChartColumnDto(id, Label(catalogue.Barriers, id, french)))],
                [.. report.BarriersByMonth.Select(m => new ChartRowDto(m.Month, MonthLabel(m.Month),
                    [.. barrierIds.Select(id => (double?)(m.Barriers.FirstOrDefault(b => b.Id == id)?.Count ?? 0))]))]),
        ];
    }

    /// <summary>
    /// The chart as RFC 4180 CSV: <c>key,label,&lt;column keys&gt;</c>, then one line per row: its key (an id, for a
    /// spreadsheet), its label as the page shows it (in the request's language), its values (invariant numbers, empty for null).
    /// </summary>
    public static string ToCsv(ChartDto chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var csv = new System.Text.StringBuilder();
        Csv.AppendRow(csv, ["key", "label", .. chart.Columns.Select(c => c.Key)]);
        foreach (var row in chart.Rows)
            Csv.AppendRow(csv, [row.Key, row.Label, .. row.Values.Select(v => v?.ToString(CultureInfo.InvariantCulture))]);
        return csv.ToString();
    }

    /// <summary>A catalogue entry's label in English or French; an id no longer in the catalogue reads as itself.</summary>
    public static string Label(CatalogueList list, string id, bool french) =>
        list.Find(id) is { } entry ? (french ? entry.FrenchLabel : entry.Label) : id;

    private static ChartRowDto Row(string key, string label, int value) => new(key, label, [value]);

    private static ChartColumnDto Column(string key) => new(key, Texts.Get("TabApi.Chart.Column." + key));

    /// <summary>An agency by its roster name; <c>none</c> (no lead has accepted) says so; an agency no longer on the roster reads as its id.</summary>
    private static string LeadAgencyLabel(string id, IReadOnlyDictionary<string, Agency> agencies) =>
        agencies.GetValueOrDefault(id)?.Name ?? (id == DashboardFigures.NoLead ? Texts.Get("TabApi.Chart.NoLead") : id);

    /// <summary>"2026-03" as "March 2026" / "mars 2026"; a key that is not a month stays as it is.</summary>
    private static string MonthLabel(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? TableTime.Month(day.Year, day.Month) : month;
}

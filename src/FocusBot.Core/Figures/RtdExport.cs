using System.Globalization;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Core.Figures;

/// <summary>
/// Concluded situations in the shape of Ontario's Risk-driven Tracking Database: one de-identified row each. Only
/// filter-2 facts and the agencies' part are written: never the summary, an update's note or next step, a decline's
/// reason or anyone's e-mail.
/// </summary>
public static class RtdExport
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "situation_id", "table", "discussed_on", "originating_agency", "originating_sector", "type", "age_group", "gender",
        "risk_factors", "aer_met", "lead_agency", "assisting_agencies", "services_mobilized", "updates", "outcome", "concluded_on",
    ];

    /// <summary>The situations of <paramref name="tables"/> concluded in <paramref name="period"/> (in each table's time zone), oldest conclusion first.</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(
        IEnumerable<Situation> situations, IReadOnlyCollection<Table> tables, IReadOnlyCollection<Agency> agencies, FiguresPeriod period)
    {
        ArgumentNullException.ThrowIfNull(situations);
        ArgumentNullException.ThrowIfNull(period);
        var tablesById = tables.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        var agenciesById = agencies.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        string NameOf(string agencyId) => agenciesById.TryGetValue(agencyId, out var agency) ? agency.Name : agencyId;

        return situations
            .Select(s => (Situation: s, Table: tablesById.GetValueOrDefault(s.TableId)))
            .Where(x => x is { Table: not null, Situation: { Status: SituationStatus.Concluded, ConcludedAt: not null, OutcomeId: not null } }
                && period.Contains(x.Situation.ConcludedAt.Value, x.Table.TimeZone))
            .OrderBy(x => x.Situation.ConcludedAt)
            .ThenBy(x => x.Situation.Id, StringComparer.Ordinal)
            .Select(x => Row(x.Situation, x.Table!, NameOf, agenciesById.GetValueOrDefault(x.Situation.OriginatingAgencyId)?.Sector ?? ""));
    }

    /// <summary>The whole export as RFC 4180 CSV: a header row, then one row per situation.</summary>
    public static string ToCsv(IEnumerable<Situation> situations, IReadOnlyCollection<Table> tables, IReadOnlyCollection<Agency> agencies, FiguresPeriod period)
    {
        var csv = new System.Text.StringBuilder();
        Csv.AppendRow(csv, Columns);
        foreach (var row in Rows(situations, tables, agencies, period)) Csv.AppendRow(csv, row);
        return csv.ToString();
    }

    private static string[] Row(Situation s, Table table, Func<string, string> nameOf, string originatingSector) =>
    [
        s.Id,
        table.Name,
        Date(s.DiscussedOn),
        nameOf(s.OriginatingAgencyId),
        originatingSector,
        s.TypeId,
        s.AgeGroupId,
        s.GenderId,
        string.Join(';', s.RiskFactorIds),
        // Only situations the table found at acutely elevated risk are recorded; a rejected discussion never is.
        "yes",
        s.LeadAgencyId is { } lead ? nameOf(lead) : "",
        string.Join(';', AssistingInOrder(s, nameOf).Select(a => nameOf(a.AgencyId))),
        string.Join(';', s.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.IsCurrent).Concat(AssistingInOrder(s, nameOf))
            .Where(a => a.State == AssignmentState.Accepted).Select(a => nameOf(a.AgencyId))),
        s.Updates.Count.ToString(CultureInfo.InvariantCulture),
        s.OutcomeId!,
        Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.ConcludedAt!.Value, table.TimeZone).DateTime)),
    ];

    /// <summary>By name: the store does not keep the order in which agencies were named.</summary>
    private static IEnumerable<Assignment> AssistingInOrder(Situation s, Func<string, string> nameOf) =>
        s.AssistingAssignments.OrderBy(a => nameOf(a.AgencyId), StringComparer.Ordinal);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

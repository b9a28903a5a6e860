using System.Globalization;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Core.Figures;

/// <summary>
/// The table's discussions in the shape of Ontario's Risk-driven Tracking Database: one de-identified row each for the
/// situations concluded in the period and the discussions recorded in it as not AER. Only filter-2 facts and the
/// agencies' part are written: never the summary, an update's note or next step, a decline's reason or anyone's e-mail.
/// <para>
/// One convention for coded columns: the column holds the stable id (catalogue id, or roster id for agencies; lists
/// separated by <c>;</c>) and the column after it, named <c>&lt;column&gt;_label</c>, holds what people read (the
/// catalogue's English label, or its French one for a French export, or the agency's name) in the same order. A French
/// export (<c>french</c>) also writes <c>aer_met</c> as <c>oui</c>/<c>non</c>; its header row is the caller's (the
/// resources' French column names), in the same order as <see cref="Columns"/>.
/// </para>
/// </summary>
public static class RtdExport
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "situation_id", "table", "discussed_on", "aer_met", "people_count",
        "type", "type_label", "age_group", "age_group_label", "gender", "gender_label", "risk_factors", "risk_factors_label",
        "originating_agency", "originating_agency_label", "originating_sector",
        "lead_agency", "lead_agency_label", "assisting_agencies", "assisting_agencies_label", "declined_agencies", "declined_agencies_label",
        "services_mobilized", "services_mobilized_label", "updates", "outcome", "outcome_label", "concluded_on",
    ];

    /// <summary>
    /// The situations of <paramref name="tables"/> concluded in <paramref name="period"/>, and those recorded in it as not
    /// AER (each in its table's time zone), by date (conclusion, or discussion for not AER) then id.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(IEnumerable<Situation> situations, IReadOnlyCollection<Table> tables,
        IReadOnlyCollection<Agency> agencies, FiguresPeriod period, SituationCatalogue catalogue, bool french = false)
    {
        ArgumentNullException.ThrowIfNull(situations);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(catalogue);
        var tablesById = tables.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        var agenciesById = agencies.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);

        return situations
            .Select(s => (Situation: s, Table: tablesById.GetValueOrDefault(s.TableId)))
            .Where(x => x.Table is not null && Exported(x.Situation, x.Table, period))
            .Select(x => (x.Situation, x.Table, On: x.Situation.ConcludedAt is { } at ? LocalDate(at, x.Table!) : x.Situation.DiscussedOn))
            .OrderBy(x => x.On)
            .ThenBy(x => x.Situation.Id, StringComparer.Ordinal)
            .Select(x => Row(x.Situation, x.Table!, agenciesById, catalogue, french));
    }

    /// <summary>
    /// The whole export as RFC 4180 CSV: a header row (<paramref name="header"/>, by default <see cref="Columns"/>), then one
    /// row per situation, with French labels when <paramref name="french"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="header"/> does not name each of the <see cref="Columns"/>.</exception>
    public static string ToCsv(IEnumerable<Situation> situations, IReadOnlyCollection<Table> tables, IReadOnlyCollection<Agency> agencies,
        FiguresPeriod period, SituationCatalogue catalogue, IReadOnlyList<string>? header = null, bool french = false)
    {
        if (header is not null && header.Count != Columns.Count)
            throw new ArgumentException($"The header has {header.Count} columns; the export has {Columns.Count}.", nameof(header));
        var csv = new System.Text.StringBuilder();
        Csv.AppendRow(csv, header ?? Columns);
        foreach (var row in Rows(situations, tables, agencies, period, catalogue, french)) Csv.AppendRow(csv, row);
        return csv.ToString();
    }

    private static bool Exported(Situation s, Table table, FiguresPeriod period) => s switch
    {
        { Status: SituationStatus.Concluded, ConcludedAt: { } at, OutcomeId: not null } => period.Contains(at, table.TimeZone),
        { Status: SituationStatus.NotAer } => period.Contains(s.DiscussedOn),
        _ => false,
    };

    private static string[] Row(Situation s, Table table, Dictionary<string, Agency> agencies, SituationCatalogue catalogue, bool french)
    {
        string NameOf(string id) => agencies.TryGetValue(id, out var agency) ? agency.Name : id;
        Func<string, string> Label(CatalogueList list) => id => list.Find(id) is { } entry ? (french ? entry.FrenchLabel : entry.Label) : id;
        // Assisting: the agencies that took an assisting part (accepted); declined: every agency that declined, lead
        // or assisting, even if a co-chair later named another agency in its place.
        var assisting = s.AssistingAssignments.Where(a => a.State == AssignmentState.Accepted).Select(a => a.AgencyId).Order(StringComparer.Ordinal).ToList();
        // From the history, not the decline reason: retention erases reasons, and the export must not change.
        var declined = s.Events.Where(e => e.Kind == SituationEventKind.Declined && e.AgencyId is not null).Select(e => e.AgencyId!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal).ToList();
        var services = s.Updates.SelectMany(u => u.ServiceIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lead = s.LeadAgencyId is { } id ? [id] : Array.Empty<string>();
        return
        [
            s.Id,
            table.Name,
            Date(s.DiscussedOn),
            (s.AerMet, french) switch { (true, false) => "yes", (false, false) => "no", (true, true) => "oui", _ => "non" },
            s.PeopleCount.ToString(CultureInfo.InvariantCulture),
            s.TypeId, Label(catalogue.SituationTypes)(s.TypeId),
            s.AgeGroupId, Label(catalogue.AgeGroups)(s.AgeGroupId),
            s.GenderId, Label(catalogue.Genders)(s.GenderId),
            List(s.RiskFactorIds), List(s.RiskFactorIds.Select(Label(catalogue.RiskFactors))),
            s.OriginatingAgencyId, NameOf(s.OriginatingAgencyId), agencies.GetValueOrDefault(s.OriginatingAgencyId)?.Sector ?? "",
            List(lead), List(lead.Select(NameOf)),
            List(assisting), List(assisting.Select(NameOf)),
            List(declined), List(declined.Select(NameOf)),
            List(services), List(services.Select(Label(catalogue.Services))),
            s.Updates.Count.ToString(CultureInfo.InvariantCulture),
            s.OutcomeId ?? "", s.OutcomeId is { } outcome ? Label(catalogue.Outcomes)(outcome) : "",
            s.ConcludedAt is { } at ? Date(LocalDate(at, table)) : "",
        ];
    }

    private static string List(IEnumerable<string> values) => string.Join(';', values);

    private static DateOnly LocalDate(DateTimeOffset at, Table table) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, table.TimeZone).DateTime);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

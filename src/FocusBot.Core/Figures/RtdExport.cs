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

    /// <summary>
    /// The rows of <see cref="Rows"/>, in the same order, from situations read as <see cref="ISituationStore.ExportedAsync"/>
    /// gives them (by the instant that dates them, then id), holding only a few days' rows at a time: whatever the
    /// period, memory stays flat. Relies on the domain's rule that a not-AER discussion's day is that of its recording in
    /// its table's time zone (<see cref="Situation.Record"/>).
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<string>> RowsAsync(IAsyncEnumerable<Situation> situations, IReadOnlyCollection<Table> tables,
        IReadOnlyCollection<Agency> agencies, FiguresPeriod period, SituationCatalogue catalogue, bool french = false,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(situations);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(catalogue);
        var tablesById = tables.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        var agenciesById = agencies.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        // Held rows by (local date, id). Time zones are within a day of UTC, so once the stream reaches an instant whose UTC
        // date is U, no later situation can fall on a local date before U - 1: the rows before that are final.
        var held = new SortedList<(DateOnly On, string Id), IReadOnlyList<string>>(DayThenId.Instance);
        await foreach (var situation in situations.WithCancellation(cancellationToken))
        {
            if (tablesById.GetValueOrDefault(situation.TableId) is not { } table || !Exported(situation, table, period)) continue;
            var dating = situation.ConcludedAt ?? situation.CreatedAt;
            var final = DateOnly.FromDateTime(dating.UtcDateTime).AddDays(-1);
            while (held.Count > 0 && held.Keys[0].On < final)
            {
                yield return held.Values[0];
                held.RemoveAt(0);
            }
            var on = situation.ConcludedAt is { } at ? LocalDate(at, table) : situation.DiscussedOn;
            held.Add((on, situation.Id), Row(situation, table, agenciesById, catalogue, french));
        }
        foreach (var row in held.Values) yield return row;
    }

    /// <summary>
    /// Writes the export as RFC 4180 CSV (a header row, by default <see cref="Columns"/>, then one row per situation, with
    /// French labels when <paramref name="french"/>, as <see cref="ToCsv"/>) to <paramref name="writer"/> as the rows come,
    /// from situations read as <see cref="ISituationStore.ExportedAsync"/> gives them.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="header"/> does not name each of the <see cref="Columns"/>.</exception>
    public static async Task WriteCsvAsync(TextWriter writer, IAsyncEnumerable<Situation> situations, IReadOnlyCollection<Table> tables,
        IReadOnlyCollection<Agency> agencies, FiguresPeriod period, SituationCatalogue catalogue, IReadOnlyList<string>? header, bool french,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (header is not null && header.Count != Columns.Count)
            throw new ArgumentException($"The header has {header.Count} columns; the export has {Columns.Count}.", nameof(header));
        var line = new System.Text.StringBuilder();
        Csv.AppendRow(line, header ?? Columns);
        await writer.WriteAsync(line, cancellationToken);
        await foreach (var row in RowsAsync(situations, tables, agencies, period, catalogue, french, cancellationToken))
        {
            line.Clear();
            Csv.AppendRow(line, row);
            await writer.WriteAsync(line, cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Date, then id in ordinal order: the export's order.</summary>
    private sealed class DayThenId : IComparer<(DateOnly On, string Id)>
    {
        public static readonly DayThenId Instance = new();
        public int Compare((DateOnly On, string Id) x, (DateOnly On, string Id) y) =>
            x.On != y.On ? x.On.CompareTo(y.On) : string.CompareOrdinal(x.Id, y.Id);
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

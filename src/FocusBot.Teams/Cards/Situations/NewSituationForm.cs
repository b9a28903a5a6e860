using System.Text.Json.Nodes;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Privacy;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// The form a co-chair fills in after the table found acutely elevated risk (filter 2). Sent back with the verb
/// <see cref="SituationVerbs.Record"/>; its input ids are the fields of <see cref="NewSituationRequest"/>, and the
/// multi-selects (<c>riskFactors</c>, <c>assistingAgencies</c>) answer with comma-separated ids. When the validator
/// found problems, the form comes back with everything typed kept and each problem under its field.
/// </summary>
public static class NewSituationForm
{
    public const string Table = "table";
    public const string Type = "type";
    public const string AgeGroup = "ageGroup";
    public const string Gender = "gender";
    public const string RiskFactors = "riskFactors";
    public const string Summary = "summary";
    public const string OriginatingAgency = "originatingAgency";
    public const string LeadAgency = "leadAgency";
    public const string AssistingAgencies = "assistingAgencies";
    /// <summary><c>true</c> (the threshold of acutely elevated risk was met) or <c>false</c> (recorded as not AER).</summary>
    public const string AerMet = "aerMet";
    public const string PeopleCount = "peopleCount";

    public static IReadOnlyList<string> InputIds { get; } =
        [Table, AerMet, Type, AgeGroup, Gender, PeopleCount, RiskFactors, Summary, OriginatingAgency, LeadAgency, AssistingAgencies];

    /// <summary>The form's own id, in the Record button's data: the same submission records one situation, however often it arrives.</summary>
    public const string SubmissionId = "submissionId";

    /// <param name="submissionId">Null for a new form (a new id is made); the id of the form being shown again with its problems.</param>
    public static AdaptiveCard Build(IReadOnlyList<Table> tablesTheCoChairChairs, IReadOnlyList<Agency> agencies,
        SituationCatalogue catalogue, NewSituationRequest? typed = null, IReadOnlyDictionary<string, string[]>? problems = null,
        string? submissionId = null)
    {
        ArgumentNullException.ThrowIfNull(tablesTheCoChairChairs);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(catalogue);

        var byField = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, messages) in problems ?? new Dictionary<string, string[]>())
        {
            if (messages is { Length: > 0 }) byField[field] = messages;
        }

        var card = new AdaptiveCard().Heading(Texts.Get("NewSituation.Heading"));
        card.Text(Texts.Get("NewSituation.Intro"));
        AddProblemSummary(card, byField);

        var tableValue = typed?.Table is { } typedTable
            ? tablesTheCoChairChairs.FirstOrDefault(t => Same(t.Id, typedTable))?.Id ?? typedTable
            : tablesTheCoChairChairs.Count == 1 ? tablesTheCoChairChairs[0].Id : null;
        Field(card, byField, Element.ChoiceInput(Table, Texts.Get("NewSituation.Table"), tablesTheCoChairChairs.Select(t => (t.Id, t.Name)), tableValue,
            required: true));

        Field(card, byField, Element.ChoiceInput(AerMet, Texts.Get("NewSituation.Threshold"),
            [("true", Texts.Get("NewSituation.ThresholdMet")), ("false", Texts.Get("NewSituation.ThresholdNotMet"))],
            typed?.AerMet == false ? "false" : "true", required: true, compact: false));
        Field(card, byField, Choice(Type, Texts.Get("NewSituation.Type"), catalogue.SituationTypes, typed?.Type));
        Field(card, byField, Choice(AgeGroup, Texts.Get("Fact.AgeGroup"), catalogue.AgeGroups, typed?.AgeGroup));
        Field(card, byField, Choice(Gender, Texts.Get("Fact.Gender"), catalogue.Genders, typed?.Gender));
        var people = new JsonObject
        {
            ["type"] = "Input.Number", ["id"] = PeopleCount, ["label"] = Texts.Get("NewSituation.People"),
            ["min"] = 0, ["max"] = NewSituationValidator.MaxPeopleCount,
        };
        if (typed?.PeopleCount is { } count) people["value"] = count;
        Field(card, byField, people);
        Field(card, byField, Element.ChoiceInput(RiskFactors, Texts.Get("Fact.RiskFactors"), Choices(catalogue.RiskFactors),
            Joined(typed?.RiskFactors?.Select(id => catalogue.RiskFactors.Find(id)?.Id ?? id)), multiSelect: true, required: true));

        card.Add(Element.Text(Texts.Get("NewSituation.SummaryAdvice"), subtle: true));
        Field(card, byField, Element.TextInput(Summary, Texts.Get("NewSituation.Summary"), typed?.Summary, multiline: true,
            maxLength: Situation.MaxSummaryLength, placeholder: Texts.Get("NewSituation.SummaryPlaceholder")));

        var agencyChoices = agencies.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).Select(a => (a.Id, a.Name)).ToList();
        Field(card, byField, Element.ChoiceInput(OriginatingAgency, Texts.Get("Fact.OriginatingAgency"), agencyChoices,
            AgencyId(typed?.OriginatingAgency, agencies), required: true));
        // Not required on the card: a not-AER discussion names none; the validator asks for them when the threshold was met.
        Field(card, byField, Element.ChoiceInput(LeadAgency, Texts.Get("NewSituation.Lead"), agencyChoices,
            AgencyId(typed?.LeadAgency, agencies)));
        Field(card, byField, Element.ChoiceInput(AssistingAgencies, Texts.Get("NewSituation.Assisting"), agencyChoices,
            Joined(typed?.AssistingAgencies?.Select(id => AgencyId(id, agencies) ?? id)), multiSelect: true));

        return card.Action(Actions.Execute(Texts.Get("Action.RecordSituation"), SituationVerbs.Record,
            new { submissionId = submissionId ?? Guid.NewGuid().ToString() }, style: "positive"));
    }

    private static void AddProblemSummary(AdaptiveCard card, Dictionary<string, string[]> byField)
    {
        if (byField.Count == 0) return;
        var count = byField.Count;
        card.Add(Element.Text(Texts.Count("NewSituation.FixFields", count), weight: "Bolder", color: "Attention"));

        // A problem the form has no field for would otherwise be lost; it goes under the summary line.
        foreach (var (field, messages) in byField.Where(p => !InputIds.Contains(p.Key, StringComparer.OrdinalIgnoreCase)))
        {
            foreach (var message in messages) card.Add(Element.Text(message, color: "Attention"));
        }
    }

    /// <summary>
    /// What the form says under a field that is missing or wrong, in the reader's language; the validator's own
    /// (English) sentences are for the REST API, so Teams shows these instead (see <see cref="InReadersLanguage"/>).
    /// </summary>
    public static string UsualError(string field) => field switch
    {
        Table => Texts.Get("NewSituation.TableError"),
        AerMet => Texts.Get("NewSituation.ThresholdError"),
        Type => Texts.Get("NewSituation.TypeError"),
        AgeGroup => Texts.Get("NewSituation.AgeGroupError"),
        Gender => Texts.Get("NewSituation.GenderError"),
        PeopleCount => Texts.Get("NewSituation.PeopleError", NewSituationValidator.MaxPeopleCount),
        RiskFactors => Texts.Get("NewSituation.RiskFactorsError"),
        Summary => Texts.Get("NewSituation.SummaryError", Situation.MaxSummaryLength),
        OriginatingAgency => Texts.Get("NewSituation.OriginatingError"),
        LeadAgency => Texts.Get("NewSituation.LeadError"),
        AssistingAgencies => Texts.Get("NewSituation.AssistingError"),
        _ => Texts.Get("NewSituation.FieldError"),
    };

    /// <summary>
    /// The validator's problems as the form shows them: each field's in the reader's language; an identifying detail
    /// in the summary named with its passage (<see cref="IdentifierGuard"/>, in English or French).
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> InReadersLanguage(IReadOnlyDictionary<string, string[]> problems, string? summary,
        IdentifierContext privacy)
    {
        var shown = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, _) in problems)
        {
            var identified = field.Equals(Summary, StringComparison.OrdinalIgnoreCase) && summary is not null
                ? IdentifierGuard.Describe(summary, IdentifierGuard.Find(summary, privacy), french: BotLanguage.IsFrench)
                : "";
            shown[field] = [identified.Length > 0 ? identified : UsualError(field)];
        }
        return shown;
    }

    private static void Field(AdaptiveCard card, Dictionary<string, string[]> byField, JsonObject input)
    {
        var id = (string)input["id"]!;
        var messages = byField.GetValueOrDefault(id) ?? [];
        input["errorMessage"] = messages.Length > 0 ? string.Join(" ", messages) : UsualError(id);
        card.Add(input);
        foreach (var message in messages)
        {
            card.Add(Element.Text(message, color: "Attention", size: "Small"));
        }
    }

    private static JsonObject Choice(string id, string label, CatalogueList list, string? typed) =>
        Element.ChoiceInput(id, label, Choices(list), typed is null ? null : list.Find(typed)?.Id ?? typed, required: true);

    private static IEnumerable<(string, string)> Choices(CatalogueList list) => list.Select(e => (e.Id, e.LocalLabel));

    private static string? AgencyId(string? typed, IReadOnlyList<Agency> agencies) =>
        typed is null ? null : agencies.FirstOrDefault(a => Same(a.Id, typed))?.Id ?? typed;

    private static string? Joined(IEnumerable<string>? ids) =>
        ids?.ToList() is { Count: > 0 } list ? string.Join(",", list) : null;

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

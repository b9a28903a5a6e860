using System.Text.Json.Nodes;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

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

        var card = new AdaptiveCard().Heading("Record a new situation");
        card.Text("Record what the table agreed at filter 2. The lead and assisting agencies' representatives will get a card to accept or decline. " +
            "A discussion that did not meet the threshold is recorded too (filter-2 fields only): it counts in the figures and nothing is sent.");
        AddProblemSummary(card, byField);

        var tableValue = typed?.Table is { } typedTable
            ? tablesTheCoChairChairs.FirstOrDefault(t => Same(t.Id, typedTable))?.Id ?? typedTable
            : tablesTheCoChairChairs.Count == 1 ? tablesTheCoChairChairs[0].Id : null;
        Field(card, byField, Element.ChoiceInput(Table, "Table", tablesTheCoChairChairs.Select(t => (t.Id, t.Name)), tableValue,
            required: true), "Choose the table.");

        Field(card, byField, Element.ChoiceInput(AerMet, "Threshold of acutely elevated risk",
            [("true", "Met: name the agencies"), ("false", "Not met: record the discussion only")],
            typed?.AerMet == false ? "false" : "true", required: true, compact: false), "Say whether the threshold was met.");
        Field(card, byField, Choice(Type, "Situation type", catalogue.SituationTypes, typed?.Type), "Choose the situation type.");
        Field(card, byField, Choice(AgeGroup, "Age group", catalogue.AgeGroups, typed?.AgeGroup), "Choose the age group.");
        Field(card, byField, Choice(Gender, "Gender", catalogue.Genders, typed?.Gender), "Choose the gender.");
        var people = new JsonObject
        {
            ["type"] = "Input.Number", ["id"] = PeopleCount, ["label"] = "People involved (a family: how many; a person is 1, a place 0)",
            ["min"] = 0, ["max"] = NewSituationValidator.MaxPeopleCount,
        };
        if (typed?.PeopleCount is { } count) people["value"] = count;
        Field(card, byField, people, $"A family counts 2 to {NewSituationValidator.MaxPeopleCount} people.");
        Field(card, byField, Element.ChoiceInput(RiskFactors, "Risk factors", Choices(catalogue.RiskFactors),
            Joined(typed?.RiskFactors?.Select(id => catalogue.RiskFactors.Find(id)?.Id ?? id)), multiSelect: true, required: true),
            "Choose at least one risk factor.");

        card.Add(Element.Text(
            "Keep the summary de-identified: no names, addresses, dates of birth, phone or health card numbers.",
            subtle: true));
        Field(card, byField, Element.TextInput(Summary, "Summary (optional)", typed?.Summary, multiline: true,
            maxLength: Situation.MaxSummaryLength, placeholder: "What the table discussed, without identifying details"),
            $"Keep the summary to {Situation.MaxSummaryLength} characters.");

        var agencyChoices = agencies.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).Select(a => (a.Id, a.Name)).ToList();
        Field(card, byField, Element.ChoiceInput(OriginatingAgency, "Originating agency", agencyChoices,
            AgencyId(typed?.OriginatingAgency, agencies), required: true), "Choose the originating agency.");
        // Not required on the card: a not-AER discussion names none; the validator asks for them when the threshold was met.
        Field(card, byField, Element.ChoiceInput(LeadAgency, "Lead agency (threshold met)", agencyChoices,
            AgencyId(typed?.LeadAgency, agencies)), "Choose the lead agency.");
        Field(card, byField, Element.ChoiceInput(AssistingAgencies, "Assisting agencies (threshold met)", agencyChoices,
            Joined(typed?.AssistingAgencies?.Select(id => AgencyId(id, agencies) ?? id)), multiSelect: true),
            "Name at least one assisting agency.");

        return card.Action(Actions.Execute("Record situation", SituationVerbs.Record,
            new { submissionId = submissionId ?? Guid.NewGuid().ToString() }, style: "positive"));
    }

    private static void AddProblemSummary(AdaptiveCard card, Dictionary<string, string[]> byField)
    {
        if (byField.Count == 0) return;
        var count = byField.Count;
        card.Add(Element.Text($"Please fix {count} {(count == 1 ? "field" : "fields")}.", weight: "Bolder", color: "Attention"));

        // A problem the form has no field for would otherwise be lost; it goes under the summary line.
        foreach (var (field, messages) in byField.Where(p => !InputIds.Contains(p.Key, StringComparer.OrdinalIgnoreCase)))
        {
            foreach (var message in messages) card.Add(Element.Text(message, color: "Attention"));
        }
    }

    private static void Field(AdaptiveCard card, Dictionary<string, string[]> byField, JsonObject input, string usualError)
    {
        var id = (string)input["id"]!;
        var messages = byField.GetValueOrDefault(id) ?? [];
        input["errorMessage"] = messages.Length > 0 ? string.Join(" ", messages) : usualError;
        card.Add(input);
        foreach (var message in messages)
        {
            card.Add(Element.Text(message, color: "Attention", size: "Small"));
        }
    }

    private static JsonObject Choice(string id, string label, CatalogueList list, string? typed) =>
        Element.ChoiceInput(id, label, Choices(list), typed is null ? null : list.Find(typed)?.Id ?? typed, required: true);

    private static IEnumerable<(string, string)> Choices(CatalogueList list) => list.Select(e => (e.Id, e.Label));

    private static string? AgencyId(string? typed, IReadOnlyList<Agency> agencies) =>
        typed is null ? null : agencies.FirstOrDefault(a => Same(a.Id, typed))?.Id ?? typed;

    private static string? Joined(IEnumerable<string>? ids) =>
        ids?.ToList() is { Count: > 0 } list ? string.Join(",", list) : null;

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

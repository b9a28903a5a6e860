using FocusBot.Core.Catalogue;
using FocusBot.Core.Privacy;
using FocusBot.Core.Roster;

namespace FocusBot.Core.Situations;

/// <summary>The outcome of checking a new situation: every problem by field, or the situation ready to record.</summary>
public sealed class NewSituationValidation
{
    internal NewSituationValidation(IReadOnlyDictionary<string, string[]> problems, NewSituation? newSituation)
    {
        Problems = problems;
        NewSituation = newSituation;
    }

    /// <summary>Messages by field, the field named as in the JSON contract (<c>table</c>, <c>leadAgency</c>, ...).</summary>
    public IReadOnlyDictionary<string, string[]> Problems { get; }
    public bool IsValid => NewSituation is not null;
    /// <summary>The checked situation; null when there are problems.</summary>
    public NewSituation? NewSituation { get; }
}

/// <summary>
/// Checks a new situation as a whole, so that the co-chair (or the API caller) sees every problem at once.
/// Tables and agencies come from the roster, the other choices from the catalogue. The summary is checked for
/// identifying details as written today (<paramref name="time"/>, the system clock when not given), with the roster's
/// agency names known not to be people's names.
/// </summary>
public sealed class NewSituationValidator(SituationCatalogue catalogue, TimeProvider? time = null)
{
    /// <summary>About one table's worth of agencies; more is a mistake, not a plan.</summary>
    public const int MaxAssistingAgencies = 20;
    /// <summary>The largest family a situation counts (RTD's people count); more is a typing mistake.</summary>
    public const int MaxPeopleCount = 50;

    public NewSituationValidation Validate(
        NewSituationRequest request, Member? recordedBy, IReadOnlyList<Table> tables, IReadOnlyList<Agency> agencies)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, List<string>>();
        void Problem(string field, string message)
        {
            if (!problems.TryGetValue(field, out var messages))
            {
                problems[field] = messages = [];
            }

            messages.Add(message);
        }

        var table = RequiredTable(request.Table, tables, Problem);
        if (table is not null && recordedBy?.IsCoChairOf(table.Id) != true)
        {
            Problem("table", "Only a co-chair of this table can record a situation.");
        }

        var type = RequiredChoice("type", "situation type", request.Type, catalogue.SituationTypes, Problem);
        var ageGroup = RequiredChoice("ageGroup", "age group", request.AgeGroup, catalogue.AgeGroups, Problem);
        var gender = RequiredChoice("gender", "gender", request.Gender, catalogue.Genders, Problem);
        var riskFactors = RiskFactors(request.RiskFactors, Problem);
        var privacy = IdentifierContext.At((time ?? TimeProvider.System).GetUtcNow(), agencies.Select(a => a.Name));
        var aerMet = request.AerMet ?? true;
        var originatingAgency = RequiredAgency("originatingAgency", "originating agency", request.OriginatingAgency, agencies, Problem);
        var peopleCount = PeopleCount(request.PeopleCount, type, Problem);
        string? summary = null;
        string? leadAgency = null;
        List<string> assistingAgencies = [];
        if (aerMet)
        {
            summary = Summary(request.Summary, privacy, Problem);
            leadAgency = RequiredAgency("leadAgency", "lead agency", request.LeadAgency, agencies, Problem);
            assistingAgencies = AssistingAgencies(request.AssistingAgencies, leadAgency, agencies, Problem);
        }
        else
        {
            // Not AER: the table shares nothing beyond filter 2 and asks no agency to act.
            if (!string.IsNullOrWhiteSpace(request.Summary)) Problem("summary", "A discussion that did not meet the threshold has no summary.");
            if (!string.IsNullOrWhiteSpace(request.LeadAgency)) Problem("leadAgency", "A discussion that did not meet the threshold names no lead agency.");
            if (request.AssistingAgencies is { Count: > 0 }) Problem("assistingAgencies", "A discussion that did not meet the threshold names no assisting agencies.");
        }

        if (problems.Count > 0)
        {
            return new NewSituationValidation(problems.ToDictionary(p => p.Key, p => p.Value.ToArray()), null);
        }

        return new NewSituationValidation(
            new Dictionary<string, string[]>(),
            new NewSituation(recordedBy!, table!, type!, ageGroup!, gender!, riskFactors, summary, originatingAgency!, leadAgency, assistingAgencies,
                aerMet, peopleCount));
    }

    private static Table? RequiredTable(string? id, IReadOnlyList<Table> tables, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problem("table", "Choose the table.");
            return null;
        }

        var table = tables.FirstOrDefault(t => string.Equals(t.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
        if (table is null)
        {
            problem("table", $"This table is not on the roster. Allowed: {string.Join(", ", tables.Select(t => t.Id))}.");
        }

        return table;
    }

    private static string? RequiredChoice(string field, string what, string? id, CatalogueList list, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problem(field, $"Choose the {what}.");
            return null;
        }

        var entry = list.Find(id);
        if (entry is null)
        {
            problem(field, $"This {what} is not one of the table's choices. Allowed: {string.Join(", ", list.Select(e => e.Id))}.");
        }

        return entry?.Id;
    }

    private static string? RequiredAgency(string field, string what, string? id, IReadOnlyList<Agency> agencies, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problem(field, $"Choose the {what}.");
            return null;
        }

        var agency = FindAgency(id, agencies);
        if (agency is null)
        {
            problem(field, $"The {what} is not on the roster. Allowed: {string.Join(", ", agencies.Select(a => a.Id).Order(StringComparer.Ordinal))}.");
        }

        return agency?.Id;
    }

    /// <summary>
    /// RTD's people count: a person is 1 (the default), a family must say how many (2 to <see cref="MaxPeopleCount"/>),
    /// a place or environment is 0 (the default). Any other type: 0 to <see cref="MaxPeopleCount"/>, default 1.
    /// </summary>
    private static int PeopleCount(int? count, string? type, Action<string, string> problem)
    {
        switch (type)
        {
            case "person":
                if (count is null or 1) return 1;
                problem("peopleCount", "A person counts 1 person (allowed: 1).");
                return 1;
            case "family":
                if (count is >= 2 and <= MaxPeopleCount) return count.Value;
                problem("peopleCount", count is null
                    ? $"Say how many people the family counts (allowed: 2 to {MaxPeopleCount})."
                    : $"A family counts 2 to {MaxPeopleCount} people.");
                return 0;
            case "environment":
                if (count is null or 0) return 0;
                problem("peopleCount", "A place or environment counts 0 people (allowed: 0).");
                return 0;
            default:
                if (count is null) return 1;
                if (count is >= 0 and <= MaxPeopleCount) return count.Value;
                problem("peopleCount", $"Must be from 0 to {MaxPeopleCount}.");
                return 0;
        }
    }

    private List<string> RiskFactors(IReadOnlyList<string>? ids, Action<string, string> problem)
    {
        var found = new List<string>();
        if (ids is null || ids.Count == 0)
        {
            problem("riskFactors", "Choose at least one risk factor.");
            return found;
        }

        var unknown = false;
        var repeated = false;
        foreach (var id in ids)
        {
            var entry = catalogue.RiskFactors.Find(id);
            if (entry is null)
            {
                unknown = true;
            }
            else if (found.Contains(entry.Id))
            {
                repeated = true;
            }
            else
            {
                found.Add(entry.Id);
            }
        }

        if (unknown)
        {
            problem("riskFactors", $"Some risk factors are not in the table's catalogue. Allowed: {string.Join(", ", catalogue.RiskFactors.Select(e => e.Id))}.");
        }

        if (repeated)
        {
            problem("riskFactors", "A risk factor is listed more than once.");
        }

        return found;
    }

    private static string? Summary(string? text, IdentifierContext privacy, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var summary = text.Trim();
        if (summary.Length > Situation.MaxSummaryLength)
        {
            problem("summary", $"Keep the summary to {Situation.MaxSummaryLength} characters.");
        }

        var findings = IdentifierGuard.Find(summary, privacy);
        if (findings.Count > 0)
        {
            problem("summary", IdentifierGuard.Describe(summary, findings));
        }

        return summary;
    }

    private static List<string> AssistingAgencies(
        IReadOnlyList<string>? ids, string? leadAgency, IReadOnlyList<Agency> agencies, Action<string, string> problem)
    {
        var found = new List<string>();
        if (ids is null || ids.Count == 0)
        {
            problem("assistingAgencies", "Name at least one assisting agency: no single agency can lower the risk alone.");
            return found;
        }

        if (ids.Count > MaxAssistingAgencies)
        {
            problem("assistingAgencies", $"Name at most {MaxAssistingAgencies} assisting agencies.");
        }

        var unknown = false;
        var repeated = false;
        var includesLead = false;
        foreach (var id in ids)
        {
            var agency = string.IsNullOrWhiteSpace(id) ? null : FindAgency(id, agencies);
            if (agency is null)
            {
                unknown = true;
            }
            else if (string.Equals(agency.Id, leadAgency, StringComparison.Ordinal))
            {
                includesLead = true;
            }
            else if (found.Contains(agency.Id))
            {
                repeated = true;
            }
            else
            {
                found.Add(agency.Id);
            }
        }

        if (unknown)
        {
            problem("assistingAgencies", "Some assisting agencies are not on the roster.");
        }

        if (repeated)
        {
            problem("assistingAgencies", "An assisting agency is named more than once.");
        }

        if (includesLead)
        {
            problem("assistingAgencies", "The lead agency cannot also be an assisting agency.");
        }

        return found;
    }

    private static Agency? FindAgency(string id, IReadOnlyList<Agency> agencies) =>
        agencies.FirstOrDefault(a => string.Equals(a.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
}

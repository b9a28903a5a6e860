namespace FocusBot.Core.Situations;

/// <summary>
/// A situation as a co-chair submits it after the table found acutely elevated risk (filter 2), before any
/// check. Field names follow the JSON contract of <c>POST /api/v1/situations</c>.
/// </summary>
public sealed record NewSituationRequest
{
    public string? Table { get; init; }
    public string? Type { get; init; }
    public string? AgeGroup { get; init; }
    public string? Gender { get; init; }
    public IReadOnlyList<string>? RiskFactors { get; init; }
    public string? Summary { get; init; }
    public string? OriginatingAgency { get; init; }
    public string? LeadAgency { get; init; }
    public IReadOnlyList<string>? AssistingAgencies { get; init; }
    /// <summary>Whether the threshold of acutely elevated risk was met; absent means met.</summary>
    public bool? AerMet { get; init; }
    /// <summary>How many people the intervention involves: 1 for a person (the default), required for a family, 0 for a place.</summary>
    public int? PeopleCount { get; init; }
}

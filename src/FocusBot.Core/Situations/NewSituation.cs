using FocusBot.Core.Roster;

namespace FocusBot.Core.Situations;

/// <summary>
/// A new situation that passed <see cref="NewSituationValidator"/>: every id known and in the catalogue's or
/// roster's own spelling. Only the validator makes one, so <see cref="Situation.Record"/> can trust it.
/// </summary>
public sealed record NewSituation
{
    internal NewSituation(
        Member recordedBy, Table table, string type, string ageGroup, string gender, IReadOnlyList<string> riskFactors, string? summary,
        string originatingAgency, string? leadAgency, IReadOnlyList<string> assistingAgencies, bool aerMet, int peopleCount)
    {
        RecordedBy = recordedBy;
        Table = table;
        Type = type;
        AgeGroup = ageGroup;
        Gender = gender;
        RiskFactors = riskFactors;
        Summary = summary;
        OriginatingAgency = originatingAgency;
        LeadAgency = leadAgency;
        AssistingAgencies = assistingAgencies;
        AerMet = aerMet;
        PeopleCount = peopleCount;
    }

    /// <summary>The co-chair who records it.</summary>
    public Member RecordedBy { get; }
    public Table Table { get; }
    public string Type { get; }
    public string AgeGroup { get; }
    public string Gender { get; }
    public IReadOnlyList<string> RiskFactors { get; }
    public string? Summary { get; }
    public string OriginatingAgency { get; }
    /// <summary>Null only when <see cref="AerMet"/> is false.</summary>
    public string? LeadAgency { get; }
    public IReadOnlyList<string> AssistingAgencies { get; }
    /// <summary>False: the threshold was not met; filter-2 fields only, no agencies, no summary.</summary>
    public bool AerMet { get; }
    public int PeopleCount { get; }
    /// <summary>How long after the discussion the lead's 48-hour update falls due (<c>Situations:UpdateDueHours</c>).</summary>
    public TimeSpan UpdateDueAfter { get; init; } = SituationOptions.DefaultUpdateDue;
}

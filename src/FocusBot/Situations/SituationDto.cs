using FocusBot.Core.Situations;

namespace FocusBot.Situations;

public sealed record AssignmentDto(string Agency, string Role, string State, string? RespondedBy, DateTimeOffset? RespondedAt, string? DeclineReason);

public sealed record UpdateDto(string Agency, string By, DateTimeOffset At, string Kind, string Note, string? NextStep,
    IReadOnlyList<string> Barriers, bool IsFortyEightHourUpdate, bool? WasOnTime);

public sealed record EventDto(DateTimeOffset At, string By, string Kind, string? Agency, string Detail);

/// <summary>A situation as the backend returns it (to co-chairs and administrators: the full view).</summary>
public sealed record SituationDto(
    string Id, string Table, string Type, string AgeGroup, string Gender, IReadOnlyList<string> RiskFactors, string? Summary,
    string OriginatingAgency, string LeadAgency, IReadOnlyList<string> AssistingAgencies, string Status, string? Outcome,
    DateOnly DiscussedOn, DateTimeOffset CreatedAt, DateTimeOffset? LeadAcceptedAt, DateTimeOffset? UpdateDueAt,
    DateTimeOffset? ConcludedAt, IReadOnlyList<AssignmentDto> Assignments, IReadOnlyList<UpdateDto> Updates, IReadOnlyList<EventDto> History)
{
    public static SituationDto From(Situation s) => new(
        s.Id, s.TableId, s.TypeId, s.AgeGroupId, s.GenderId, s.RiskFactorIds, s.Summary, s.OriginatingAgencyId, s.LeadAgencyId,
        s.AssistingAssignments.Select(a => a.AgencyId).Order(StringComparer.Ordinal).ToList(), s.Status.ToString().ToLowerInvariant(), s.OutcomeId, s.DiscussedOn,
        s.CreatedAt, s.LeadAcceptedAt, s.UpdateDueAt, s.ConcludedAt,
        s.Assignments.OrderBy(a => a.Role).ThenBy(a => a.AgencyId, StringComparer.Ordinal).Select(a => new AssignmentDto(a.AgencyId, a.Role.ToString().ToLowerInvariant(), a.State.ToString().ToLowerInvariant(),
            a.RespondedByEmail, a.RespondedAt, a.DeclineReason)).ToList(),
        s.Updates.OrderBy(u => u.At).Select(u => new UpdateDto(u.AgencyId, u.ByEmail, u.At, u.KindId, u.Note, u.NextStep, u.BarrierIds,
            u.IsFortyEightHourUpdate, u.WasOnTime)).ToList(),
        s.Events.OrderBy(e => e.At).Select(e => new EventDto(e.At, e.ByEmail, e.Kind.ToString(), e.AgencyId, e.Detail)).ToList());
}

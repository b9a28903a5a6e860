using FocusBot.Core.Situations;

namespace FocusBot.Situations;

/// <summary>One agency's part in a situation, released ones included (they are the situation's history too).</summary>
/// <param name="Role"><c>lead</c> or <c>assisting</c>.</param>
/// <param name="State"><c>requested</c>, <c>accepted</c>, <c>declined</c> or <c>released</c>.</param>
/// <param name="UpdateDueAt">For a lead: when its 48-hour update is due (UTC).</param>
public sealed record AssignmentDto(string Agency, string Role, string State, DateTimeOffset RequestedAt, string? RespondedBy,
    DateTimeOffset? RespondedAt, string? DeclineReason, DateTimeOffset? UpdateDueAt, DateTimeOffset? ReleasedAt);

/// <param name="Services">Services mobilized (catalogue ids).</param>
public sealed record UpdateDto(string Agency, string By, DateTimeOffset At, string Kind, string Note, string? NextStep,
    IReadOnlyList<string> Barriers, IReadOnlyList<string> Services, bool IsFortyEightHourUpdate, bool? WasOnTime);

/// <param name="Kind">Kebab-case: <c>recorded</c>, <c>accepted</c>, <c>declined</c>, <c>asked-again</c>, <c>lead-changed</c>,
/// <c>assisting-added</c>, <c>released</c>, <c>update-posted</c>, <c>concluded</c>, <c>reopened</c>.</param>
/// <param name="Role">The part concerned: <c>lead</c> or <c>assisting</c> (answers, asking again, adding, releasing).</param>
/// <param name="FormerAgency">A lead change: the lead agency released.</param>
/// <param name="Outcome">A conclusion: the outcome id.</param>
/// <param name="UpdateKind">An update: the update kind id.</param>
/// <param name="OnTime">A 48-hour update: whether it came by its due time.</param>
/// <param name="Status">A recording or a re-opening: the status the situation took (kebab-case).</param>
public sealed record EventDto(DateTimeOffset At, string By, string Kind, string? Agency, string? Role, string? FormerAgency, string? Outcome,
    string? UpdateKind, bool? OnTime, string? Status);

/// <summary>
/// A situation as the backend returns it (to co-chairs and administrators: the full view). <c>status</c> is
/// <c>open</c>, <c>active</c>, <c>concluded</c> or <c>not-aer</c>; <c>leadAgency</c> is the current lead (null for
/// not-AER); <c>assistingAgencies</c> those asked or accepted, <c>declinedAgencies</c> those that declined; released
/// agencies appear only in <c>assignments</c> and <c>history</c>.
/// </summary>
public sealed record SituationDto(
    string Id, string Table, string Type, string AgeGroup, string Gender, IReadOnlyList<string> RiskFactors, string? Summary,
    bool AerMet, int PeopleCount, string OriginatingAgency, string? LeadAgency, IReadOnlyList<string> AssistingAgencies,
    IReadOnlyList<string> DeclinedAgencies, string Status, string? Outcome, DateOnly DiscussedOn, DateTimeOffset CreatedAt,
    DateTimeOffset? LeadAcceptedAt, DateTimeOffset? UpdateDueAt, DateTimeOffset? ConcludedAt, IReadOnlyList<AssignmentDto> Assignments,
    IReadOnlyList<UpdateDto> Updates, IReadOnlyList<EventDto> History)
{
    public static SituationDto From(Situation s) => new(
        s.Id, s.TableId, s.TypeId, s.AgeGroupId, s.GenderId, s.RiskFactorIds, s.Summary, s.AerMet, s.PeopleCount, s.OriginatingAgencyId,
        s.LeadAgencyId,
        s.AssistingAssignments.Where(a => a.State != AssignmentState.Declined).Select(a => a.AgencyId).Order(StringComparer.Ordinal).ToList(),
        s.Assignments.Where(a => a.State == AssignmentState.Declined).Select(a => a.AgencyId).Order(StringComparer.Ordinal).ToList(),
        ApiNames.Kebab(s.Status), s.OutcomeId, s.DiscussedOn, s.CreatedAt, s.LeadAcceptedAt, s.UpdateDueAt, s.ConcludedAt,
        s.Assignments.OrderBy(a => a.RequestedAt).ThenBy(a => a.Role).ThenBy(a => a.AgencyId, StringComparer.Ordinal)
            .Select(a => new AssignmentDto(a.AgencyId, ApiNames.Kebab(a.Role), ApiNames.Kebab(a.State), a.RequestedAt, a.RespondedByEmail,
                a.RespondedAt, a.DeclineReason, a.UpdateDueAt, a.ReleasedAt)).ToList(),
        s.Updates.OrderBy(u => u.At).Select(u => new UpdateDto(u.AgencyId, u.ByEmail, u.At, u.KindId, u.Note, u.NextStep, u.BarrierIds,
            u.ServiceIds, u.IsFortyEightHourUpdate, u.WasOnTime)).ToList(),
        s.Events.OrderBy(e => e.At).Select(e => new EventDto(e.At, e.ByEmail, ApiNames.Kebab(e.Kind), e.AgencyId,
            e.Role is { } role ? ApiNames.Kebab(role) : null, e.FormerAgencyId, e.OutcomeId, e.UpdateKindId, e.WasOnTime,
            e.Status is { } status ? ApiNames.Kebab(status) : null)).ToList());
}

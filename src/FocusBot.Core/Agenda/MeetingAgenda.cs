using FocusBot.Core.Meetings;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Core.Agenda;

/// <summary>
/// One situation on the agenda, with only what the table shared at filter 2 (no summary, no notes, no updates):
/// safe for the table's channel.
/// </summary>
public sealed record AgendaItem(
    string SituationId,
    string TypeId,
    string AgeGroupId,
    string GenderId,
    IReadOnlyList<string> RiskFactorIds,
    SituationStatus Status,
    string LeadAgencyId,
    IReadOnlyList<string> AssistingAgencyIds,
    DateOnly DiscussedOn,
    DateTimeOffset? UpdateDueAt,
    IReadOnlyList<string> UnacceptedAgencyIds)
{
    public static AgendaItem Of(Situation situation) => new(
        situation.Id, situation.TypeId, situation.AgeGroupId, situation.GenderId, situation.RiskFactorIds.ToList(),
        situation.Status, situation.LeadAgencyId ?? string.Empty,
        situation.AssistingAssignments.Where(a => a.State != AssignmentState.Declined).Select(a => a.AgencyId).ToList(),
        situation.DiscussedOn, situation.UpdateDueAt,
        situation.Assignments.Where(a => a.State == AssignmentState.Requested).Select(a => a.AgencyId).ToList());
}

/// <summary>What the table goes through at its next meeting.</summary>
/// <param name="NewSituations">Recorded since the last meeting started.</param>
/// <param name="ReportBack">Active situations: the lead agency reports back.</param>
/// <param name="OverdueUpdates">Active situations whose 48-hour update is past due and not posted.</param>
/// <param name="UnacceptedAssignments">Situations with an agency that has neither accepted nor declined.</param>
public sealed record MeetingAgenda(
    Table Table,
    MeetingOccurrence? NextMeeting,
    DateTimeOffset? LastMeetingStart,
    IReadOnlyList<AgendaItem> NewSituations,
    IReadOnlyList<AgendaItem> ReportBack,
    IReadOnlyList<AgendaItem> OverdueUpdates,
    IReadOnlyList<AgendaItem> UnacceptedAssignments,
    DateTimeOffset PreparedAt)
{
    /// <summary>Builds the agenda for <paramref name="nextMeeting"/> from the table's situations (any status).</summary>
    public static MeetingAgenda Build(Table table, MeetingOccurrence? nextMeeting, DateTimeOffset? lastMeetingStart,
        IEnumerable<Situation> situations, DateTimeOffset now)
    {
        var current = situations.Where(s => s.TableId == table.Id && s.Status != SituationStatus.Concluded)
            .OrderBy(s => s.CreatedAt).ToList();
        return new MeetingAgenda(table, nextMeeting, lastMeetingStart,
            current.Where(s => lastMeetingStart is null || s.CreatedAt >= lastMeetingStart).Select(AgendaItem.Of).ToList(),
            current.Where(s => s.Status == SituationStatus.Active).Select(AgendaItem.Of).ToList(),
            current.Where(s => s is { Status: SituationStatus.Active, HasFortyEightHourUpdate: false, UpdateDueAt: { } due } && due < now)
                .Select(AgendaItem.Of).ToList(),
            current.Where(s => s.Assignments.Any(a => a.State == AssignmentState.Requested)).Select(AgendaItem.Of).ToList(),
            now);
    }
}

using System.Collections.Concurrent;
using FocusBot.Core.Meetings;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using Microsoft.Extensions.Logging;

namespace FocusBot.Core.Reminders;

/// <summary>
/// Which reminders a table's meetings and situations call for, as UTC instants computed in the table's time zone.
/// Pure: the same table, members, meetings, situations and clock always give the same plan.
/// </summary>
public sealed class ReminderPlanner(TimeProvider time, ReminderOptions options, ILogger<ReminderPlanner> logger)
{
    /// <summary>A lead time this long or longer is a digest to each rep; a shorter one is the agenda in the channel.</summary>
    public static readonly TimeSpan DigestAtLeast = TimeSpan.FromHours(12);

    // Per table and date, so that a DST-day meeting is logged once, not on every re-plan.
    private readonly ConcurrentDictionary<(string TableId, DateOnly Date), bool> _clockChangesLogged = new();

    /// <param name="meetings">The table's meetings from now on (cancelled ones are ignored).</param>
    /// <param name="situations">The table's situations; concluded ones call for nothing.</param>
    public IReadOnlyList<PlannedReminder> Plan(
        Table table, IReadOnlyList<Member> members, IReadOnlyList<MeetingOccurrence> meetings, IReadOnlyList<Situation> situations)
    {
        var now = time.GetUtcNow();
        var atTable = members.Where(m => m.SitsAt(table.Id) && m.Role != MemberRole.Admin).ToList();
        var coChairs = members.Where(m => m.IsCoChairOf(table.Id)).ToList();
        var plan = new List<PlannedReminder>();

        foreach (var meeting in meetings.Where(m => !m.IsCancelled && m.Start >= now))
        {
            NoteClockChange(table, meeting);
            foreach (var lead in table.Meeting.RemindBefore.Distinct())
            {
                var due = DueBefore(meeting.Start, lead, table.TimeZone);
                if (lead >= DigestAtLeast)
                {
                    plan.AddRange(atTable.Select(rep => new PlannedReminder(
                        ReminderKind.MeetingDigest, table.Id, null, ReminderTarget.Member(rep.Email), meeting.Start, due, meeting.JoinUrl)));
                }
                else
                {
                    plan.Add(new PlannedReminder(
                        ReminderKind.MeetingAgenda, table.Id, null, ReminderTarget.TableChannel, meeting.Start, due, meeting.JoinUrl));
                }
            }
        }

        foreach (var situation in situations.Where(s => s.TableId == table.Id && s.Status != SituationStatus.Concluded))
        {
            if (situation.LeadAssignment is not { } lead) continue;
            if (situation.Status == SituationStatus.Open && lead.State == AssignmentState.Requested)
            {
                plan.AddRange(coChairs.Select(c => new PlannedReminder(ReminderKind.UnacceptedAssignment, table.Id, situation.Id,
                    ReminderTarget.Member(c.Email), lead.RequestedAt, lead.RequestedAt + options.UnacceptedAfter)));
            }

            if (situation is { Status: SituationStatus.Active, UpdateDueAt: { } updateDue, HasFortyEightHourUpdate: false })
            {
                var leadReps = atTable.Where(m => string.Equals(m.AgencyId, lead.AgencyId, StringComparison.OrdinalIgnoreCase)).ToList();
                plan.AddRange(leadReps.Select(r => new PlannedReminder(ReminderKind.UpdateNudge, table.Id, situation.Id,
                    ReminderTarget.Member(r.Email), updateDue, updateDue - options.NudgeBeforeUpdateDue)));
                plan.AddRange(leadReps.Concat(coChairs).DistinctBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
                    .Select(m => new PlannedReminder(ReminderKind.UpdateOverdue, table.Id, situation.Id,
                        ReminderTarget.Member(m.Email), updateDue, updateDue)));
            }
        }

        return plan.DistinctBy(p => p.Key).ToList();
    }

    /// <summary>
    /// Whether a claimed situation reminder still applies to the situation as it now is: the last line of defence
    /// against sending a nudge for an update posted between planning and sending.
    /// </summary>
    public static bool StillApplies(Reminder reminder, Situation? situation) => reminder.Kind switch
    {
        ReminderKind.UpdateNudge or ReminderKind.UpdateOverdue =>
            situation is { Status: SituationStatus.Active, HasFortyEightHourUpdate: false, UpdateDueAt: { } due }
            && SameMillisecond(due, reminder.Occurrence),
        ReminderKind.UnacceptedAssignment =>
            situation is { Status: SituationStatus.Open }
            && situation.LeadAssignment is { State: AssignmentState.Requested } lead
            && SameMillisecond(lead.RequestedAt, reminder.Occurrence),
        _ => true,
    };

    /// <summary>
    /// Whole days before are counted on the table's clock (the day before at the same time, even across a DST
    /// change); shorter lead times are elapsed time.
    /// </summary>
    public static DateTimeOffset DueBefore(DateTimeOffset meetingStart, TimeSpan lead, TimeZoneInfo zone)
    {
        if (lead.Ticks % TimeSpan.TicksPerDay != 0) return meetingStart - lead;
        var local = TimeZoneInfo.ConvertTime(meetingStart, zone).DateTime;
        return WallClock.ToInstant(local.AddDays(-lead.Days), zone);
    }

    private static bool SameMillisecond(DateTimeOffset a, DateTimeOffset b) => a.ToUnixTimeMilliseconds() == b.ToUnixTimeMilliseconds();

    private void NoteClockChange(Table table, MeetingOccurrence meeting)
    {
        var zone = table.TimeZone;
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(meeting.Start, zone).DateTime);
        var scheduled = date.ToDateTime(table.Meeting.Start);
        if (!zone.IsInvalidTime(scheduled) && !zone.IsAmbiguousTime(scheduled)) return;
        if (!_clockChangesLogged.TryAdd((table.Id, date), true)) return;
        logger.LogWarning(
            "Table {TableId} meets at {Start} on {Date}, when clocks in {Zone} {Change}; the meeting is taken to start at {Instant:O} and its reminders follow it",
            table.Id, table.Meeting.Start, date, table.TimeZoneId,
            zone.IsInvalidTime(scheduled) ? "skip that hour (spring forward)" : "show that time twice (fall back)", meeting.Start);
    }
}

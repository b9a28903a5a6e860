using FocusBot.Core.Meetings;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Core.Agenda;

/// <summary>Prepares a table's agenda from its calendar and its situations.</summary>
public sealed class AgendaService(
    IRosterStore roster, ISituationStore situations, IMeetingCalendar calendar, ReminderOptions options, TimeProvider time)
{
    /// <summary>How far back the last meeting is looked for (a table that skipped a few weeks still has one).</summary>
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(35);

    /// <summary>The agenda of the table's next meeting; null when there is no such table.</summary>
    public async Task<MeetingAgenda?> NextAsync(string tableId, CancellationToken cancellationToken)
    {
        if (await roster.FindTableAsync(tableId, cancellationToken) is not { } table) return null;
        return await ForMeetingAsync(table, null, cancellationToken);
    }

    /// <summary>The agenda of the meeting that starts at <paramref name="meetingStart"/> (the next one when null).</summary>
    public async Task<MeetingAgenda> ForMeetingAsync(Table table, DateTimeOffset? meetingStart, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var meetings = await calendar.GetMeetingsAsync(table, now - LookBack, now + options.PlanningHorizon, cancellationToken);
        var next = meetingStart is { } start
            ? meetings.FirstOrDefault(m => m.Start == start) ?? new MeetingOccurrence(start, start.AddMinutes(table.Meeting.Minutes), null)
            : meetings.FirstOrDefault(m => m.Start >= now);
        var nextStart = next?.Start ?? now;
        var last = meetings.Where(m => m.Start < nextStart && m.Start < now).Select(m => (DateTimeOffset?)m.Start).LastOrDefault();
        var open = await situations.ListAsync(new SituationQuery([table.Id], [SituationStatus.Open, SituationStatus.Active]), cancellationToken);
        return MeetingAgenda.Build(table, next, last, open, now);
    }
}

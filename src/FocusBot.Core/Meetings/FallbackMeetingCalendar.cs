using System.Collections.Concurrent;
using FocusBot.Core.Roster;
using Microsoft.Extensions.Logging;

namespace FocusBot.Core.Meetings;

/// <summary>
/// Reads the table's real calendar and, when that cannot be done, answers from the roster's schedule so reminders
/// still go out, telling the table about each distinct problem once.
/// </summary>
public sealed class FallbackMeetingCalendar(
    IMeetingCalendar calendar,
    RosterScheduleCalendar schedule,
    ICalendarProblemReporter reporter,
    ILogger<FallbackMeetingCalendar> logger) : IMeetingCalendar
{
    // Per instance: with several instances a table may hear of a problem once from each; a reporter that must
    // say it exactly once can key its own stored record on (table, problem).
    private readonly ConcurrentDictionary<(string TableId, string Problem), bool> _reported = new();

    public async Task<IReadOnlyList<MeetingOccurrence>> GetMeetingsAsync(
        Table table, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        try
        {
            return await calendar.GetMeetingsAsync(table, from, to, cancellationToken);
        }
        catch (CalendarUnavailableException problem)
        {
            logger.LogWarning(problem, "Calendar of table {TableId} unavailable; using the roster's schedule", table.Id);
            await ReportOnceAsync(table, problem.Message, cancellationToken);
            return schedule.MeetingsBetween(table, from, to);
        }
    }

    private async Task ReportOnceAsync(Table table, string problem, CancellationToken cancellationToken)
    {
        var key = (table.Id, problem);
        if (!_reported.TryAdd(key, true))
        {
            return;
        }
        try
        {
            await reporter.ReportAsync(table, problem, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _reported.TryRemove(key, out _);
            throw;
        }
        catch (Exception failure)
        {
            // Not told yet, so the next lookup tries again; the meetings are still answered from the schedule.
            _reported.TryRemove(key, out _);
            logger.LogError(failure, "Could not report the calendar problem of table {TableId}", table.Id);
        }
    }
}

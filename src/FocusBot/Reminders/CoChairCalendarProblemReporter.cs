using FocusBot.Core.Meetings;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;

namespace FocusBot.Reminders;

/// <summary>Tells the table's co-chairs, once, that its meeting times come from the roster because the calendar could not be read.</summary>
public sealed class CoChairCalendarProblemReporter(IServiceScopeFactory scopes, ILogger<CoChairCalendarProblemReporter> logger) : ICalendarProblemReporter
{
    public async Task ReportAsync(Table table, string problem, CancellationToken cancellationToken)
    {
        logger.LogWarning("Calendar of table {TableId} unavailable, using the roster's schedule: {Problem}", table.Id, problem);
        // The calendar is a singleton; the chat sender and stores live in a scope.
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CoChairNotices>().TellOnceAsync(table.Id, $"calendar|{problem}",
            $"FocusBot could not read the {table.Name} meeting calendar, so reminders follow the roster's schedule " +
            $"({table.Meeting.Day} {table.Meeting.Start:HH\\:mm}) until it can. {problem}", cancellationToken);
    }
}

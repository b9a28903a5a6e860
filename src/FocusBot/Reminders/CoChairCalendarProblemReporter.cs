using FocusBot.Core.Meetings;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;

namespace FocusBot.Reminders;

/// <summary>Tells the table's co-chairs, once, that its meeting times come from the roster because the calendar could not be read.</summary>
public sealed class CoChairCalendarProblemReporter(IServiceScopeFactory scopes, ILogger<CoChairCalendarProblemReporter> logger) : ICalendarProblemReporter
{
    // The outbox row keeps at most 2000 characters of notice.
    private const int MaxDetail = 1000;

    public async Task ReportAsync(Table table, string problem, CancellationToken cancellationToken)
    {
        logger.LogWarning("Calendar of table {TableId} unavailable, using the roster's schedule: {Problem}", table.Id, problem);
        // The calendar is a singleton; the chat sender and stores live in a scope.
        await using var scope = scopes.CreateAsyncScope();
        // Worded for each co-chair in their language when sent; Graph's own words are quoted as they came.
        await scope.ServiceProvider.GetRequiredService<CoChairNotices>().TellOnceAsync(table.Id, $"calendar|{problem}",
            new CoChairProblem(CoChairProblemKind.CalendarUnreadable, Detail: problem.Length <= MaxDetail ? problem : problem[..MaxDetail]), cancellationToken);
    }
}

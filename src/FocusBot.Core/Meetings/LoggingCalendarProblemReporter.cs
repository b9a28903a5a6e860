using FocusBot.Core.Roster;
using Microsoft.Extensions.Logging;

namespace FocusBot.Core.Meetings;

/// <summary>The default until the host tells co-chairs: the problem goes to the log.</summary>
public sealed class LoggingCalendarProblemReporter(ILogger<LoggingCalendarProblemReporter> logger) : ICalendarProblemReporter
{
    public Task ReportAsync(Table table, string problem, CancellationToken cancellationToken)
    {
        logger.LogWarning("Calendar of table {TableId} unavailable, using the roster's schedule: {Problem}", table.Id, problem);
        return Task.CompletedTask;
    }
}

using FocusBot.Core.Conversations;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Proactive;

/// <summary>The default until the host tells co-chairs itself: a warning in the log.</summary>
public sealed class LoggingUnreachableReporter(ILogger<LoggingUnreachableReporter> logger) : IUnreachableReporter
{
    public Task ReportAsync(ConversationAddress address, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Teams refused {Address} for good ({Reason}); the co-chairs should reach them another way", address, reason);
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using FocusBot.Core.Conversations;
using FocusBot.Teams.Proactive;

namespace FocusBot.Teams.Tests.Support;

public sealed class RecordingUnreachableReporter : IUnreachableReporter
{
    private readonly ConcurrentQueue<(ConversationAddress Address, string Reason)> _reports = new();

    public IReadOnlyList<(ConversationAddress Address, string Reason)> Reports => [.. _reports];

    public Task ReportAsync(ConversationAddress address, string reason, CancellationToken cancellationToken)
    {
        _reports.Enqueue((address, reason));
        return Task.CompletedTask;
    }
}

using FocusBot.Core.Conversations;

namespace FocusBot.Teams.Proactive;

/// <summary>
/// Members and channels Teams refuses for good (bot removed, user blocked, conversation gone). The mark is kept in
/// the conversation store so that with several instances the co-chairs still hear about it once.
/// </summary>
public sealed class UnreachableMembers(IConversationStore conversations, IUnreachableReporter reporter)
{
    public async Task MarkAsync(ConversationAddress address, string reason, CancellationToken cancellationToken)
    {
        if (await conversations.MarkUnreachableAsync(address, reason, cancellationToken))
        {
            await reporter.ReportAsync(address, reason, cancellationToken);
        }
    }

    /// <summary>Call after a successful turn from <paramref name="address"/>: it is reachable again.</summary>
    public Task ClearAsync(ConversationAddress address, CancellationToken cancellationToken) =>
        conversations.ClearUnreachableAsync(address, cancellationToken);
}

using FocusBot.Core.Conversations;

namespace FocusBot.Teams.Proactive;

/// <summary>Told once when a member or channel becomes unreachable, so the host can let the co-chairs know.</summary>
public interface IUnreachableReporter
{
    Task ReportAsync(ConversationAddress address, string reason, CancellationToken cancellationToken);
}

namespace FocusBot.Core.Conversations;

/// <summary>A message the bot sends on its own initiative: plain text, an Adaptive Card (JSON), or both.</summary>
public sealed record OutgoingMessage(string? Text, string? CardJson = null);

public enum DeliveryStatus
{
    Delivered,
    /// <summary>The bot has no conversation with that member or channel yet.</summary>
    NoConversation,
    /// <summary>Teams refused for good (bot removed, user blocked, conversation gone): do not retry.</summary>
    Unreachable,
    /// <summary>Still failing after every retry the policy allows.</summary>
    Failed,
}

/// <summary>
/// What came of a send; <see cref="ActivityId"/> identifies the posted message for later updates; <see cref="RetryAfter"/>
/// is how long Teams asked us to wait (429/503 Retry-After) when it is <see cref="DeliveryStatus.Failed"/>.
/// </summary>
public sealed record DeliveryResult(DeliveryStatus Status, string? ActivityId = null, string? Detail = null, TimeSpan? RetryAfter = null)
{
    public bool IsDelivered => Status == DeliveryStatus.Delivered;
}

/// <summary>The bot's outgoing channel to Teams (proactive messages and updates of posted cards).</summary>
public interface IChatSender
{
    Task<DeliveryResult> SendAsync(ConversationAddress to, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces a message the bot posted earlier (e.g. a situation card after an acceptance).</summary>
    Task<DeliveryResult> UpdateAsync(ConversationAddress to, string activityId, OutgoingMessage message, CancellationToken cancellationToken);
}

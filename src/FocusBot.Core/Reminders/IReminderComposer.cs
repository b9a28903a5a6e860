using FocusBot.Core.Conversations;

namespace FocusBot.Core.Reminders;

/// <summary>What to send for a due reminder, written when it is sent so that it says what is true then.</summary>
public interface IReminderComposer
{
    Task<ComposedReminder> ComposeAsync(Reminder reminder, CancellationToken cancellationToken);
}

public enum ComposeOutcome
{
    Ready,
    /// <summary>The situation changed since planning (update posted, lead accepted, concluded): cancel, do not send.</summary>
    NoLongerApplies,
    /// <summary>There is nowhere to send it (member off the roster, table channel not linked).</summary>
    Undeliverable,
}

public sealed record ComposedReminder(ComposeOutcome Outcome, ConversationAddress? To = null, OutgoingMessage? Message = null, string? Reason = null)
{
    public static ComposedReminder Ready(ConversationAddress to, OutgoingMessage message) => new(ComposeOutcome.Ready, to, message);
    public static ComposedReminder NoLongerApplies(string reason) => new(ComposeOutcome.NoLongerApplies, Reason: reason);
    public static ComposedReminder Undeliverable(string reason) => new(ComposeOutcome.Undeliverable, Reason: reason);
}

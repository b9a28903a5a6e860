namespace FocusBot.Core.Situations;

/// <summary>Tells people about a situation: its cards in the table's channel and in the named agencies' chats.</summary>
public interface ISituationNotifier
{
    Task SituationRecordedAsync(Situation situation, CancellationToken cancellationToken);

    /// <summary>After any change: every posted copy of the card shows the new state; some changes tell the co-chairs.</summary>
    Task SituationChangedAsync(Situation situation, SituationResult change, CancellationToken cancellationToken);
}

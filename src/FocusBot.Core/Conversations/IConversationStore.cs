namespace FocusBot.Core.Conversations;

/// <summary>
/// Keeps the Bot Framework conversation reference (as opaque JSON) of every personal chat and team channel the bot
/// has seen, so that it can write first: reminders, assignments, agendas. Kept fresh on every turn.
/// </summary>
public interface IConversationStore
{
    /// <summary>Stores (or refreshes) a conversation's reference and clears any unreachable mark: the bot was just reached there.</summary>
    /// <param name="teamId">The team of a channel (so that the team's archiving or deletion marks it), or null.</param>
    Task SaveAsync(ConversationAddress address, string referenceJson, CancellationToken cancellationToken, string? teamId = null);
    Task<string?> FindAsync(ConversationAddress address, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="channel"/> the table's channel (replacing any earlier link).</summary>
    Task LinkTableChannelAsync(string tableId, ConversationAddress channel, CancellationToken cancellationToken);
    Task<ConversationAddress?> FindTableChannelAsync(string tableId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that Teams refused <paramref name="address"/> for good (bot removed, user blocked, conversation gone).
    /// Returns true only when it was not already marked, so that co-chairs are told once, by whichever instance saw it.
    /// </summary>
    Task<bool> MarkUnreachableAsync(ConversationAddress address, string reason, CancellationToken cancellationToken);

    /// <summary>Why <paramref name="address"/> is marked unreachable, or null when it is not (or unknown).</summary>
    Task<string?> UnreachableReasonAsync(ConversationAddress address, CancellationToken cancellationToken);

    /// <summary>
    /// Marks every stored channel of a team unreachable (team archived or deleted, app removed from the team) and
    /// returns the keys of the channels newly marked.
    /// </summary>
    Task<IReadOnlyList<string>> MarkTeamUnreachableAsync(string teamId, string reason, CancellationToken cancellationToken);

    /// <summary>The tables whose linked channel is <paramref name="channelKey"/>.</summary>
    Task<IReadOnlyList<string>> TablesLinkedToAsync(IReadOnlyCollection<string> channelKeys, CancellationToken cancellationToken);

    /// <summary>Forgets an unreachable mark, e.g. after the member spoke to the bot again.</summary>
    Task ClearUnreachableAsync(ConversationAddress address, CancellationToken cancellationToken);
}

using FocusBot.Core.Conversations;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Bot;

/// <summary>
/// What Teams tells the bot about conversations going away: a channel deleted, a team archived or deleted, the app
/// removed from a team or from a member's personal scope. The stored reference is marked (nothing is sent there
/// until the channel is linked again or the member re-installs), and the co-chairs of a table whose channel it was
/// are told once, in their personal chats, how to link one again.
/// </summary>
public sealed class ConversationLifecycle(
    IConversationStore conversations, IRosterStore roster, CoChairNotices coChairs, ILogger<ConversationLifecycle> logger)
{
    /// <param name="channelId">The Teams channel id (the key of its stored reference).</param>
    /// <param name="what">What happened, for people: e.g. "was deleted".</param>
    public async Task ChannelGoneAsync(string channelId, string what, CancellationToken cancellationToken)
    {
        var marked = await conversations.MarkUnreachableAsync(ConversationAddress.Channel(channelId), $"the channel {what}", cancellationToken);
        logger.LogInformation("Teams says channel {ChannelId} {What}; nothing is posted there until it is linked again", channelId, what);
        if (marked) await TellCoChairsAsync([channelId], $"The channel where FocusBot posted this table's situation cards {what}", cancellationToken);
    }

    /// <param name="channelIdInTurn">The channel the event came from, marked too (a team's General channel may predate stored team ids).</param>
    public async Task TeamGoneAsync(string teamId, string? channelIdInTurn, string what, CancellationToken cancellationToken)
    {
        var marked = (await conversations.MarkTeamUnreachableAsync(teamId, $"the team {what}", cancellationToken)).ToList();
        if (channelIdInTurn is not null && await conversations.MarkUnreachableAsync(ConversationAddress.Channel(channelIdInTurn), $"the team {what}", cancellationToken))
            marked.Add(channelIdInTurn);
        logger.LogInformation("Teams says team {TeamId} {What}: {Count} channels marked; nothing is posted there until linked again", teamId, what, marked.Count);
        if (marked.Count > 0) await TellCoChairsAsync(marked, $"The team of the channel where FocusBot posted this table's situation cards {what}", cancellationToken);
    }

    /// <summary>A member removed FocusBot from their personal scope: nothing is sent to them until they install it again.</summary>
    public async Task PersonalScopeRemovedAsync(string email, CancellationToken cancellationToken)
    {
        await conversations.MarkUnreachableAsync(ConversationAddress.Personal(email), "they removed FocusBot from Teams", cancellationToken);
        logger.LogInformation("{Email} removed FocusBot; nothing is sent to them until they install it again", email);
    }

    private async Task TellCoChairsAsync(IReadOnlyCollection<string> channelIds, string what, CancellationToken cancellationToken)
    {
        foreach (var channelId in channelIds)
        foreach (var tableId in await conversations.TablesLinkedToAsync([channelId], cancellationToken))
        {
            var table = await roster.FindTableAsync(tableId, cancellationToken);
            // The same subject as the dispatcher's when a card then finds the channel gone: the co-chairs hear it once.
            await coChairs.TellOnceAsync(tableId, CoChairNotices.ChannelGoneSubject(channelId),
                $"{what} ({table?.Name ?? tableId}). Nothing is posted there any more. To link a channel again, add FocusBot to the " +
                $"table's team and type \"@FocusBot link {tableId}\" in the channel to use.", cancellationToken);
        }
    }
}

using FocusBot.Core.Conversations;
using FocusBot.Core.Reminders;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Bot;

/// <summary>
/// What Teams tells the bot about conversations going away: a channel deleted, a team archived or deleted, the app
/// removed from a team or from a member's personal scope. The stored reference is marked (nothing is sent there
/// until the channel is linked again or the member re-installs), and the co-chairs of a table whose channel it was
/// are told once, in their personal chats, how to link one again.
/// </summary>
public sealed class ConversationLifecycle(
    IConversationStore conversations, CoChairNotices coChairs, ILogger<ConversationLifecycle> logger)
{
    /// <param name="channelId">The Teams channel id (the key of its stored reference).</param>
    /// <param name="what">What happened: <see cref="CoChairProblemKind.ChannelDeleted"/>, <see cref="CoChairProblemKind.TeamArchived"/>,
    /// <see cref="CoChairProblemKind.TeamDeleted"/> or <see cref="CoChairProblemKind.RemovedFromTeam"/> (a team event whose team Teams did not name).</param>
    public async Task ChannelGoneAsync(string channelId, CoChairProblemKind what, CancellationToken cancellationToken)
    {
        var marked = await conversations.MarkUnreachableAsync(ConversationAddress.Channel(channelId), Reason(what), cancellationToken);
        logger.LogInformation("Teams says channel {ChannelId}: {What}; nothing is posted there until it is linked again", channelId, what);
        if (marked) await TellCoChairsAsync([channelId], what, cancellationToken);
    }

    /// <param name="channelIdInTurn">The channel the event came from, marked too (a team's General channel may predate stored team ids).</param>
    /// <param name="what">What happened to the team (<see cref="CoChairProblemKind.TeamArchived"/>, <see cref="CoChairProblemKind.TeamDeleted"/>, <see cref="CoChairProblemKind.RemovedFromTeam"/>).</param>
    public async Task TeamGoneAsync(string teamId, string? channelIdInTurn, CoChairProblemKind what, CancellationToken cancellationToken)
    {
        var marked = (await conversations.MarkTeamUnreachableAsync(teamId, Reason(what), cancellationToken)).ToList();
        if (channelIdInTurn is not null && await conversations.MarkUnreachableAsync(ConversationAddress.Channel(channelIdInTurn), Reason(what), cancellationToken))
            marked.Add(channelIdInTurn);
        logger.LogInformation("Teams says team {TeamId}: {What}; {Count} channels marked; nothing is posted there until linked again", teamId, what, marked.Count);
        if (marked.Count > 0) await TellCoChairsAsync(marked, what, cancellationToken);
    }

    /// <summary>A member removed FocusBot from their personal scope: nothing is sent to them until they install it again.</summary>
    public async Task PersonalScopeRemovedAsync(string email, CancellationToken cancellationToken)
    {
        await conversations.MarkUnreachableAsync(ConversationAddress.Personal(email), "they removed FocusBot from Teams", cancellationToken);
        logger.LogInformation("{Email} removed FocusBot; nothing is sent to them until they install it again", email);
    }

    private async Task TellCoChairsAsync(IReadOnlyCollection<string> channelIds, CoChairProblemKind what, CancellationToken cancellationToken)
    {
        foreach (var channelId in channelIds)
        foreach (var tableId in await conversations.TablesLinkedToAsync([channelId], cancellationToken))
        {
            // The same subject as the dispatcher's when a card then finds the channel gone: the co-chairs hear it once.
            // Each co-chair reads it in their own language, with the table's name and how to link a channel again.
            await coChairs.TellOnceAsync(tableId, CoChairNotices.ChannelGoneSubject(channelId), new CoChairProblem(what), cancellationToken);
        }
    }

    /// <summary>Why nothing is sent there, as kept with the stored reference (for the log and the deliveries API, not for the co-chairs).</summary>
    private static string Reason(CoChairProblemKind what) => what switch
    {
        CoChairProblemKind.ChannelDeleted => "the channel was deleted",
        CoChairProblemKind.TeamArchived => "the team was archived",
        CoChairProblemKind.TeamDeleted => "the team was deleted",
        _ => "the team no longer has FocusBot in it",
    };
}

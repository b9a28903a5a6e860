using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;

namespace FocusBot.Teams.Proactive;

/// <summary>
/// Starts the bot's 1:1 chat with a member who has never written to it. Teams allows this when the bot is installed
/// in a team the member belongs to: here, the team of one of the member's tables (its linked channel).
/// </summary>
public sealed class PersonalChatOpener(
    CloudAdapter adapter,
    BotApplicationId bot,
    IRosterStore roster,
    IConversationStore conversations,
    SendPacer pacer)
{
    /// <summary>
    /// Creates the chat and stores its reference under <paramref name="personal"/>; null when the member has no
    /// Entra object id yet or none of their tables has a channel with the bot in it.
    /// </summary>
    public async Task<ConversationReference?> OpenAsync(ConversationAddress personal, CancellationToken cancellationToken)
    {
        var member = await roster.FindMemberByEmailAsync(personal.Key, cancellationToken);
        if (member?.AadObjectId is not { Length: > 0 } aadObjectId
            || await FindTeamOfAsync(member, cancellationToken) is not { } team)
        {
            return null;
        }

        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = team.Bot,
            Members = [new ChannelAccount(id: aadObjectId)],
            TenantId = team.Conversation.TenantId,
        };

        await pacer.WaitTurnAsync(personal.ToString(), cancellationToken);
        ConversationReference? opened = null;
        await adapter.CreateConversationAsync(bot.Value, team.ChannelId, team.ServiceUrl, audience: null, parameters,
            (turn, _) =>
            {
                opened = turn.Activity.GetConversationReference();
                return Task.CompletedTask;
            },
            cancellationToken);

        if (opened is null)
        {
            return null;
        }

        // The create-conversation turn knows only the bot; the member is who the chat is with.
        opened.User = new ChannelAccount(id: aadObjectId, aadObjectId: aadObjectId);
        opened.ActivityId = null;
        await conversations.SaveAsync(personal, StoredReference.Write(opened), cancellationToken);
        return opened;
    }

    private async Task<ConversationReference?> FindTeamOfAsync(Member member, CancellationToken cancellationToken)
    {
        foreach (var tableId in member.TableIds)
        {
            if (await conversations.FindTableChannelAsync(tableId, cancellationToken) is { } channel
                && await conversations.FindAsync(channel, cancellationToken) is { } json)
            {
                return StoredReference.Read(json, channel);
            }
        }

        return null;
    }
}

using System.Runtime.ExceptionServices;
using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

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
    SendPacer pacer,
    ILogger<PersonalChatOpener> logger)
{
    /// <summary>
    /// Creates the chat and stores its reference under <paramref name="personal"/>; null when none of the member's
    /// tables has a channel with the bot in it, or Teams does not know the member in that team.
    /// </summary>
    public async Task<ConversationReference?> OpenAsync(ConversationAddress personal, CancellationToken cancellationToken)
    {
        var member = await roster.FindMemberByEmailAsync(personal.Key, cancellationToken);
        if (member is null || await FindTeamOfAsync(member, cancellationToken) is not { } team)
        {
            return null;
        }

        var aadObjectId = member.AadObjectId ?? await LookUpObjectIdAsync(team, member.Email, cancellationToken);
        if (aadObjectId is null)
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

    /// <summary>
    /// A member who never wrote to the bot is known to us by e-mail only; Teams finds a team member by UPN. The object
    /// id is remembered so the next lookup is not needed.
    /// </summary>
    private async Task<string?> LookUpObjectIdAsync(ConversationReference team, string email, CancellationToken cancellationToken)
    {
        string? objectId = null;
        ExceptionDispatchInfo? failure = null;
        await adapter.ContinueConversationAsync(bot.Value, team, async (turn, token) =>
        {
            // Caught here, not by the adapter: its turn error handler would log a stack trace and swallow the failure,
            // so a 5xx would read as "not in the team" instead of being retried.
            try
            {
                objectId = (await TeamsInfo.GetMemberAsync(turn, email, token))?.AadObjectId;
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        }, cancellationToken);

        switch (failure?.SourceException)
        {
            case null:
                break;
            // Teams does not know the member in that team (or the bot may not look): expected, they have no chat yet.
            case ErrorResponseException { Response.StatusCode: System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden } refused:
                logger.LogInformation("Teams does not know {Email} in the team of their table ({Status}); they have no chat with FocusBot yet",
                    email, (int)refused.Response.StatusCode);
                return null;
            // Throttled, 5xx, timeout: the delivery is tried again later by the dispatcher.
            default:
                failure.Throw();
                break;
        }

        if (Guid.TryParse(objectId, out _)) await roster.RecordAadObjectIdAsync(email, objectId!, cancellationToken);
        return Guid.TryParse(objectId, out _) ? objectId : null;
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

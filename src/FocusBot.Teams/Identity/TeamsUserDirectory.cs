using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Identity;

public sealed class TeamsUserDirectory(ILogger<TeamsUserDirectory> logger) : ITeamsUserDirectory
{
    public async Task<string?> FindEmailAsync(ITurnContext turnContext, string userId, CancellationToken cancellationToken)
    {
        try
        {
            var account = await TeamsInfo.GetMemberAsync(turnContext, userId, cancellationToken);
            return account?.Email ?? account?.UserPrincipalName;
        }
        catch (ErrorResponseException e) when (e.Response?.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            logger.LogInformation("Teams does not know user {UserId} in this conversation ({Status}).", userId, e.Response.StatusCode);
            return null;
        }
    }
}

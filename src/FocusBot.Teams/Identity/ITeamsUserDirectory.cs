using Microsoft.Bot.Builder;

namespace FocusBot.Teams.Identity;

/// <summary>Asks Teams who a user is: the e-mail it reports for them (Teams' roster of the conversation).</summary>
public interface ITeamsUserDirectory
{
    /// <summary>The user's e-mail or UPN, or null when Teams does not know them in this conversation.</summary>
    Task<string?> FindEmailAsync(ITurnContext turnContext, string userId, CancellationToken cancellationToken);
}

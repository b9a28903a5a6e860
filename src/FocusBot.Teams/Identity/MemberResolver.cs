using FocusBot.Core.Roster;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Identity;

/// <summary>
/// Finds the roster member behind a Teams user: by Entra object id, else by the e-mail Teams reports for the user
/// (looked up once and cached, because every turn needs it).
/// </summary>
public sealed class MemberResolver(
    IRosterStore roster, ITeamsUserDirectory directory, IMemoryCache cache, ILogger<MemberResolver> logger)
{
    private static readonly TimeSpan EmailCacheLifetime = TimeSpan.FromHours(1);

    public async Task<Member?> ResolveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        if (from is null || string.IsNullOrEmpty(from.Id)) return null;

        if (!string.IsNullOrEmpty(from.AadObjectId))
        {
            var byObjectId = await roster.FindMemberByAadObjectIdAsync(from.AadObjectId, cancellationToken);
            if (byObjectId is not null) return byObjectId;
        }

        var email = await EmailOfAsync(turnContext, from.Id, cancellationToken);
        if (email is null) return null;

        var member = await roster.FindMemberByEmailAsync(email, cancellationToken);
        if (member is not null && member.AadObjectId is null && Guid.TryParse(from.AadObjectId, out _))
        {
            await roster.RecordAadObjectIdAsync(member.Email, from.AadObjectId!, cancellationToken);
        }
        return member;
    }

    private async Task<string?> EmailOfAsync(ITurnContext turnContext, string userId, CancellationToken cancellationToken)
    {
        var key = $"teams-user-email:{turnContext.Activity.ChannelId}:{userId}";
        if (cache.TryGetValue(key, out string? cached)) return cached;

        string? email;
        try
        {
            email = (await directory.FindEmailAsync(turnContext, userId, cancellationToken))?.Trim().ToLowerInvariant();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not cached: the next turn asks Teams again.
            logger.LogWarning("Could not ask Teams for the e-mail of user {UserId}: {Error}", userId, e.Message);
            return null;
        }

        cache.Set(key, email, email is null ? TimeSpan.FromMinutes(5) : EmailCacheLifetime);
        return email;
    }
}

using FocusBot.Core.Roster;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Identity;

/// <summary>
/// Finds the roster member behind a Teams user through <see cref="MemberLookup"/>: by the activity's tenant and the
/// user's Entra object id (<c>from.aadObjectId</c>), else, the first time, by the e-mail Teams reports for the user
/// (looked up once and cached, because every turn needs it).
/// </summary>
public sealed class MemberResolver(
    MemberLookup lookup, ITeamsUserDirectory directory, IMemoryCache cache, ILogger<MemberResolver> logger)
{
    private static readonly TimeSpan EmailCacheLifetime = TimeSpan.FromHours(1);

    /// <summary>The member, or null for a user who is not (or not yet provably) on the roster.</summary>
    public async Task<Member?> ResolveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        if (from is null || string.IsNullOrEmpty(from.Id)) return null;

        return await lookup.FindAsync(new SignedInPerson(TenantOf(turnContext), from.AadObjectId),
            async ct => [await EmailOfAsync(turnContext, from.Id, ct)], cancellationToken);
    }

    private static string? TenantOf(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        if (!string.IsNullOrEmpty(activity.Conversation?.TenantId)) return activity.Conversation.TenantId;
        return activity.ChannelData is JObject { } channelData && channelData["tenant"] is JObject tenant &&
               tenant["id"] is { Type: JTokenType.String } id
            ? (string?)id
            : null;
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

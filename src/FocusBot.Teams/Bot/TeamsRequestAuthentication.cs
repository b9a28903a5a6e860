using System.Net.Http;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Bot;

/// <summary>
/// Bot Framework's authentication of incoming requests, made strict and total. Bot Framework turns only
/// <see cref="UnauthorizedAccessException"/> into a 401; a token signed by another key, with an unknown <c>kid</c>,
/// <c>alg: none</c>, garbage, not yet valid, or signing keys that cannot be fetched throw other exceptions that
/// would escape the messaging endpoint as a 500. Here every failure to authenticate becomes an
/// <see cref="ActivityRefusedException"/>: 503 when the signing keys could not be fetched, 401 for anything else.
/// Only after the token is accepted are the channel (Teams only: people are known by Teams' <c>aadObjectId</c>)
/// and the tenant (<c>MicrosoftAppTenantId</c>, when set) checked, 403 when wrong, so that a caller without a valid
/// token cannot learn which tenant the bot serves. Last, each Teams user's activities are counted against
/// <see cref="TeamsUserRateLimiter"/> (429 over the limit). The connector and user-token clients it hands Bot
/// Framework are reused across turns (<see cref="ReusedConnectorClients"/>).
/// </summary>
public sealed class TeamsRequestAuthentication(BotFrameworkAuthentication inner, string? allowedTenantId, TeamsUserRateLimiter limiter,
    ReusedConnectorClients clients)
    : BotFrameworkAuthentication
{
    /// <summary>Authenticates the request's token, then checks the activity's channel and tenant; throws <see cref="ActivityRefusedException"/>.</summary>
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader,
        CancellationToken cancellationToken)
    {
        AuthenticateRequestResult result;
        try
        {
            result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            throw Refusal(e);
        }

        if (!string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase))
            throw new ActivityRefusedException(403, $"channel \"{activity.ChannelId}\" is not Microsoft Teams; this bot serves Teams only.");
        if (!string.IsNullOrWhiteSpace(allowedTenantId) && !IsFromTenant(activity, allowedTenantId))
            throw new ActivityRefusedException(403, "the activity is not from the Microsoft 365 tenant this bot serves.");
        // Counted once the token is accepted, so that nobody can use up a real user's allowance with forged activities.
        if (activity.From?.Id is { Length: > 0 } userId && limiter.Refusal(userId) is { } wait)
            throw new ActivityRefusedException(429, $"Teams user {userId} sends more than the per-user limit.", retryAfter: wait);
        result.ConnectorFactory = Reused(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader,
        CancellationToken cancellationToken) =>
        inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    /// <summary>Bot Framework's connector factory for the identity, handing out clients reused across turns.</summary>
    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Reused(inner.CreateConnectorFactory(claimsIdentity), claimsIdentity);

    /// <summary>Bot Framework's user-token client for the identity's app id, made once and reused across turns.</summary>
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        clients.UserTokenAsync(ReusedConnectorClients.AppIdOf(claimsIdentity),
            () => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None));

    private ConnectorFactory Reused(ConnectorFactory factory, ClaimsIdentity identity) =>
        factory is null or ReusedConnectorFactory ? factory! : new ReusedConnectorFactory(factory, ReusedConnectorClients.AppIdOf(identity), clients);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    private static ActivityRefusedException Refusal(Exception e)
    {
        // Fetching the OpenID metadata, the keys or the endorsements failed: the token could not be judged at all.
        if (Causes(e).Any(c => c is HttpRequestException or IOException or TimeoutException or TaskCanceledException))
            return new ActivityRefusedException(503,
                $"Bot Framework's signing keys could not be fetched ({Causes(e).Last().Message}); the activity was not accepted.", e);
        var reason = e is UnauthorizedAccessException ? e.Message : $"{e.GetType().Name}: {FirstLine(e.Message)}";
        return new ActivityRefusedException(401, $"no valid Bot Framework token ({reason}).", e);
    }

    private static IEnumerable<Exception> Causes(Exception e)
    {
        for (var cause = e; cause is not null; cause = cause.InnerException) yield return cause;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>Every tenant id the activity names (conversation and channel data) is the allowed one, and it names at least one.</summary>
    private static bool IsFromTenant(Activity activity, string allowedTenantId)
    {
        var named = new List<string?>();
        if (activity.Conversation?.TenantId is { } conversationTenant) named.Add(conversationTenant);
        if (activity.ChannelData is JObject { } channelData && channelData["tenant"] is JObject tenant && tenant["id"] is { } id)
            named.Add(id.Type == JTokenType.String ? (string?)id : null);
        return named.Count > 0 && named.All(t => string.Equals(t, allowedTenantId, StringComparison.OrdinalIgnoreCase));
    }
}

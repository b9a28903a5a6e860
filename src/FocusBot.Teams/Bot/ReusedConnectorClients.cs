using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace FocusBot.Teams.Bot;

/// <summary>
/// One Bot Connector client per (bot app id, serviceUrl, audience), and one user-token client per bot app id, reused
/// across turns and proactive sends instead of Bot Framework's one of each per turn. A new <see cref="ConnectorClient"/>
/// builds its own Newtonsoft serializer settings and contract resolver (so the reply is serialized by code compiled
/// afresh: dozens of dynamic methods a turn) and reads the user agent by reflection; a reused one pays that once.
/// Each client is rebuilt after <see cref="Lifetime"/>, so the pooled HTTP handler it holds follows DNS changes as
/// <see cref="IHttpClientFactory"/> intends. Authentication is unchanged: the client's credentials (from Bot
/// Framework's credential factory, for that app id and audience) fetch and refresh the token on every request, and a
/// client is only ever used for the serviceUrl it was made for. Nothing here is shared between instances; each instance
/// builds its own.
/// </summary>
public sealed class ReusedConnectorClients(TimeProvider time)
{
    /// <summary>How long one client is reused before the next call builds a fresh one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string AppId, string ServiceUrl, string Audience), Entry<IConnectorClient>> _connectors = new();
    private readonly ConcurrentDictionary<string, Entry<UserTokenClient>> _userTokens = new();

    private sealed record Entry<T>(Task<T> Client, DateTimeOffset BuiltAt);

    /// <summary>
    /// The connector client for <paramref name="serviceUrl"/> and <paramref name="audience"/>, made by
    /// <paramref name="create"/> the first time (and again once <see cref="Lifetime"/> has passed). A client that is not
    /// Bot Framework's <see cref="ConnectorClient"/> is returned as made and not reused. A failed creation is not kept.
    /// </summary>
    public async Task<IConnectorClient> ConnectorAsync(string appId, string serviceUrl, string audience,
        Func<Task<IConnectorClient>> create)
    {
        var key = (appId, serviceUrl, audience);
        var entry = Fresh(_connectors, key, async () => Reusable(await create()));
        try
        {
            return await entry.Client;
        }
        catch
        {
            _connectors.TryRemove(new KeyValuePair<(string, string, string), Entry<IConnectorClient>>(key, entry));
            throw;
        }
    }

    /// <summary>The user-token client of <paramref name="appId"/>, made by <paramref name="create"/> the first time.</summary>
    public async Task<UserTokenClient> UserTokenAsync(string appId, Func<Task<UserTokenClient>> create)
    {
        var entry = Fresh<string, UserTokenClient>(_userTokens, appId, async () => new SharedUserTokenClient(await create()));
        try
        {
            return await entry.Client;
        }
        catch
        {
            _userTokens.TryRemove(new KeyValuePair<string, Entry<UserTokenClient>>(appId, entry));
            throw;
        }
    }

    private Entry<T> Fresh<TKey, T>(ConcurrentDictionary<TKey, Entry<T>> entries, TKey key, Func<Task<T>> create) where TKey : notnull
    {
        var now = time.GetUtcNow();
        while (true)
        {
            if (entries.TryGetValue(key, out var current) && now - current.BuiltAt < Lifetime
                && !(current.Client.IsCompleted && !current.Client.IsCompletedSuccessfully))
                return current;
            var made = new Entry<T>(create(), now);
            if (current is null ? entries.TryAdd(key, made) : entries.TryUpdate(key, made, current)) return made;
        }
    }

    private static IConnectorClient Reusable(IConnectorClient made) =>
        // The HttpClient, its default headers and the credentials are kept; only the serializer settings are built anew, once.
        made is ConnectorClient client && made is not SharedConnectorClient
            ? new SharedConnectorClient(client.BaseUri, client.Credentials, client.HttpClient)
            : made;

    /// <summary>A connector client that outlives the turn: Bot Framework disposes the turn's client at its end.</summary>
    private sealed class SharedConnectorClient(Uri baseUri, ServiceClientCredentials credentials, HttpClient httpClient)
        : ConnectorClient(baseUri, credentials, httpClient, disposeHttpClient: false)
    {
        protected override void Dispose(bool disposing)
        {
            // Shared across turns: never disposed by one of them. The HttpClient belongs to IHttpClientFactory.
        }
    }

    /// <summary>A user-token client that outlives the turn: Bot Framework disposes the turn's one at its end.</summary>
    private sealed class SharedUserTokenClient(UserTokenClient inner) : UserTokenClient
    {
        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode,
            CancellationToken cancellationToken) => inner.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect,
            CancellationToken cancellationToken) => inner.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            inner.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter,
            CancellationToken cancellationToken) => inner.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls,
            string channelId, CancellationToken cancellationToken) =>
            inner.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId,
            TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            inner.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            // Shared across turns: never disposed by one of them.
        }
    }

    /// <summary>
    /// The app id Bot Framework's connector factory and user-token client use for an identity: its audience claim
    /// (incoming turns), else its app id claim (skills, proactive), else none (authentication off).
    /// </summary>
    public static string AppIdOf(ClaimsIdentity identity) =>
        identity.Claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AudienceClaim)?.Value
        ?? identity.Claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AppIdClaim)?.Value
        ?? "";
}

/// <summary>Bot Framework's connector factory for one identity, handing out <see cref="ReusedConnectorClients"/>' clients.</summary>
public sealed class ReusedConnectorFactory(ConnectorFactory inner, string appId, ReusedConnectorClients clients) : ConnectorFactory
{
    /// <summary>The reused client for <paramref name="serviceUrl"/> and <paramref name="audience"/> (null: the default scope).</summary>
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        // Not the turn's token: the client is shared, and one turn cancelled must not fail the others waiting for it.
        clients.ConnectorAsync(appId, serviceUrl, audience ?? "", () => inner.CreateAsync(serviceUrl, audience, CancellationToken.None));
}

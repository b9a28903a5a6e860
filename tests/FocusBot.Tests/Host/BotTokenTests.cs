using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Data;
using FocusBot.Teams.Bot;
using FocusBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Rest;

namespace FocusBot.Tests.Host;

/// <summary>
/// The messaging endpoint with Bot Framework authentication on, offline: the bot's OpenID metadata
/// (<c>ToBotFromChannelOpenIdMetadataUrl</c>) is a loopback HTTPS stand-in publishing RSA keys endorsed for channels,
/// trusted only through the metadata client the host gives Bot Framework. Each row sends a Teams activity with the
/// token the row describes and expects one status; nothing but the valid rows reaches the turn.
/// </summary>
public sealed class BotTokenTests(BotTokenTests.Rig rig) : IClassFixture<BotTokenTests.Rig>
{
    public const string AppId = "7e1f1a52-0000-4000-8000-000000000b07";
    public const string TenantId = "tenant-1";
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>Every case: a name, the status expected, and what the request is.</summary>
    public static TheoryData<string, int> Cases => new()
    {
        { "valid token", 200 },
        { "valid token, expired 2 minutes ago (within the 5-minute clock skew)", 200 },
        { "no token", 401 },
        { "not a bearer token", 401 },
        { "signed by another key with the same kid", 401 },
        { "unknown kid", 401 },
        { "alg none", 401 },
        { "garbage", 401 },
        { "wrong audience", 401 },
        { "wrong issuer", 401 },
        { "expired beyond the clock skew", 401 },
        { "not yet valid", 401 },
        { "serviceurl claim differs from the activity's", 401 },
        { "no serviceurl claim", 401 },
        { "key not endorsed for msteams", 401 },
        { "no token, another tenant", 401 },
        { "garbage, another tenant", 401 },
        { "valid token, another tenant", 403 },
        { "valid token, no tenant in the activity", 403 },
        { "valid token, channel webchat", 403 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_token_gets_its_status_and_only_a_valid_one_reaches_the_turn(string @case, int expected)
    {
        rig.Logs.Clear();
        var conversationId = $"a:token-{Guid.NewGuid():N}";
        var (activity, authorization) = rig.Request(@case, conversationId);

        var response = await rig.PostAsync(rig.Client, activity, authorization);

        Assert.True(expected == (int)response.StatusCode,
            $"{(int)response.StatusCode} instead of {expected}: " + string.Join(" | ", rig.Logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message)));
        var replied = rig.Connector.Activities.Any(r => r.RawTarget.Contains(Uri.EscapeDataString(conversationId)));
        Assert.Equal(expected == 200, replied);
        Assert.DoesNotContain(rig.Logs.Entries, e => e.Level >= LogLevel.Error);
        if (expected != 200)
            Assert.Single(rig.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith($"Refused an activity ({expected})"));
    }

    [Fact]
    public async Task The_refusal_says_nothing_of_why_or_of_the_tenant()
    {
        var (activity, authorization) = rig.Request("valid token, another tenant", "a:token-quiet");

        var body = await (await rig.PostAsync(rig.Client, activity, authorization)).Content.ReadAsStringAsync();

        Assert.DoesNotContain(TenantId, body);
        Assert.DoesNotContain("tenant", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_metadata_is_fetched_through_the_client_the_host_gives_Bot_Framework()
    {
        var (activity, authorization) = rig.Request("valid token", "a:token-metadata");

        await rig.PostAsync(rig.Client, activity, authorization);

        Assert.True(rig.OpenId.Requests >= 2, "the metadata document and the keys were read from the stand-in");
    }

    [Theory]
    [InlineData("valid token", 503)]
    [InlineData("garbage", 401)]
    [InlineData("no token", 401)]
    public async Task When_the_metadata_cannot_be_reached_nothing_is_accepted_and_nothing_fails(string @case, int expected)
    {
        rig.Logs.Clear();
        var conversationId = $"a:token-{Guid.NewGuid():N}";
        var (activity, authorization) = rig.Request(@case, conversationId);

        var response = await rig.PostAsync(rig.Unreachable, activity, authorization);

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == 503) Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain(rig.Connector.Activities, r => r.RawTarget.Contains(Uri.EscapeDataString(conversationId)));
        Assert.DoesNotContain(rig.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Single(rig.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith($"Refused an activity ({expected})"));
    }

    /// <summary>The OpenID stand-in, the connector stand-in, a host using them and a host whose metadata URL answers nothing.</summary>
    public sealed class Rig : IAsyncLifetime
    {
        private readonly StandInSigningKey _teamsKey = StandInSigningKey.Create("teams-key", "msteams");
        private readonly StandInSigningKey _webChatKey = StandInSigningKey.Create("webchat-key", "webchat");
        private FocusBotApp _app = null!;
        private FocusBotApp _unreachableApp = null!;
        private WebApplicationFactory<Program> _factory = null!;
        private WebApplicationFactory<Program> _unreachableFactory = null!;

        public OpenIdStandIn OpenId { get; private set; } = null!;
        public ConnectorStandIn Connector { get; private set; } = null!;
        public HttpClient Client { get; private set; } = null!;
        public HttpClient Unreachable { get; private set; } = null!;
        public RecordingLoggerProvider Logs { get; } = new();

        public async Task InitializeAsync()
        {
            OpenId = await OpenIdStandIn.StartAsync(ChannelIssuer, _teamsKey, _webChatKey);
            Connector = await ConnectorStandIn.StartAsync();
            (_app, _factory) = await StartAsync(OpenId.MetadataUrl, OpenId.TrustingHandler);
            Client = _factory.CreateClient();
            (_unreachableApp, _unreachableFactory) = await StartAsync($"https://127.0.0.1:{ClosedPort()}/v1/.well-known/openidconfiguration", OpenId.TrustingHandler);
            Unreachable = _unreachableFactory.CreateClient();
        }

        private async Task<(FocusBotApp, WebApplicationFactory<Program>)> StartAsync(string metadataUrl, Func<HttpMessageHandler> handler)
        {
            var app = new FocusBotApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
            var factory = app.WithWebHostBuilder(builder => builder
                .UseSetting("MicrosoftAppId", AppId)
                .UseSetting("MicrosoftAppPassword", "not-used-credentials-come-from-the-test")
                .UseSetting("MicrosoftAppTenantId", TenantId)
                .UseSetting("ToBotFromChannelOpenIdMetadataUrl", metadataUrl)
                .UseSetting("ToBotFromEmulatorOpenIdMetadataUrl", metadataUrl)
                .UseSetting("ToBotFromChannelTokenIssuer", ChannelIssuer)
                .UseSetting("ToChannelFromBotLoginUrl", "https://login.invalid/botframework.com")
                .UseSetting("ToChannelFromBotOAuthScope", "https://api.botframework.com")
                .UseSetting("OAuthUrl", "https://token.invalid/")
                .ConfigureTestServices(services =>
                {
                    services.AddHttpClient(BotSigningKeys.ClientName).ConfigurePrimaryHttpMessageHandler(handler);
                    services.AddSingleton<ServiceClientCredentialsFactory>(new StandInCredentials());
                    services.AddSingleton<ILoggerProvider>(Logs);
                }));
            factory.CreateClient().Dispose();
            return (app, factory);
        }

        private static int ClosedPort()
        {
            var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, string? authorization)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
            if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return client.SendAsync(request);
        }

        /// <summary>The activity and the Authorization header of one case.</summary>
        public (JsonObject Activity, string? Authorization) Request(string @case, string conversationId)
        {
            var activity = Activities.Message(Connector.ServiceUrl, $"29:{conversationId}", "help", conversationId);
            var now = DateTime.UtcNow;
            var token = new TokenShape(ChannelIssuer, AppId, Connector.ServiceUrl, now.AddMinutes(-5), now.AddHours(1), _teamsKey.KeyId, _teamsKey);
            switch (@case)
            {
                case "valid token":
                    break;
                case "valid token, expired 2 minutes ago (within the 5-minute clock skew)":
                    token = token with { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-2) };
                    break;
                case "no token" or "no token, another tenant":
                    token = null;
                    break;
                case "not a bearer token":
                    return (activity, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:secret")));
                case "signed by another key with the same kid":
                    token = token with { Key = StandInSigningKey.Create(_teamsKey.KeyId, "msteams") };
                    break;
                case "unknown kid":
                    token = token with { KeyId = "never-published", Key = StandInSigningKey.Create("never-published", "msteams") };
                    break;
                case "alg none":
                    return (activity, "Bearer " + Unsigned(token));
                case "garbage" or "garbage, another tenant":
                    activity = @case.EndsWith("tenant") ? OtherTenant(activity) : activity;
                    return (activity, "Bearer not.a-token.at-all");
                case "wrong audience":
                    token = token with { Audience = "00000000-0000-4000-8000-000000000bad" };
                    break;
                case "wrong issuer":
                    token = token with { Issuer = "https://sts.invalid/" };
                    break;
                case "expired beyond the clock skew":
                    token = token with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-10) };
                    break;
                case "not yet valid":
                    token = token with { NotBefore = now.AddMinutes(10), Expires = now.AddHours(1) };
                    break;
                case "serviceurl claim differs from the activity's":
                    token = token with { ServiceUrl = "https://smba.trafficmanager.net/amer/" };
                    break;
                case "no serviceurl claim":
                    token = token with { ServiceUrl = null };
                    break;
                case "key not endorsed for msteams":
                    token = token with { KeyId = _webChatKey.KeyId, Key = _webChatKey };
                    break;
                case "valid token, another tenant":
                    break;
                case "valid token, no tenant in the activity":
                    activity["conversation"]!.AsObject().Remove("tenantId");
                    activity.Remove("channelData");
                    break;
                case "valid token, channel webchat":
                    activity["channelId"] = "webchat";
                    token = token with { KeyId = _webChatKey.KeyId, Key = _webChatKey };
                    break;
                default:
                    throw new ArgumentException($"No such case: {@case}");
            }
            if (@case.EndsWith("another tenant")) activity = OtherTenant(activity);
            return (activity, token is null ? null : "Bearer " + token.Sign());
        }

        private static JsonObject OtherTenant(JsonObject activity)
        {
            activity["conversation"]!["tenantId"] = "another-tenant";
            activity["channelData"]!["tenant"]!["id"] = "another-tenant";
            return activity;
        }

        private static string Unsigned(TokenShape token)
        {
            static string Part(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
            var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = token.KeyId };
            var payload = new JsonObject
            {
                ["iss"] = token.Issuer, ["aud"] = token.Audience, ["serviceurl"] = token.ServiceUrl,
                ["nbf"] = new DateTimeOffset(token.NotBefore).ToUnixTimeSeconds(), ["exp"] = new DateTimeOffset(token.Expires).ToUnixTimeSeconds(),
            };
            return $"{Part(header)}.{Part(payload)}.";
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            Unreachable.Dispose();
            await _factory.DisposeAsync();
            await _unreachableFactory.DisposeAsync();
            await _app.DisposeAsync();
            await _unreachableApp.DisposeAsync();
            await Connector.DisposeAsync();
            await OpenId.DisposeAsync();
        }
    }

    /// <summary>A channel token as Bot Framework's channel service issues it, signed with <see cref="Key"/> under <see cref="KeyId"/>.</summary>
    private sealed record TokenShape(string Issuer, string Audience, string? ServiceUrl, DateTime NotBefore, DateTime Expires,
        string KeyId, StandInSigningKey Key)
    {
        public string Sign() => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            NotBefore = NotBefore,
            Expires = Expires,
            IssuedAt = NotBefore,
            Claims = ServiceUrl is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(Key.Rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Outgoing credentials for the bot's replies: a fixed bearer for the connector stand-in, and the real app-id check.</summary>
    private sealed class StandInCredentials : ServiceClientCredentialsFactory
    {
        public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) => Task.FromResult(appId == AppId);
        public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => Task.FromResult(false);
        public override Task<ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint,
            bool validateAuthority, CancellationToken cancellationToken) =>
            Task.FromResult<ServiceClientCredentials>(new TokenCredentials("connector-stand-in-token"));
    }
}

/// <summary>Keeps every log entry the host writes, for assertions on what a request logged.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly List<(string Category, LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries
    {
        get { lock (_entries) return [.. _entries]; }
    }

    public void Clear()
    {
        lock (_entries) _entries.Clear();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (provider._entries) provider._entries.Add((category, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
        }
    }
}

using System.Net;
using System.Security.Claims;
using FocusBot.Teams.Bot;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Rest;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>
/// The connector clients Bot Framework gets from <see cref="TeamsRequestAuthentication"/> are reused across turns (one per
/// serviceUrl and audience), survive the adapter disposing them at the end of a turn, and still authenticate every request.
/// </summary>
public sealed class ReusedConnectorClientsTests : IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string TeamsUrl = "https://smba.example/amer/";
    private const string OtherUrl = "https://smba.example/emea/";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingConnector _connector = new();
    private readonly TokenPerAudience _credentials = new();
    private readonly TeamsUserRateLimiter _limiter = new(new RateLimitOptions());
    private readonly TeamsRequestAuthentication _authentication;
    private readonly ClaimsIdentity _bot = new([
        new Claim(AuthenticationConstants.AudienceClaim, AppId), new Claim(AuthenticationConstants.AppIdClaim, AppId)]);

    public ReusedConnectorClientsTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = AppId }).Build();
        var inner = new ConfigurationBotFrameworkAuthentication(configuration, _credentials, httpClientFactory: _connector);
        _authentication = new TeamsRequestAuthentication(inner, null, _limiter, new ReusedConnectorClients(_time));
    }

    public void Dispose() => _limiter.Dispose();

    private Task<IConnectorClient> ClientAsync(string serviceUrl) =>
        _authentication.CreateConnectorFactory(_bot).CreateAsync(serviceUrl, null!, CancellationToken.None);

    private static Task SendAsync(IConnectorClient client) =>
        client.Conversations.SendToConversationAsync(new Activity { Type = ActivityTypes.Message, Text = "hi", Conversation = new ConversationAccount(id: "a:chat") });

    [Fact]
    public async Task Turns_to_the_same_service_url_share_one_client_that_outlives_the_turn_and_authenticates_each_request()
    {
        var first = await ClientAsync(TeamsUrl);
        await SendAsync(first);
        first.Dispose(); // what the adapter does at the end of each turn

        var second = await ClientAsync(TeamsUrl);
        await SendAsync(second);

        Assert.Same(first, second);
        Assert.IsAssignableFrom<ConnectorClient>(second);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.All(_connector.Requests, r => Assert.StartsWith(TeamsUrl + "v3/conversations/", r.Uri));
        // A token asked for each request (the credentials refresh it), not one frozen into the shared client.
        Assert.Equal(["Bearer token-1 for https://api.botframework.com", "Bearer token-2 for https://api.botframework.com"],
            _connector.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Another_service_url_gets_its_own_client_sending_there_and_authenticated()
    {
        var teams = await ClientAsync(TeamsUrl);
        var other = await ClientAsync(OtherUrl);
        await SendAsync(other);

        Assert.NotSame(teams, other);
        var request = Assert.Single(_connector.Requests);
        Assert.StartsWith(OtherUrl, request.Uri);
        Assert.StartsWith("Bearer token-", request.Authorization);
    }

    [Fact]
    public async Task Another_audience_gets_its_own_client_with_that_audiences_credentials()
    {
        var channel = await ClientAsync(TeamsUrl);
        var skill = await _authentication.CreateConnectorFactory(_bot).CreateAsync(TeamsUrl, "api://skill", CancellationToken.None);
        await SendAsync(skill);

        Assert.NotSame(channel, skill);
        Assert.EndsWith("for api://skill", Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task A_client_is_built_afresh_after_its_lifetime_so_the_http_handler_follows_dns()
    {
        var first = await ClientAsync(TeamsUrl);
        _time.Advance(ReusedConnectorClients.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Same(first, await ClientAsync(TeamsUrl));

        _time.Advance(TimeSpan.FromSeconds(1));
        var fresh = await ClientAsync(TeamsUrl);
        await SendAsync(fresh);

        Assert.NotSame(first, fresh);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task The_user_token_client_is_made_once_and_outlives_the_turn()
    {
        var first = await _authentication.CreateUserTokenClientAsync(_bot, CancellationToken.None);
        first.Dispose();
        var second = await _authentication.CreateUserTokenClientAsync(_bot, CancellationToken.None);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_failure_to_make_the_client_is_not_kept()
    {
        _credentials.FailNext = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => ClientAsync(TeamsUrl));

        var client = await ClientAsync(TeamsUrl);
        await SendAsync(client);

        Assert.Single(_connector.Requests);
    }

    /// <summary>The Bot Connector's HTTP side: records each request's address and Authorization header, answers 200.</summary>
    private sealed class RecordingConnector : HttpMessageHandler, IHttpClientFactory
    {
        public List<(string Uri, string? Authorization)> Requests { get; } = [];

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests) Requests.Add((request.RequestUri!.ToString(), request.Headers.Authorization?.ToString()));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"1"}""") });
        }
    }

    /// <summary>Credentials per audience that put a new numbered token on every request.</summary>
    private sealed class TokenPerAudience : ServiceClientCredentialsFactory
    {
        private int _issued;
        public bool FailNext { get; set; }

        public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) => Task.FromResult(appId == AppId);
        public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => Task.FromResult(false);

        public override Task<ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint,
            bool validateAuthority, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("the credential store is down");
            }
            return Task.FromResult<ServiceClientCredentials>(new Numbered(this, audience));
        }

        private sealed class Numbered(TokenPerAudience issuer, string audience) : ServiceClientCredentials
        {
            public override Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.Headers.Authorization = new("Bearer", $"token-{Interlocked.Increment(ref issuer._issued)} for {audience}");
                return Task.CompletedTask;
            }
        }
    }
}

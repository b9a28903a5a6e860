using System.Net;
using System.Security.Claims;
using FocusBot.Data;
using FocusBot.Hosting;
using FocusBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FocusBot.Tests.Host;

/// <summary>Per-caller rate limits (429 with Retry-After) and the security headers on every response.</summary>
public sealed class LimitsAndHeadersTests : IAsyncLifetime
{
    private FocusBotApp _app = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private ConnectorStandIn _connector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _connector.AddUser("29:first", "Sam Example", "rep.demo@northside-mh.example");
        _connector.AddUser("29:second", "Sam Example", "chair.demo@city.example");
        _app = new FocusBotApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        // Tiny limits so that a test meets them; the defaults are far above a table's use (see RateLimitOptions).
        _factory = _app.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimits:ApiBurst", "3")
            .UseSetting("RateLimits:ApiPerMinute", "1")
            .UseSetting("RateLimits:MessagesBurst", "2")
            .UseSetting("RateLimits:MessagesPerMinute", "1"));
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task An_API_caller_over_the_limit_gets_429_with_Retry_After()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await _client.GetAsync("/api/v1/situations");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_Teams_user_over_the_limit_gets_429_and_others_are_still_answered()
    {
        var first = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await Activities.PostAsync(_client, Activities.Message(_connector.ServiceUrl, "29:first", "help", "a:first"));
            first.Add(last.StatusCode);
        }
        var second = await Activities.PostAsync(_client, Activities.Message(_connector.ServiceUrl, "29:second", "help", "a:second"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.True(last.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _connector.Activities.Count(r => r.RawTarget.Contains("a%3Afirst")));
    }

    [Theory]
    [InlineData("GET", "/healthz", 200)]
    [InlineData("GET", "/no-such-page", 404)]
    [InlineData("POST", "/api/messages", 400)]
    [InlineData("GET", "/openapi/v1.json", 200)]
    public async Task Every_response_carries_the_security_headers(string method, string path, int status)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new StringContent("{") : null });

        Assert.Equal(status, (int)response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self' https://*.cloud.microsoft https://teams.microsoft.com https://*.teams.microsoft.com", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public void An_API_caller_is_counted_by_tenant_and_object_id_else_subject_else_address()
    {
        static ClaimsPrincipal Signed(params (string Type, string Value)[] claims) =>
            new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));

        Assert.Equal("oid:t1/o1", ApiRateLimits.PartitionOf(Signed(("tid", "t1"), ("oid", "o1"), ("sub", "s1")), "10.0.0.1"));
        Assert.Equal("sub:s1", ApiRateLimits.PartitionOf(Signed(("sub", "s1")), "10.0.0.1"));
        Assert.Equal("address:10.0.0.1", ApiRateLimits.PartitionOf(new ClaimsPrincipal(new ClaimsIdentity()), "10.0.0.1"));
    }
}

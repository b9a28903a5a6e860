using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
    public async Task A_tab_caller_over_the_limit_gets_429_in_their_language_as_every_tab_refusal()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await _client.GetAsync("/tabs/api/me?lang=fr-CA")).StatusCode);
        var french = await _client.GetAsync("/tabs/api/me?lang=fr-CA");
        var english = new HttpRequestMessage(HttpMethod.Get, "/tabs/api/me");
        english.Headers.AcceptLanguage.ParseAdd("en-CA");
        var inEnglish = await _client.SendAsync(english);
        var pseudo = await _client.GetAsync("/tabs/api/me?lang=qps-Ploc");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(new[] { french, inEnglish, pseudo }, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        var seconds = (int)french.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.True(seconds > 1, $"Retry-After {seconds}");
        var problem = (await french.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Trop de requêtes", (string?)problem["title"]);
        Assert.Equal($"L'onglet a fait plus de requêtes que le serveur n'en accepte; réessayez dans {seconds} secondes.", (string?)problem["detail"]);
        Assert.Equal(429, (int?)problem["status"]);
        var englishProblem = (await inEnglish.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Too many requests", (string?)englishProblem["title"]);
        Assert.StartsWith("The tab asked more often than the host allows; try again in ", (string?)englishProblem["detail"]);
        var pseudoProblem = (await pseudo.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.All(new[] { (string?)pseudoProblem["title"], (string?)pseudoProblem["detail"] }, text => Assert.True(
            text is not null && text.StartsWith('⟦') && text.EndsWith('⟧'), $"\"{text}\" is not from the resources"));
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

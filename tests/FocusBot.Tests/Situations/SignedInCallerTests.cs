using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Data;
using FocusBot.Hosting;
using FocusBot.Testing;
using FocusBot.Tests.Host;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FocusBot.Tests.Situations;

/// <summary>
/// The backend with Entra ID authentication on, its tokens signed by a key the test holds: what each caller may
/// read and change follows the roster, not only the app role in the token.
/// </summary>
public sealed class SignedInCallerTests : IAsyncLifetime
{
    private const string Issuer = "https://login.test/tenant/v2.0";
    private const string Audience = "api://focusbot";
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("a test signing key of at least thirty-two bytes"));

    private FocusBotApp _app = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private string _demo = null!;
    private string _lakeside = null!;

    public async Task InitializeAsync()
    {
        _app = new FocusBotApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        // UseSetting, not app configuration: Program reads these while it registers services, before the test's configuration applies.
        _factory = _app.WithWebHostBuilder(builder => builder
            .UseSetting("Backend:Authority", Issuer)
            .UseSetting("Backend:Audience", Audience)
            .ConfigureTestServices(services =>
            {
                services.AddScoped<FocusBot.Core.Conversations.IChatSender>(_ => new RecordingChat());
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                {
                    options.Authority = null;
                    options.Configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                    options.TokenValidationParameters.ValidIssuer = Issuer;
                    options.TokenValidationParameters.ValidAudience = Audience;
                    options.TokenValidationParameters.IssuerSigningKey = Key;
                });
            }));
        _client = _factory.CreateClient();

        var roster = await File.ReadAllTextAsync(SampleRoster.Path);
        (await SendAsync(HttpMethod.Put, "/api/v1/roster", SituationsHost.Admin, BackendPolicies.Admin, roster)).EnsureSuccessStatusCode();
        _demo = await RecordAsync(SituationsHost.CoChair, SituationsHost.DemoRequest());
        var lakeside = SituationsHost.DemoRequest();
        lakeside["table"] = "lakeside";
        lakeside["leadAgency"] = "youthlink";
        _lakeside = await RecordAsync(SituationsHost.Admin, lakeside);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static string Token(string email, string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object> { ["preferred_username"] = email, ["roles"] = new[] { role } },
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
    });

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? email, string role = BackendPolicies.CoChair, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (email is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(email, role));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return _client.SendAsync(request);
    }

    private async Task<string> RecordAsync(string email, JsonObject request)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/v1/situations", email, BackendPolicies.CoChair, request.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private async Task<T> ReadAsync<T>(string path, string email)
    {
        var response = await SendAsync(HttpMethod.Get, path, email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    [Fact]
    public async Task Only_administrators_list_the_audit_and_it_names_the_co_chair_who_read()
    {
        await ReadAsync<JsonObject>($"/api/v1/situations/{_demo}", SituationsHost.CoChair);

        var asCoChair = await SendAsync(HttpMethod.Get, "/api/v1/audit", SituationsHost.CoChair);
        var anonymous = await SendAsync(HttpMethod.Get, "/api/v1/audit", null);
        var asAdmin = await SendAsync(HttpMethod.Get, $"/api/v1/audit?situation={_demo}&member={SituationsHost.CoChair}", SituationsHost.Admin, BackendPolicies.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, asCoChair.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        var row = Assert.Single((await asAdmin.Content.ReadFromJsonAsync<JsonArray>())!)!;
        Assert.Equal(("read", "api", _demo, SituationsHost.CoChair, "cochair"),
            ((string?)row["action"], (string?)row["through"], (string?)row["situation"], (string?)row["member"], (string?)row["role"]));
    }

    [Fact]
    public async Task A_co_chair_lists_and_counts_only_the_tables_they_co_chair()
    {
        var listed = await ReadAsync<JsonArray>("/api/v1/situations", SituationsHost.CoChair);
        var stats = await ReadAsync<JsonObject>("/api/v1/stats", SituationsHost.CoChair);
        var otherTable = await SendAsync(HttpMethod.Get, "/api/v1/stats?table=lakeside", SituationsHost.CoChair);
        var otherExport = await SendAsync(HttpMethod.Get, "/api/v1/export/rtd.csv?table=lakeside", SituationsHost.CoChair);
        var otherSituation = await SendAsync(HttpMethod.Get, $"/api/v1/situations/{_lakeside}", SituationsHost.CoChair);

        Assert.Equal([_demo], listed.Select(s => (string?)s!["id"]));
        Assert.Equal(["demo"], stats["tables"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(1, (int)stats["situations"]!);
        Assert.Equal(HttpStatusCode.BadRequest, otherTable.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherExport.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSituation.StatusCode);
    }

    [Fact]
    public async Task A_rep_holding_the_co_chair_app_role_reads_no_list_or_figures_and_cannot_conclude()
    {
        var listed = await ReadAsync<JsonArray>("/api/v1/situations?table=demo", SituationsHost.NorthsideRep);
        var stats = await ReadAsync<JsonObject>("/api/v1/stats", SituationsHost.NorthsideRep);
        var concluded = await SendAsync(HttpMethod.Post, $"/api/v1/situations/{_demo}/conclude", SituationsHost.NorthsideRep,
            json: """{ "outcome": "other" }""");
        var reopened = await SendAsync(HttpMethod.Post, $"/api/v1/situations/{_demo}/reopen", SituationsHost.NorthsideRep);

        Assert.Empty(listed);
        Assert.Empty(stats["tables"]!.AsArray());
        Assert.Equal(0, (int)stats["situations"]!);
        Assert.Equal(HttpStatusCode.Forbidden, concluded.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reopened.StatusCode);
        Assert.Equal("open", (string?)(await ReadAsync<JsonObject>($"/api/v1/situations/{_demo}", SituationsHost.CoChair))["status"]);
    }

    [Fact]
    public async Task A_member_of_another_table_cannot_tell_a_situation_exists()
    {
        var concluded = await SendAsync(HttpMethod.Post, $"/api/v1/situations/{_demo}/conclude", SituationsHost.LakesideRep,
            json: """{ "outcome": "other" }""");
        var read = await SendAsync(HttpMethod.Get, $"/api/v1/situations/{_demo}", SituationsHost.LakesideRep);

        Assert.Equal(HttpStatusCode.NotFound, concluded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    // caller, role, situation (demo or lakeside), expected
    [InlineData(SituationsHost.CoChair, BackendPolicies.CoChair, "demo", HttpStatusCode.OK)]
    [InlineData(SituationsHost.CoChair, BackendPolicies.CoChair, "lakeside", HttpStatusCode.NotFound)]
    [InlineData(SituationsHost.Admin, BackendPolicies.Admin, "lakeside", HttpStatusCode.OK)]
    [InlineData(SituationsHost.NorthsideRep, BackendPolicies.CoChair, "demo", HttpStatusCode.NotFound)]
    public async Task Deliveries_of_a_situation_are_for_the_co_chairs_of_its_table_and_administrators(string email, string role, string table,
        HttpStatusCode expected)
    {
        var response = await SendAsync(HttpMethod.Get, $"/api/v1/deliveries?situation={(table == "demo" ? _demo : _lakeside)}", email, role);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/deliveries?situation=DM-2026-0001")]
    [InlineData("/api/v1/situations")]
    [InlineData("/api/v1/stats")]
    [InlineData("/api/v1/export/rtd.csv")]
    public async Task Without_a_token_the_backend_answers_401(string path)
    {
        var response = await SendAsync(HttpMethod.Get, path, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Data;
using FocusBot.Tabs;
using FocusBot.Testing;
using FocusBot.Tests.Host;
using FocusBot.Tests.Situations;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FocusBot.Tests.Tabs;

/// <summary>
/// The tab API's authorization matrix, as <see cref="ApiAuthorizationMatrixTests"/> is the REST API's: every endpoint ×
/// every kind of caller, against the real pipeline with tab single sign-on on (tokens the test signs, as TeamsJS's
/// <c>getAuthToken</c> would bring them) and requests that come from loopback. Without a valid token (none, expired,
/// for another audience, from another tenant, or only the development header) every endpoint is 401; a signed-in
/// person not on the roster 403; members get what the roster lets them see, and nothing of another table.
/// To add an endpoint, add one <see cref="Row"/> to <see cref="Rows"/>.
/// </summary>
public sealed class TabApiAuthorizationMatrixTests(TabApiAuthorizationMatrixTests.Rig rig) : IClassFixture<TabApiAuthorizationMatrixTests.Rig>
{
    public enum Caller
    {
        NoToken,
        ExpiredToken,
        /// <summary>A valid token for the REST API's audience, not the tab's.</summary>
        TokenForAnotherAudience,
        /// <summary>The demo co-chair's object id, signed by another tenant's issuer.</summary>
        TokenFromAnotherTenant,
        /// <summary>No token, only <c>X-FocusBot-Dev-User</c> naming the administrator, from loopback: sign-on is on, so it counts for nothing.</summary>
        DevelopmentHeaderOnly,
        /// <summary>The roster's administrator (both tables).</summary>
        Admin,
        CoChairOfDemo,
        CoChairOfLakeside,
        /// <summary>A Northside rep of the demo table: Northside leads {fresh} and {accepted}.</summary>
        Rep,
        NotOnRoster,
    }

    /// <summary>One endpoint and the status each signed-in caller gets; every caller without a valid token gets 401.</summary>
    public sealed record Row(string Method, string Path, string? Body, int Admin, int CoChairOfDemo, int CoChairOfLakeside, int Rep, int NotOnRoster)
    {
        public int Expected(Caller caller) => caller switch
        {
            Caller.Admin => Admin,
            Caller.CoChairOfDemo => CoChairOfDemo,
            Caller.CoChairOfLakeside => CoChairOfLakeside,
            Caller.Rep => Rep,
            Caller.NotOnRoster => NotOnRoster,
            _ => 401,
        };

        public override string ToString() => $"{Method} {Path}";
    }

    private const string Reason = """{ "reason": "No capacity this week." }""";
    /// <summary>An update form's body; <c>{submission}</c> becomes a new submission id on each call, as each form has its own.</summary>
    private const string Update = """{ "kind": "contacted", "note": "Met at the drop-in.", "barriers": ["no-shelter-bed"], "submissionId": "{submission}" }""";

    public static readonly Row[] Rows =
    [
        //  method  path                                                       body    admin chairD chairL rep  nobody
        new("GET",  "/tabs/api/me",                                           null,   200,  200,   200,   200, 403),
        new("GET",  "/tabs/api/my-situations",                                null,   200,  200,   200,   200, 403),
        new("GET",  "/tabs/api/dashboard",                                    null,   200,  200,   200,   403, 403),
        new("GET",  "/tabs/api/dashboard?table=demo",                         null,   200,  200,   400,   403, 403),
        new("GET",  "/tabs/api/dashboard?table=lakeside",                     null,   200,  400,   200,   403, 403),
        new("GET",  "/tabs/api/dashboard.csv?chart=riskFactors&table=demo",   null,   200,  200,   400,   403, 403),
        new("GET",  "/tabs/api/dashboard.csv?chart=riskFactors",              null,   200,  200,   200,   403, 403),
        new("GET",  "/tabs/api/tables/demo/agenda",                           null,   200,  200,   404,   200, 403),
        new("GET",  "/tabs/api/tables/lakeside/agenda",                       null,   200,  404,   200,   404, 403),
        // Accept and decline answer for the caller's own agency: City is on no situation, Northside leads {fresh}.
        new("POST", "/tabs/api/situations/{fresh}/accept",                    null,   403,  403,   404,   200, 403),
        new("POST", "/tabs/api/situations/{lakeside}/accept",                 null,   403,  404,   403,   404, 403),
        new("POST", "/tabs/api/situations/{fresh}/decline",                   Reason, 403,  403,   404,   200, 403),
        new("POST", "/tabs/api/situations/{fresh}/updates",                   Update, 200,  200,   404,   403, 403),
        new("POST", "/tabs/api/situations/{accepted}/updates",                Update, 200,  200,   404,   200, 403),
    ];

    public static TheoryData<string, Caller> Cases()
    {
        var cases = new TheoryData<string, Caller>();
        foreach (var row in Rows)
        foreach (var caller in Enum.GetValues<Caller>())
            cases.Add(row.ToString(), caller);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_gets_the_rows_status_and_nothing_of_another_table(string endpoint, Caller caller)
    {
        var row = Rows.Single(r => r.ToString() == endpoint);

        var (status, body) = await rig.CallAsync(row, caller);

        Assert.True(row.Expected(caller) == status, $"{endpoint} as {caller}: {status} instead of {row.Expected(caller)}: {body}");
        foreach (var table in ApiAuthorizationMatrixTests.Rig.Tables.Where(t => !Rig.Sees(caller, t.Id)))
        foreach (var marker in table.Markers)
            Assert.False(body.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{endpoint} as {caller} shows {marker}: {body}");
    }

    [Fact]
    public async Task My_situations_lists_the_reps_agencys_open_situations_with_summaries_and_audits_each_read()
    {
        var (status, body) = await rig.CallAsync(new Row("GET", "/tabs/api/my-situations", null, 200, 200, 200, 200, 403), Caller.Rep);

        Assert.Equal(200, status);
        var rows = JsonNode.Parse(body)!.AsArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("DM-", (string)r!["id"]!));
        Assert.All(rows, r => Assert.NotNull((string?)r!["summary"]));
        var audit = await rig.AuditAsync();
        foreach (var r in rows)
            Assert.Contains(audit, a => (string)a!["situation"]! == (string)r!["id"]! && (string)a!["through"]! == "tab"
                && (string)a!["member"]! == SituationsHost.NorthsideRep);
    }

    /// <summary>The host with tab sign-on on, the roster (with a lakeside co-chair), and requests from loopback.</summary>
    public sealed class Rig : IAsyncLifetime
    {
        public const string Tenant = "4c1d2b5a-0000-4000-8000-00000000f0c5";
        public const string AppId = "5b0c8f0e-3d43-4a1b-8f4f-2b6a1f7c9e22";
        public const string Domain = "focusbot.test";
        public const string Issuer = "https://login.microsoftonline.com/" + Tenant + "/v2.0";
        public const string Audience = "api://" + Domain + "/" + AppId;
        private const string LakesideCoChair = "chair.lakeside@city.example";
        public static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("the tab matrix test's signing key, thirty-two bytes or more"));

        private FocusBotApp _app = null!;
        private WebApplicationFactory<Program> _factory = null!;
        private HttpClient _client = null!;
        private string _lakeside = null!;

        public async Task InitializeAsync()
        {
            _app = new FocusBotApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
            _factory = _app.WithWebHostBuilder(builder => builder
                .UseSetting("MicrosoftAppId", AppId)
                .UseSetting("MicrosoftAppPassword", "not-used")
                .UseSetting("MicrosoftAppTenantId", Tenant)
                .UseSetting("Teams:BotDomain", Domain)
                .ConfigureTestServices(services =>
                {
                    services.AddScoped<FocusBot.Core.Conversations.IChatSender>(_ => new RecordingChat());
                    services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new LoopbackRequests());
                    services.Configure<JwtBearerOptions>(TabSignOn.Scheme, options =>
                    {
                        options.Authority = null;
                        options.Configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                        options.TokenValidationParameters.IssuerSigningKey = Key;
                    });
                }));
            _client = _factory.CreateClient();

            var roster = JsonNode.Parse(await File.ReadAllTextAsync(SampleRoster.Path))!;
            roster["members"]!.AsArray().Add(new JsonObject
            {
                ["email"] = LakesideCoChair, ["agency"] = "city", ["tables"] = new JsonArray("lakeside"), ["role"] = "cochair",
            });
            // The REST API has no Backend:Authority here: open, as in development, to seed.
            Assert.Equal(HttpStatusCode.OK, (await _client.PutAsync("/api/v1/roster", Json(roster.ToJsonString()))).StatusCode);
            _lakeside = await RecordAsync("lakeside");
        }

        public async Task DisposeAsync()
        {
            _client.Dispose();
            await _factory.DisposeAsync();
            await _app.DisposeAsync();
        }

        public static bool Sees(Caller caller, string table) => caller switch
        {
            Caller.Admin => true,
            Caller.CoChairOfDemo or Caller.Rep => table == "demo",
            Caller.CoChairOfLakeside => table == "lakeside",
            _ => false,
        };

        public async Task<(int Status, string Body)> CallAsync(Row row, Caller caller)
        {
            var path = row.Path.Replace("{lakeside}", _lakeside);
            if (path.Contains("{fresh}")) path = path.Replace("{fresh}", await RecordAsync("demo"));
            if (path.Contains("{accepted}"))
            {
                var id = await RecordAsync("demo");
                var accepted = await SendAsync("POST", $"/tabs/api/situations/{id}/accept", Caller.Rep);
                Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
                path = path.Replace("{accepted}", id);
            }
            var response = await SendAsync(row.Method, path, caller, row.Body?.Replace("{submission}", Guid.NewGuid().ToString()));
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task<JsonArray> AuditAsync() =>
            (await _client.GetFromJsonAsync<JsonArray>("/api/v1/audit?member=" + SituationsHost.NorthsideRep))!;

        private async Task<string> RecordAsync(string table)
        {
            var request = SituationsHost.DemoRequest();
            request["table"] = table;
            if (table == "lakeside") request["leadAgency"] = "youthlink";
            var response = await _client.PostAsync("/api/v1/situations", Json(request.ToJsonString()));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }

        private Task<HttpResponseMessage> SendAsync(string method, string path, Caller caller, string? json = null)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (Token(caller) is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (caller == Caller.DevelopmentHeaderOnly) request.Headers.Add(TabCaller.DevUserHeader, SituationsHost.Admin);
            if (json is not null) request.Content = Json(json);
            return _client.SendAsync(request);
        }

        private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

        private static string? Token(Caller caller)
        {
            var now = DateTime.UtcNow;
            return caller switch
            {
                Caller.NoToken or Caller.DevelopmentHeaderOnly => null,
                Caller.ExpiredToken => Sign(SituationsHost.Admin, "00000000-0000-4000-8000-0000000000a1", notBefore: now.AddHours(-2), expires: now.AddMinutes(-30)),
                Caller.TokenForAnotherAudience => Sign(SituationsHost.Admin, "00000000-0000-4000-8000-0000000000a1", audience: "api://focusbot"),
                Caller.TokenFromAnotherTenant => Sign(SituationsHost.CoChair, "00000000-0000-4000-8000-0000000000c1",
                    tenant: "9d7e0000-0000-4000-8000-0000000000ff"),
                Caller.Admin => Sign(SituationsHost.Admin, "00000000-0000-4000-8000-0000000000a1"),
                Caller.CoChairOfDemo => Sign(SituationsHost.CoChair, "00000000-0000-4000-8000-0000000000c1"),
                Caller.CoChairOfLakeside => Sign(LakesideCoChair, "00000000-0000-4000-8000-0000000000c2"),
                Caller.Rep => Sign(SituationsHost.NorthsideRep, "00000000-0000-4000-8000-0000000000e1"),
                Caller.NotOnRoster => Sign("visitor@elsewhere.example", "00000000-0000-4000-8000-0000000000f1"),
                _ => throw new ArgumentOutOfRangeException(nameof(caller)),
            };
        }

        /// <summary>A token as Entra ID issues it for the tab (v2: issuer of the tenant, audience the app's URI).</summary>
        public static string Sign(string email, string objectId, string tenant = Tenant, string audience = Audience,
            DateTime? notBefore = null, DateTime? expires = null)
        {
            var claims = new Dictionary<string, object> { ["preferred_username"] = email, ["oid"] = objectId, ["tid"] = tenant };
            return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
                Audience = audience,
                NotBefore = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
                Expires = expires ?? DateTime.UtcNow.AddHours(1),
                Claims = claims,
                SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
            });
        }
    }
}

/// <summary>
/// The test server has no socket: every request gets the remote address named by the test header
/// <c>X-Test-Remote-Address</c>, else 127.0.0.1, as a request from this machine would.
/// </summary>
public sealed class LoopbackRequests : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(rest => http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(http.Request.Headers[Header].FirstOrDefault() ?? "127.0.0.1");
            return rest(http);
        });
        next(app);
    };
}

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
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FocusBot.Tests.Situations;

/// <summary>
/// The API's authorization matrix: every endpoint × every kind of caller, against the real pipeline with Entra ID
/// authentication on and tokens the test signs. Each row names the status and what the body may contain: a caller
/// sees the tables they co-chair (an administrator all; a rep holding the co-chair role only what a rep sees: the
/// de-identified agenda of their own table and the situations their agency works on), and nothing of any other table,
/// not an id, not a name.
/// To add an endpoint, add one <see cref="Row"/> to <see cref="Rows"/>.
/// </summary>
public sealed class ApiAuthorizationMatrixTests(ApiAuthorizationMatrixTests.Rig rig) : IClassFixture<ApiAuthorizationMatrixTests.Rig>
{
    /// <summary>Who calls. The first three have no valid token; the rest are signed in.</summary>
    public enum Caller
    {
        NoToken,
        ExpiredToken,
        TokenForAnotherAudience,
        Admin,
        CoChairOfDemo,
        CoChairOfLakeside,
        /// <summary>A rep: an app user with no app role.</summary>
        Rep,
        /// <summary>A rep (Harbour Housing, assisting on {demo}) whom an administrator gave the co-chair app role by mistake: the roster still says rep.</summary>
        RepWithCoChairRole,
        /// <summary>Signed in with the co-chair role, on no table of the roster.</summary>
        NotOnRoster,
        /// <summary>The demo co-chair's object id, in a token from another tenant.</summary>
        CoChairOfDemoFromAnotherTenant,
    }

    /// <summary>
    /// One endpoint and the status each signed-in caller with a role gets. Without a valid token every protected
    /// endpoint answers 401, and a rep without a role 403; an anonymous endpoint answers everyone alike.
    /// Paths may hold {demo} (a demo situation), {lakeside} (a lakeside situation), {fresh} (a demo situation recorded
    /// for the row) and {concluded} (a demo situation recorded and concluded for the row).
    /// </summary>
    public sealed record Row(string Method, string Path, string? Body, int Admin, int CoChairOfDemo, int CoChairOfLakeside,
        int RepWithCoChairRole, int NotOnRoster, bool Anonymous = false)
    {
        public int Expected(Caller caller) => caller switch
        {
            _ when Anonymous => Admin,
            Caller.NoToken or Caller.ExpiredToken or Caller.TokenForAnotherAudience => 401,
            Caller.Rep => 403,
            Caller.Admin => Admin,
            Caller.CoChairOfDemo => CoChairOfDemo,
            Caller.CoChairOfLakeside => CoChairOfLakeside,
            Caller.RepWithCoChairRole => RepWithCoChairRole,
            _ => NotOnRoster,
        };

        public override string ToString() => $"{Method} {Path}";
    }

    private static readonly string NewDemoSituation = SituationsHost.DemoRequest().ToJsonString();
    private const string Conclude = """{ "outcome": "other" }""";
    private const string TpsAgency = """{ "agency": "tps-99" }""";

    public static readonly Row[] Rows =
    [
        //  method    path                                          body              admin chairD chairL repRole nobody
        new("GET",    "/api/v1/roster",                             null,             200,  403,   403,   403,    403),
        new("PUT",    "/api/v1/roster",                             "{roster}",       200,  403,   403,   403,    403),
        new("POST",   "/api/v1/situations",                         NewDemoSituation, 201,  201,   400,   400,    400),
        new("GET",    "/api/v1/situations",                         null,             200,  200,   200,   200,    200),
        new("GET",    "/api/v1/situations?table=demo",              null,             200,  200,   200,   200,    200),
        new("GET",    "/api/v1/situations?table=lakeside",          null,             200,  200,   200,   200,    200),
        new("GET",    "/api/v1/situations/{demo}",                  null,             200,  200,   404,   200,    404),
        new("GET",    "/api/v1/situations/{lakeside}",              null,             200,  404,   200,   404,    404),
        new("POST",   "/api/v1/situations/{fresh}/conclude",        Conclude,         200,  200,   404,   403,    404),
        new("POST",   "/api/v1/situations/{concluded}/reopen",      null,             200,  200,   404,   403,    404),
        new("GET",    "/api/v1/stats",                              null,             200,  200,   200,   200,    200),
        new("GET",    "/api/v1/stats?table=demo",                   null,             200,  200,   400,   400,    400),
        new("GET",    "/api/v1/export/rtd.csv",                     null,             200,  200,   200,   200,    200),
        new("GET",    "/api/v1/export/rtd.csv?table=demo",          null,             200,  200,   400,   400,    400),
        new("GET",    "/api/v1/tables/demo/agenda",                 null,             200,  200,   404,   200,    404),
        new("GET",    "/api/v1/tables/lakeside/agenda",             null,             200,  404,   200,   404,    404),
        new("GET",    "/api/v1/reminders",                          null,             200,  200,   200,   200,    200),
        new("POST",   "/api/v1/situations/{fresh}/lead",            TpsAgency,        200,  200,   404,   403,    404),
        new("POST",   "/api/v1/situations/{fresh}/assisting",       TpsAgency,        200,  200,   404,   403,    404),
        new("DELETE", "/api/v1/situations/{fresh}/assisting/harbour-housing", null,   200,  200,   404,   403,    404),
        // Northside has not declined: the co-chairs get the domain's refusal (400), everyone else what they may know.
        new("POST",   "/api/v1/situations/{fresh}/assignments/northside-mh/ask-again", null, 400, 400, 404, 403, 404),
        new("GET",    "/api/v1/deliveries?situation={demo}",        null,             200,  200,   404,   404,    404),
        new("GET",    "/api/v1/deliveries?situation={lakeside}",    null,             200,  404,   200,   404,    404),
        new("GET",    "/api/v1/audit",                              null,             200,  403,   403,   403,    403),
        new("GET",    "/api/v1/catalogue",                          null,             200,  200,   200,   200,    200),
        new("GET",    "/healthz",                                   null,             200,  200,   200,   200,    200, Anonymous: true),
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
        foreach (var table in Rig.Tables.Where(t => !Rig.Sees(caller, row, t.Id)))
        foreach (var marker in table.Markers)
            Assert.False(body.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{endpoint} as {caller} shows {marker}: {body}");
    }

    [Theory]
    [InlineData(Caller.NoToken, 401)]
    [InlineData(Caller.ExpiredToken, 401)]
    [InlineData(Caller.Rep, 403)]
    [InlineData(Caller.Admin, 200)]
    public async Task The_OpenAPI_document_which_lists_every_tables_id_is_not_given_to_anonymous_callers(Caller caller, int expected)
    {
        var (status, body) = await rig.CallAsync(new Row("GET", "/openapi/v1.json", null, 200, 200, 200, 200, 200), caller);

        Assert.True(expected == status, $"{caller}: {status}: {body[..Math.Min(body.Length, 300)]}");
        if (expected != 200) Assert.DoesNotContain("lakeside", body);
    }

    [Fact]
    public async Task Figures_count_only_the_callers_tables()
    {
        var (_, lakeside) = await rig.CallAsync(Rows.Single(r => r.ToString() == "GET /api/v1/stats"), Caller.CoChairOfLakeside);
        var (_, nobody) = await rig.CallAsync(Rows.Single(r => r.ToString() == "GET /api/v1/stats"), Caller.NotOnRoster);

        Assert.Equal(await rig.CountAsync("lakeside"), (int)JsonNode.Parse(lakeside)!["situations"]!);
        Assert.Equal(0, (int)JsonNode.Parse(nobody)!["situations"]!);
    }

    /// <summary>The host with authentication on, the roster (with a lakeside co-chair) and one situation per table.</summary>
    public sealed class Rig : IAsyncLifetime
    {
        public const string Tenant = "4c1d2b5a-0000-4000-8000-00000000f0c5";
        private const string Issuer = "https://login.test/" + Tenant + "/v2.0";
        private const string Audience = "api://focusbot";
        private const string LakesideCoChair = "chair.lakeside@city.example";
        private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("the matrix test's signing key, thirty-two bytes or more"));

        public sealed record TableMarkers(string Id, string[] Markers);

        /// <summary>What would betray each table in a body: its situation ids, its id and its name.</summary>
        public static readonly TableMarkers[] Tables =
        [
            new("demo", ["DM-", "\"demo\"", "Demo Table", ",demo,"]),
            new("lakeside", ["LK-", "\"lakeside\"", "Lakeside Table", ",lakeside,"]),
        ];

        private FocusBotApp _app = null!;
        private WebApplicationFactory<Program> _factory = null!;
        private HttpClient _client = null!;
        private string _roster = null!;
        private string _demo = null!;
        private string _lakeside = null!;

        public async Task InitializeAsync()
        {
            _app = new FocusBotApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
            _factory = _app.WithWebHostBuilder(builder => builder
                .UseSetting("Backend:Authority", Issuer)
                .UseSetting("Backend:Audience", Audience)
                .UseSetting("MicrosoftAppTenantId", Tenant)
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

            var roster = JsonNode.Parse(await File.ReadAllTextAsync(SampleRoster.Path))!;
            roster["members"]!.AsArray().Add(new JsonObject
            {
                ["email"] = LakesideCoChair, ["agency"] = "city", ["tables"] = new JsonArray("lakeside"), ["role"] = "cochair",
            });
            _roster = roster.ToJsonString();
            Assert.Equal(HttpStatusCode.OK, (await SendAsync("PUT", "/api/v1/roster", Caller.Admin, _roster)).StatusCode);
            _demo = await RecordAsync("demo");
            _lakeside = await RecordAsync("lakeside");
        }

        public async Task DisposeAsync()
        {
            _client.Dispose();
            await _factory.DisposeAsync();
            await _app.DisposeAsync();
        }

        /// <summary>Whether a body for this caller may show this table.</summary>
        public static bool Sees(Caller caller, Row row, string table) => caller switch
        {
            _ when row.Anonymous => true,
            Caller.Admin => true,
            Caller.CoChairOfDemo => table == "demo",
            Caller.CoChairOfLakeside => table == "lakeside",
            // The agenda of their own table is filter-2 information every member of the table may see, and a situation
            // their agency assists on is theirs to see in full (Harbour Housing assists on {demo}).
            // The catalogue names the tables the caller sits at.
            Caller.RepWithCoChairRole => table == "demo" && (row.Path.Contains("/agenda") || row.Path.Contains("{demo}") || row.Path.EndsWith("/catalogue")),
            _ => false,
        };

        public async Task<(int Status, string Body)> CallAsync(Row row, Caller caller)
        {
            var path = row.Path.Replace("{demo}", _demo).Replace("{lakeside}", _lakeside);
            if (path.Contains("{fresh}")) path = path.Replace("{fresh}", await RecordAsync("demo"));
            if (path.Contains("{concluded}"))
            {
                var id = await RecordAsync("demo");
                Assert.Equal(HttpStatusCode.OK, (await SendAsync("POST", $"/api/v1/situations/{id}/conclude", Caller.Admin, Conclude)).StatusCode);
                path = path.Replace("{concluded}", id);
            }
            var response = await SendAsync(row.Method, path, caller, row.Body?.Replace("{roster}", _roster));
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task<int> CountAsync(string table)
        {
            var response = await SendAsync("GET", $"/api/v1/situations?table={table}", Caller.Admin);
            return (await response.Content.ReadFromJsonAsync<JsonArray>())!.Count;
        }

        private async Task<string> RecordAsync(string table)
        {
            var request = SituationsHost.DemoRequest();
            request["table"] = table;
            if (table == "lakeside") request["leadAgency"] = "youthlink";
            var response = await SendAsync("POST", "/api/v1/situations", Caller.Admin, request.ToJsonString());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }

        private Task<HttpResponseMessage> SendAsync(string method, string path, Caller caller, string? json = null)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (Token(caller) is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            return _client.SendAsync(request);
        }

        private static string? Token(Caller caller)
        {
            var now = DateTime.UtcNow;
            return caller switch
            {
                Caller.NoToken => null,
                Caller.ExpiredToken => Sign(SituationsHost.Admin, "00000000-0000-4000-8000-0000000000a1", BackendPolicies.Admin,
                    notBefore: now.AddHours(-2), expires: now.AddMinutes(-30)),
                Caller.TokenForAnotherAudience => Sign(SituationsHost.Admin, "00000000-0000-4000-8000-0000000000a1", BackendPolicies.Admin,
                    audience: "api://another-app"),
                Caller.Admin => Sign(SituationsHost.Admin, "00000000-0000-4000-8000-0000000000a1", BackendPolicies.Admin),
                Caller.CoChairOfDemo => Sign(SituationsHost.CoChair, "00000000-0000-4000-8000-0000000000c1", BackendPolicies.CoChair),
                Caller.CoChairOfLakeside => Sign(LakesideCoChair, "00000000-0000-4000-8000-0000000000c2", BackendPolicies.CoChair),
                Caller.Rep => Sign(SituationsHost.NorthsideRep, "00000000-0000-4000-8000-0000000000e1", role: null),
                Caller.RepWithCoChairRole => Sign(SituationsHost.HarbourRep, "00000000-0000-4000-8000-0000000000e2", BackendPolicies.CoChair),
                Caller.NotOnRoster => Sign("visitor@elsewhere.example", "00000000-0000-4000-8000-0000000000f1", BackendPolicies.CoChair),
                Caller.CoChairOfDemoFromAnotherTenant => Sign(SituationsHost.CoChair, "00000000-0000-4000-8000-0000000000c1",
                    BackendPolicies.CoChair, tenant: "another-tenant"),
                _ => throw new ArgumentOutOfRangeException(nameof(caller)),
            };
        }

        private static string Sign(string email, string objectId, string? role, string tenant = Tenant, string audience = Audience,
            DateTime? notBefore = null, DateTime? expires = null)
        {
            var claims = new Dictionary<string, object> { ["preferred_username"] = email, ["oid"] = objectId, ["tid"] = tenant };
            if (role is not null) claims["roles"] = new[] { role };
            return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = audience,
                NotBefore = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
                Expires = expires ?? DateTime.UtcNow.AddHours(1),
                Claims = claims,
                SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
            });
        }
    }
}

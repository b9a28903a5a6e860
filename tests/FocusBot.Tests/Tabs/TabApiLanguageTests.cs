using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Tabs;
using FocusBot.Tests.Situations;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Tabs;

/// <summary>
/// The tab API speaks the caller's language in everything a person reads: every refusal's title and detail comes from
/// the bot's resources (under the pseudo-language each is marked ⟦…⟧, so a literal English sentence shows), French with
/// <c>?lang=fr-CA</c> or a French <c>Accept-Language</c>, while the REST API stays English. The dashboard's CSV labels
/// its rows as the page does, in the page's language.
/// </summary>
public sealed class TabApiLanguageTests : IAsyncLifetime
{
    private SituationsHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await SituationsHost.StartAsync(services: s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new LoopbackRequests()));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_refusal_a_person_can_meet_has_its_title_and_detail_from_the_resources()
    {
        var accepted = await _host.RecordAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/tabs/api/situations/{accepted}/accept", SituationsHost.NorthsideRep)).StatusCode);

        var refusals = new (string What, HttpMethod Method, string Path, string? User, string? Json, HttpStatusCode Status)[]
        {
            ("no user named", HttpMethod.Get, "/tabs/api/me", null, null, HttpStatusCode.Unauthorized),
            ("not on a roster", HttpMethod.Get, "/tabs/api/me", "nobody@nowhere.example", null, HttpStatusCode.Forbidden),
            ("unknown table's agenda", HttpMethod.Get, "/tabs/api/tables/nowhere/agenda", SituationsHost.CoChair, null, HttpStatusCode.NotFound),
            ("unknown situation", HttpMethod.Post, "/tabs/api/situations/DM-2026-9999/accept", SituationsHost.NorthsideRep, null, HttpStatusCode.NotFound),
            ("a rep's dashboard", HttpMethod.Get, "/tabs/api/dashboard", SituationsHost.NorthsideRep, null, HttpStatusCode.Forbidden),
            ("period backwards", HttpMethod.Get, "/tabs/api/dashboard?from=2026-05-01&to=2026-04-01", SituationsHost.CoChair, null, HttpStatusCode.BadRequest),
            ("not a day", HttpMethod.Get, "/tabs/api/dashboard.csv?chart=riskFactors&from=2026-13-01", SituationsHost.CoChair, null, HttpStatusCode.BadRequest),
            ("another table", HttpMethod.Get, "/tabs/api/dashboard?table=lakeside", SituationsHost.CoChair, null, HttpStatusCode.BadRequest),
            ("unknown chart", HttpMethod.Get, "/tabs/api/dashboard.csv?chart=pie", SituationsHost.CoChair, null, HttpStatusCode.BadRequest),
            ("accepted twice", HttpMethod.Post, $"/tabs/api/situations/{accepted}/decline", SituationsHost.NorthsideRep, """{ "reason": "No capacity this week." }""", HttpStatusCode.Conflict),
            ("reason too short", HttpMethod.Post, $"/tabs/api/situations/{accepted}/decline", SituationsHost.HarbourRep, """{ "reason": "No" }""", HttpStatusCode.BadRequest),
            ("no submission id", HttpMethod.Post, $"/tabs/api/situations/{accepted}/updates", SituationsHost.NorthsideRep, """{ "kind": "contacted", "note": "Met." }""", HttpStatusCode.BadRequest),
            ("not JSON", HttpMethod.Post, $"/tabs/api/situations/{accepted}/decline", SituationsHost.HarbourRep, "{ reason", HttpStatusCode.BadRequest),
            ("too large", HttpMethod.Post, $"/tabs/api/situations/{accepted}/decline", SituationsHost.HarbourRep,
                $$"""{ "reason": "{{new string('x', (int)TabApiEndpoints.MaxActionBytes)}}" }""", HttpStatusCode.RequestEntityTooLarge),
        };

        foreach (var (what, method, path, user, json, status) in refusals)
        {
            var response = await SendAsync(method, path + (path.Contains('?') ? "&" : "?") + "lang=qps-Ploc", user, json);

            Assert.True(status == response.StatusCode, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            foreach (var part in new[] { "title", "detail" })
            {
                var text = (string?)problem[part];
                Assert.True(text is not null && text.StartsWith('⟦') && text.EndsWith('⟧'), $"{what}: {part} \"{text}\" is not from the resources");
            }
        }
    }

    [Fact]
    public async Task A_refusal_is_French_with_lang_fr_CA_or_a_French_Accept_Language_and_the_REST_API_stays_English()
    {
        var byQuery = await ProblemAsync(await SendAsync(HttpMethod.Get, "/tabs/api/tables/nowhere/agenda?lang=fr-CA", SituationsHost.CoChair));
        var byHeader = await ProblemAsync(await SendAsync(HttpMethod.Get, "/tabs/api/tables/nowhere/agenda", SituationsHost.CoChair, acceptLanguage: "fr-CA,fr;q=0.9,en;q=0.5"));
        var period = await ProblemAsync(await SendAsync(HttpMethod.Get, "/tabs/api/dashboard?from=2026-13-01&lang=fr-CA", SituationsHost.CoChair));
        var rest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stats?from=2026-13-01");
        rest.Headers.AcceptLanguage.ParseAdd("fr-CA");
        var restProblem = await ProblemAsync(await _host.Client.SendAsync(rest));

        Assert.Equal("Introuvable", (string)byQuery["title"]!);
        Assert.Equal("Aucune table portant cet identifiant ne vous est accessible.", (string)byQuery["detail"]!);
        Assert.Equal((string)byQuery["detail"]!, (string)byHeader["detail"]!);
        Assert.StartsWith("Le tableau de bord n'a pas été affiché", (string)period["title"]!);
        Assert.Equal("Doit être une date écrite aaaa-MM-jj.", (string)period["detail"]!);
        Assert.Equal("Doit être une date écrite aaaa-MM-jj.", (string)period["errors"]!["from"]![0]!);
        Assert.Equal("Must be a date written yyyy-MM-dd.", (string)restProblem["errors"]!["from"]![0]!);
    }

    [Fact]
    public async Task The_csv_labels_its_rows_as_a_person_reads_them_in_the_callers_language()
    {
        var id = await _host.RecordAsync();
        await _host.RecordAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/tabs/api/situations/{id}/accept", SituationsHost.NorthsideRep)).StatusCode);

        var english = await CsvAsync("openByStatus", "en-CA");
        var french = await CsvAsync("openByStatus", "fr-CA");
        var weeks = await CsvAsync("newSituationsByWeek", "en-CA");
        var semaines = await CsvAsync("newSituationsByWeek", "fr-CA");
        var mois = await CsvAsync("fortyEightHourUpdatesByMonth", "fr-CA");

        Assert.Equal(["key,label,situations", "open,Open (waiting for a lead),1", "active,Active (lead accepted),1"], english);
        Assert.Equal(["key,label,situations", "open,Ouvertes (en attente d'un responsable),1", "active,Actives (responsable confirmé),1"], french);
        // Recorded Monday 2 March 2026 in Toronto: the week's row is keyed by its Monday and labelled as the cards write a day.
        Assert.Contains("2026-03-02,Monday 2 March 2026,2", weeks);
        Assert.Contains("2026-03-02,lundi 2 mars 2026,2", semaines);
        Assert.Equal("key,label,onTime,late,missing,onTimeRate", mois[0]);
        Assert.Contains(mois, line => line.StartsWith("2026-03,mars 2026,", StringComparison.Ordinal));
    }

    private async Task<string[]> CsvAsync(string chart, string language)
    {
        var response = await SendAsync(HttpMethod.Get, $"/tabs/api/dashboard.csv?chart={chart}&table=demo&lang={language}", SituationsHost.CoChair);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? user, string? json = null, string? acceptLanguage = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (user is not null) request.Headers.Add(TabCaller.DevUserHeader, user);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return _host.Client.SendAsync(request);
    }
}

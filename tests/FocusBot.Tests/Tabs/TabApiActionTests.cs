using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Situations;
using FocusBot.Tabs;
using FocusBot.Tests.Situations;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Tabs;

/// <summary>
/// What a new user of the tabs runs into, through the real host (development header from loopback, authentication
/// off): an update needs its form's submission id, a submission id belongs to one situation, the answers name
/// agencies and say times as the cards do (Toronto time, English or French), the update form offers what the card's
/// does, the period filter says what it accepts, the CSV is named as the page names it, and the meeting side panel's
/// poll is answered 304 while the agenda has not changed.
/// </summary>
public sealed class TabApiActionTests : IAsyncLifetime
{
    private SituationsHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await SituationsHost.StartAsync(services: s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new LoopbackRequests()));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_update_without_a_submission_id_is_400_naming_it_and_posts_nothing()
    {
        var id = await AcceptedByNorthsideAsync();

        foreach (var submissionId in new[] { null, "", "not-a-guid" })
        {
            var response = await PostAsync($"/tabs/api/situations/{id}/updates", SituationsHost.NorthsideRep, Update(submissionId));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Contains("GUID", (string)problem["errors"]!["submissionId"]![0]!);
        }
        Assert.Empty(await UpdatesAsync(id));
    }

    [Fact]
    public async Task The_same_submission_twice_posts_one_update_and_on_another_situation_is_409_saying_so()
    {
        var first = await AcceptedByNorthsideAsync();
        var second = await AcceptedByNorthsideAsync();
        var submissionId = Guid.NewGuid().ToString();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/tabs/api/situations/{first}/updates", SituationsHost.NorthsideRep, Update(submissionId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/tabs/api/situations/{first}/updates", SituationsHost.NorthsideRep, Update(submissionId))).StatusCode);
        var reused = await PostAsync($"/tabs/api/situations/{second}/updates", SituationsHost.NorthsideRep, Update(submissionId));

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        var detail = (string)(await reused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!;
        Assert.Contains("another situation", detail);
        Assert.Contains(second, detail);
        Assert.Single(await UpdatesAsync(first));
        Assert.Empty(await UpdatesAsync(second));
    }

    [Theory]
    [InlineData("decline")]
    [InlineData("updates")]
    public async Task A_tab_action_sent_again_with_its_Idempotency_Key_has_one_effect_and_gets_the_first_answer_again(string action)
    {
        var id = action == "updates" ? await AcceptedByNorthsideAsync() : await _host.RecordAsync();
        var body = action == "updates" ? Update(Guid.NewGuid().ToString()) : new JsonObject { ["reason"] = "No capacity this week for a new case." }.ToJsonString();
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(HttpMethod.Post, $"/tabs/api/situations/{id}/{action}", SituationsHost.NorthsideRep, json: body, idempotencyKey: key);
        var again = await SendAsync(HttpMethod.Post, $"/tabs/api/situations/{id}/{action}", SituationsHost.NorthsideRep, json: body, idempotencyKey: key);
        var otherBody = await SendAsync(HttpMethod.Post, $"/tabs/api/situations/{id}/{action}", SituationsHost.NorthsideRep,
            json: body.Replace("Met at the drop-in.", "Something else.").Replace("No capacity", "No room"), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode)422, otherBody.StatusCode);
        if (action == "updates") Assert.Single(await UpdatesAsync(id));
        else
        {
            var history = (await _host.Client.GetFromJsonAsync<JsonObject>($"/api/v1/situations/{id}"))!["history"]!.AsArray();
            Assert.Single(history, e => (string?)e!["kind"] == "declined");
        }
    }

    [Fact]
    public async Task Once_the_48_hour_update_is_posted_my_situations_no_longer_says_it_is_due()
    {
        var id = await AcceptedByNorthsideAsync();
        JsonObject Row(JsonArray rows) => rows.Single(r => (string?)r!["id"] == id)!.AsObject();
        Assert.NotNull(Row((await GetJsonAsync<JsonArray>("/tabs/api/my-situations", SituationsHost.NorthsideRep))!)["updateDueAt"]);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/tabs/api/situations/{id}/updates", SituationsHost.NorthsideRep, Update(Guid.NewGuid().ToString()))).StatusCode);

        var row = Row((await GetJsonAsync<JsonArray>("/tabs/api/my-situations", SituationsHost.NorthsideRep))!);
        Assert.Null(row["updateDueAt"]);
        Assert.Null(row["updateDueLocal"]);
    }

    [Fact]
    public async Task Answers_name_agencies_and_say_times_on_Torontos_clock_in_English_and_French()
    {
        var english = await _host.RecordAsync();
        var french = await _host.RecordAsync();

        var accepted = await MessageAsync(await PostAsync($"/tabs/api/situations/{english}/accept", SituationsHost.NorthsideRep, null));
        var accepte = await MessageAsync(await PostAsync($"/tabs/api/situations/{french}/accept?lang=fr-CA", SituationsHost.NorthsideRep, null));
        var update = await MessageAsync(await PostAsync($"/tabs/api/situations/{english}/updates", SituationsHost.NorthsideRep, Update(Guid.NewGuid().ToString())));
        var refused = await PostAsync($"/tabs/api/situations/{french}/decline?lang=fr-CA", SituationsHost.NorthsideRep, """{ "reason": "No capacity this week." }""");

        // Recorded Monday 2 March 2026 at 9:00 in Toronto: the 48-hour update is due Wednesday at 9:00 there (14:00 UTC).
        Assert.Contains("Northside Mental Health", accepted);
        Assert.Contains("Wednesday 4 March 2026", accepted);
        Assert.Contains("(Toronto time)", accepted);
        Assert.StartsWith("Vous avez accepté", accepte);
        Assert.Contains("mercredi 4 mars 2026", accepte);
        Assert.Contains("heure de Toronto", accepte);
        Assert.Contains("Northside Mental Health", update);
        Assert.Contains("Demo Table", update);
        Assert.Contains("(Toronto time)", update);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var refusal = (string)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!;
        Assert.Contains("Northside Mental Health", refusal);
        Assert.Contains("déjà accepté", refusal);
        foreach (var message in new[] { accepted, accepte, update, refusal })
        {
            Assert.DoesNotContain("northside-mh", message);
            Assert.DoesNotContain("UTC", message);
            Assert.DoesNotContain("14:00", message);
            Assert.DoesNotContain("+00:00", message);
        }
    }

    [Fact]
    public async Task The_update_form_offers_the_cards_choices_and_limits_and_posts_services_mobilized()
    {
        var me = (await GetJsonAsync<JsonObject>("/tabs/api/me", SituationsHost.NorthsideRep))!;
        var catalogue = _host.Services.GetRequiredService<SituationCatalogue>();

        Assert.Equal(catalogue.Services.Select(s => s.Id), me["services"]!.AsArray().Select(s => (string)s!["id"]!));
        Assert.Equal(Situation.MaxNoteLength, (int)me["limits"]!["noteMax"]!);
        Assert.Equal(Situation.MaxNextStepLength, (int)me["limits"]!["nextStepMax"]!);
        Assert.Equal(Situation.MinDeclineReasonLength, (int)me["limits"]!["reasonMin"]!);
        Assert.Equal(Situation.MaxDeclineReasonLength, (int)me["limits"]!["reasonMax"]!);

        var id = await AcceptedByNorthsideAsync();
        var services = catalogue.Services.Take(2).Select(s => s.Id).ToArray();
        var posted = await PostAsync($"/tabs/api/situations/{id}/updates", SituationsHost.NorthsideRep, Update(Guid.NewGuid().ToString(), services));
        var unknown = await PostAsync($"/tabs/api/situations/{id}/updates", SituationsHost.NorthsideRep, Update(Guid.NewGuid().ToString(), ["no-such-service"]));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(services, (await UpdatesAsync(id)).Single()!["services"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.NotNull((await unknown.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["services"]);
    }

    [Theory]
    [InlineData("from=2026-05-01&to=2026-04-01", "to")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=01/04/2026", "to")]
    public async Task An_invalid_period_is_400_saying_what_is_accepted(string query, string field)
    {
        foreach (var path in new[] { "/tabs/api/dashboard?", "/tabs/api/dashboard.csv?chart=riskFactors&" })
        {
            var response = await SendAsync(HttpMethod.Get, path + query, SituationsHost.CoChair);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.NotNull(problem["errors"]![field]);
            Assert.Contains("yyyy-MM-dd between 2000-01-01 and 2999-12-31, to after from", (string)problem["title"]!);
        }
    }

    [Fact]
    public async Task The_csv_is_named_for_its_chart_table_and_period()
    {
        var response = await SendAsync(HttpMethod.Get, "/tabs/api/dashboard.csv?chart=riskFactors&table=demo&from=2026-01-01&to=2026-04-01", SituationsHost.CoChair);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("riskFactors-demo-2026-01-01-2026-04-01.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }

    [Fact]
    public async Task The_agenda_is_304_until_a_situation_changes_and_names_agencies()
    {
        var id = await _host.RecordAsync();

        var first = await SendAsync(HttpMethod.Get, "/tabs/api/tables/demo/agenda", SituationsHost.CoChair);
        var etag = first.Headers.ETag!;
        var again = await SendAsync(HttpMethod.Get, "/tabs/api/tables/demo/agenda", SituationsHost.CoChair, etag);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/tabs/api/situations/{id}/accept", SituationsHost.NorthsideRep, null)).StatusCode);
        var changed = await SendAsync(HttpMethod.Get, "/tabs/api/tables/demo/agenda", SituationsHost.CoChair, etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var agenda = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Demo Table", (string)agenda["tableName"]!);
        Assert.Contains(agenda["newSituations"]!.AsArray(), i => (string)i!["id"]! == id && (string)i["leadAgencyName"]! == "Northside Mental Health");
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    private async Task<string> AcceptedByNorthsideAsync()
    {
        var id = await _host.RecordAsync();
        var accepted = await PostAsync($"/tabs/api/situations/{id}/accept", SituationsHost.NorthsideRep, null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return id;
    }

    private static string Update(string? submissionId, string[]? services = null) => new JsonObject
    {
        ["kind"] = "contacted", ["note"] = "Met at the drop-in.", ["barriers"] = new JsonArray("no-shelter-bed"),
        ["services"] = new JsonArray([.. (services ?? []).Select(s => (JsonNode)s)]), ["submissionId"] = submissionId,
    }.ToJsonString();

    private async Task<JsonArray> UpdatesAsync(string id) =>
        (await _host.Client.GetFromJsonAsync<JsonObject>($"/api/v1/situations/{id}"))!["updates"]!.AsArray();

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return (string)JsonNode.Parse(body)!["message"]!;
    }

    private async Task<T?> GetJsonAsync<T>(string path, string user) =>
        await (await SendAsync(HttpMethod.Get, path, user)).Content.ReadFromJsonAsync<T>();

    private Task<HttpResponseMessage> PostAsync(string path, string user, string? json) =>
        SendAsync(HttpMethod.Post, path, user, json: json);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string user, EntityTagHeaderValue? ifNoneMatch = null, string? json = null,
        string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(TabCaller.DevUserHeader, user);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(ifNoneMatch);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return _host.Client.SendAsync(request);
    }
}

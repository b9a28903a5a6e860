using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocusBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Tests.Situations;

/// <summary>
/// <c>POST /lead</c>, <c>POST /assisting</c>, <c>DELETE /assisting/{agency}</c>, <c>POST /assignments/{agency}/ask-again</c>
/// on the real host, and the new fields of <c>POST /api/v1/situations</c> (aerMet, peopleCount).
/// </summary>
public sealed class AgencyChangeApiTests : IAsyncLifetime
{
    private SituationsHost _host = null!;
    private string _id = "";

    public async Task InitializeAsync()
    {
        _host = await SituationsHost.StartAsync();
        await _host.LinkChannelAsync("demo", "19:demo-channel@thread.tacv2");
        _id = await _host.RecordAsync();
        _host.Chat.Sent.Clear();
        _host.Chat.Updated.Clear();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string path, string json = "{}")
    {
        var response = await _host.PostJsonAsync(path, json);
        // What the change caused leaves through the outbox: deliver it before looking at what was sent.
        await _host.DeliverOutboxAsync();
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private static string Problem(JsonObject body, string field) => string.Join(" ", body["errors"]![field]!.AsArray().Select(e => (string?)e));

    [Fact]
    public async Task Naming_a_new_lead_answers_the_situation_open_again_with_the_old_lead_released_and_tells_the_new_one()
    {
        _host.Clock.Advance(TimeSpan.FromHours(3));

        var (status, body) = await PostAsync($"/api/v1/situations/{_id}/lead", """{ "agency": "CITY" }""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("open", "city"), ((string?)body["status"], (string?)body["leadAgency"]));
        var assignments = body["assignments"]!.AsArray();
        Assert.Equal("released", (string?)assignments.Single(a => (string?)a!["agency"] == "northside-mh")!["state"]);
        var lead = assignments.Single(a => (string?)a!["agency"] == "city")!;
        Assert.Equal(("lead", "requested"), ((string?)lead["role"], (string?)lead["state"]));
        Assert.Equal(SituationsHost.MondayMorning.AddHours(51), body["updateDueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("lead-changed", (string?)body["history"]!.AsArray()[^1]!["kind"]);
        Assert.Contains(_host.Chat.Sent, s => s.To == ConversationAddress.Personal("chair.demo@city.example") && s.Message.CardJson?.Contains("Accept as lead") == true);
        Assert.Contains(_host.Chat.Sent, s => s.To == ConversationAddress.Personal(SituationsHost.NorthsideRep) && s.Message.Text?.Contains("released") == true);
        Assert.Contains("City Community Safety (no answer yet)", _host.Chat.Updated.Single(u => u.To.Kind == ConversationKind.Channel).Message.CardJson);
    }

    [Fact]
    public async Task Adding_and_releasing_an_assisting_agency_and_asking_a_declined_one_again()
    {
        var (added, addedBody) = await PostAsync($"/api/v1/situations/{_id}/assisting", """{ "agency": "city" }""");
        Assert.Equal(HttpStatusCode.OK, added);
        Assert.Equal(["city", "harbour-housing"], addedBody["assistingAgencies"]!.AsArray().Select(a => (string?)a));

        var released = await _host.Client.DeleteAsync($"/api/v1/situations/{_id}/assisting/city");
        await _host.DeliverOutboxAsync();
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        var releasedBody = (await released.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["harbour-housing"], releasedBody["assistingAgencies"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("released", (string?)releasedBody["history"]!.AsArray()[^1]!["kind"]);

        await _host.AsMemberAsync(SituationsHost.HarbourRep, (w, m) => w.DeclineAsync(_id, "harbour-housing", "Outside our catchment", m, default));
        var (asked, askedBody) = await PostAsync($"/api/v1/situations/{_id}/assignments/harbour-housing/ask-again");
        Assert.Equal(HttpStatusCode.OK, asked);
        Assert.Empty(askedBody["declinedAgencies"]!.AsArray());
        Assert.Equal("asked-again", (string?)askedBody["history"]!.AsArray()[^1]!["kind"]);
    }

    [Theory]
    [InlineData("lead", """{ "agency": "youthlink" }""", "not on the roster of this table")]
    [InlineData("lead", """{ "agency": "nobody" }""", "Allowed: city, harbour-housing, northside-mh, tps-99.")]
    [InlineData("lead", """{ "agency": "northside-mh" }""", "already the lead")]
    [InlineData("lead", """{ "agency": 5 }""", "Must be a string.")]
    [InlineData("lead", """{ }""", "Required")]
    [InlineData("assisting", """{ "agency": "harbour-housing" }""", "already on")]
    [InlineData("assignments/northside-mh/ask-again", "{}", "has not declined")]
    public async Task A_refused_agency_gets_400_naming_the_agency_field_and_nothing_changes(string path, string json, string message)
    {
        var (status, body) = await PostAsync($"/api/v1/situations/{_id}/{path}", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, Problem(body, "agency"));
        var stored = (await _host.Client.GetFromJsonAsync<JsonObject>($"/api/v1/situations/{_id}"))!;
        Assert.Single(stored["history"]!.AsArray());
        Assert.Empty(_host.Chat.Sent);
    }

    [Fact]
    public async Task Releasing_the_lead_or_an_agency_not_named_is_400_and_an_unknown_situation_404()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.DeleteAsync($"/api/v1/situations/{_id}/assisting/northside-mh")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.DeleteAsync($"/api/v1/situations/{_id}/assisting/city")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("/api/v1/situations/DM-2026-0099/lead", """{ "agency": "city" }""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.DeleteAsync("/api/v1/situations/nonsense/assisting/city")).StatusCode);
    }

    [Fact]
    public async Task Every_change_on_a_concluded_situation_is_409()
    {
        await _host.ConcludeAsync(_id, "other");

        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync($"/api/v1/situations/{_id}/lead", """{ "agency": "city" }""")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync($"/api/v1/situations/{_id}/assisting", """{ "agency": "city" }""")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await _host.Client.DeleteAsync($"/api/v1/situations/{_id}/assisting/harbour-housing")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync($"/api/v1/situations/{_id}/assignments/northside-mh/ask-again")).Status);
    }

    [Theory]
    [InlineData("person", "-1", "allowed: 1")]
    [InlineData("family", "10000", "2 to 50")]
    [InlineData("family", "\"four\"", "Must be a whole number (0 to 50")]
    [InlineData("family", "2.5", "Must be a whole number (0 to 50")]
    [InlineData("family", "null", "2 to 50")]
    public async Task A_bad_people_count_is_400_naming_the_field_and_the_range_and_nothing_is_recorded(string type, string count, string message)
    {
        var request = SituationsHost.DemoRequest();
        request["type"] = type;
        request["peopleCount"] = JsonNode.Parse(count);

        var (status, body) = await PostAsync("/api/v1/situations", request.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, Problem(body, "peopleCount"));
        await using var db = _host.Database.CreateContext();
        Assert.Equal(1, await db.Situations.CountAsync());
    }

    [Fact]
    public async Task A_family_is_recorded_with_its_people_count()
    {
        var request = SituationsHost.DemoRequest();
        request["type"] = "family";
        request["peopleCount"] = 4;

        var (status, body) = await PostAsync("/api/v1/situations", request.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(4, (int)body["peopleCount"]!);
    }

    [Fact]
    public async Task A_not_AER_discussion_is_recorded_with_filter_2_fields_only_and_nothing_is_sent()
    {
        var request = SituationsHost.DemoRequest(summary: null);
        request["aerMet"] = false;
        request.Remove("leadAgency");
        request.Remove("assistingAgencies");

        var (status, body) = await PostAsync("/api/v1/situations", request.ToJsonString());
        var withAgencies = SituationsHost.DemoRequest();
        withAgencies["aerMet"] = false;
        var (refused, refusedBody) = await PostAsync("/api/v1/situations", withAgencies.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("not-aer", false), ((string?)body["status"], (bool)body["aerMet"]!));
        Assert.Null(body["leadAgency"]);
        Assert.Empty(body["assignments"]!.AsArray());
        Assert.Empty(_host.Chat.Sent);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal(["assistingAgencies", "leadAgency", "summary"], refusedBody["errors"]!.AsObject().Select(p => p.Key).Order());
        var listed = await _host.Client.GetFromJsonAsync<JsonArray>("/api/v1/situations?status=not-aer");
        Assert.Equal([(string?)body["id"]], listed!.Select(s => (string?)s!["id"]));
    }
}

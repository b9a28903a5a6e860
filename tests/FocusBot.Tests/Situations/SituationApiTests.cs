using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocusBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Tests.Situations;

public sealed class SituationApiTests : IAsyncLifetime
{
    private SituationsHost _host = null!;

    public async Task InitializeAsync() => _host = await SituationsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(JsonNode request) => _host.PostJsonAsync("/api/v1/situations", request.ToJsonString());

    private static async Task<JsonObject> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<string[]> InvalidFields(HttpResponseMessage response)
    {
        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        return [.. problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal)];
    }

    private async Task<int> StoredSituationsAsync()
    {
        await using var db = _host.Database.CreateContext();
        return await db.Situations.CountAsync();
    }

    [Fact]
    public async Task Recording_answers_201_with_the_situation_and_where_to_find_it()
    {
        var response = await PostAsync(SituationsHost.DemoRequest());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/situations/DM-2026-0001", response.Headers.Location?.OriginalString);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("DM-2026-0001", (string?)body["id"]);
        Assert.Equal("demo", (string?)body["table"]);
        Assert.Equal("open", (string?)body["status"]);
        Assert.Equal("northside-mh", (string?)body["leadAgency"]);
        Assert.Equal(["harbour-housing"], body["assistingAgencies"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["mental-health", "housing"], body["riskFactors"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("2026-03-02", (string?)body["discussedOn"]);
        Assert.Equal(SituationsHost.MondayMorning, body["createdAt"]!.GetValue<DateTimeOffset>());
        var read = await _host.Client.GetFromJsonAsync<JsonObject>(response.Headers.Location);
        Assert.Equal("DM-2026-0001", (string?)read!["id"]);
        Assert.Equal("recorded", (string?)read["history"]![0]!["kind"]);
    }

    [Fact]
    public async Task Recording_posts_the_de_identified_card_in_the_channel_and_a_personal_card_to_each_rep_of_the_named_agencies()
    {
        await _host.LinkChannelAsync("demo", "19:demo-channel@thread.tacv2");
        var summary = "Young man sleeping rough after an eviction; crisis calls rising.";

        await PostAsync(SituationsHost.DemoRequest(summary));
        await _host.DeliverOutboxAsync();

        Assert.Equal(
            [
                ConversationAddress.Channel("19:demo-channel@thread.tacv2"),
                ConversationAddress.Personal("rep.demo@harbour-housing.example"),
                ConversationAddress.Personal("rep.demo@northside-mh.example"),
                ConversationAddress.Personal("rep2.demo@northside-mh.example"),
            ],
            _host.Chat.Sent.Select(s => s.To).OrderBy(a => a.ToString(), StringComparer.Ordinal));
        var channelCard = _host.Chat.Sent.Single(s => s.To.Kind == ConversationKind.Channel).Message.CardJson!;
        Assert.Contains("DM-2026-0001", channelCard);
        Assert.DoesNotContain("sleeping rough", channelCard);
        var leadCard = _host.Chat.Sent.First(s => s.To.Key == "rep.demo@northside-mh.example").Message.CardJson!;
        Assert.Contains("Accept as lead", leadCard);
        await using var db = _host.Database.CreateContext();
        Assert.Equal(4, await db.SituationCards.CountAsync(c => c.SituationId == "DM-2026-0001"));
    }

    [Fact]
    public async Task Every_invalid_field_is_named_at_once_and_nothing_is_stored()
    {
        var request = new JsonObject
        {
            ["table"] = "nowhere",
            ["type"] = "spaceship",
            ["ageGroup"] = "7",
            ["riskFactors"] = new JsonArray("alcohol", "not-a-risk"),
            ["summary"] = "Call her at 416-555-0199",
            ["originatingAgency"] = "nobody",
            ["leadAgency"] = "northside-mh",
            ["assistingAgencies"] = new JsonArray("northside-mh", "no-such-agency"),
        };

        var response = await PostAsync(request);

        Assert.Equal(
            ["ageGroup", "assistingAgencies", "gender", "originatingAgency", "riskFactors", "summary", "table", "type"],
            await InvalidFields(response));
        Assert.Equal(0, await StoredSituationsAsync());
        Assert.Empty(_host.Chat.Sent);
    }

    [Fact]
    public async Task The_lead_agency_among_the_assisting_agencies_is_refused()
    {
        var request = SituationsHost.DemoRequest();
        request["assistingAgencies"] = new JsonArray("harbour-housing", "Northside-MH");

        var response = await PostAsync(request);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        var messages = problem["errors"]!["assistingAgencies"]!.AsArray().Select(m => (string?)m);
        Assert.Contains("The lead agency cannot also be an assisting agency.", messages);
        Assert.Single(problem["errors"]!.AsObject());
    }

    [Theory]
    [InlineData("Reached him on 416-555-0199 last night.", "phone")]
    [InlineData("Staying near M6M 3Z4 with a cousin.", "postal code")]
    [InlineData("Worker is j.smith@example.org.", "e-mail")]
    [InlineData("OHIP 1234-567-890-AB on file.", "health card")]
    [InlineData("Lives at 1200 Jane Street, unit 5.", "address")]
    [InlineData("Born 12 March 2004.", "date")]
    public async Task A_summary_with_an_identifier_is_refused_by_name(string summary, string named)
    {
        var response = await PostAsync(SituationsHost.DemoRequest(summary));

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal("summary", Assert.Single(errors).Key);
        Assert.Contains(named, (string?)errors["summary"]![0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await StoredSituationsAsync());
    }

    [Fact]
    public async Task An_empty_object_names_every_required_field()
    {
        var response = await _host.PostJsonAsync("/api/v1/situations", "{}");

        Assert.Equal(
            ["ageGroup", "assistingAgencies", "gender", "leadAgency", "originatingAgency", "riskFactors", "table", "type"],
            await InvalidFields(response));
    }

    [Fact]
    public async Task Wrong_json_types_are_named_by_field_with_the_other_problems()
    {
        const string body = """
            { "table": 5, "type": "person", "ageGroup": { "min": 18 }, "gender": true, "riskFactors": "alcohol",
              "summary": ["a", "b"], "originatingAgency": "tps-99", "leadAgency": null, "assistingAgencies": [1, 2] }
            """;

        var response = await _host.PostJsonAsync("/api/v1/situations", body);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["ageGroup", "assistingAgencies", "gender", "leadAgency", "riskFactors", "summary", "table"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Must be a string.", (string?)errors["table"]![0]);
        Assert.Equal("Must be an array of strings.", (string?)errors["riskFactors"]![0]);
        Assert.Equal("Must be an array of strings.", (string?)errors["assistingAgencies"]![0]);
        Assert.Equal("Choose the lead agency.", (string?)errors["leadAgency"]![0]);
        Assert.Equal(0, await StoredSituationsAsync());
    }

    [Theory]
    [InlineData("{ \"table\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("\"a situation\"")]
    [InlineData("{ \"table\": \"demo\" } trailing")]
    public async Task Malformed_json_gets_400_problem_details_not_500(string body)
    {
        var response = await _host.PostJsonAsync("/api/v1/situations", body);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["body"]);
        Assert.Equal(0, await StoredSituationsAsync());
    }

    [Fact]
    public async Task A_one_megabyte_summary_is_refused_by_name_and_the_host_stays_up()
    {
        var response = await PostAsync(SituationsHost.DemoRequest(new string('x', 1024 * 1024)));

        Assert.Equal(["summary"], await InvalidFields(response));
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        var response = await PostAsync(SituationsHost.DemoRequest(new string('x', 5 * 1024 * 1024)));

        await ProblemOf(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await StoredSituationsAsync());
    }

    [Fact]
    public async Task Unknown_properties_are_ignored()
    {
        var request = SituationsHost.DemoRequest();
        request["name"] = "ignored";

        var response = await PostAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("ignored", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_list_filters_by_table_status_and_agency()
    {
        var first = await _host.RecordAsync();
        var second = await _host.RecordAsync();
        var withYouth = SituationsHost.DemoRequest();
        withYouth["assistingAgencies"] = new JsonArray("youthlink");
        var third = await _host.RecordAsync(withYouth);
        var lakesideRequest = SituationsHost.DemoRequest();
        lakesideRequest["table"] = "lakeside";
        lakesideRequest["leadAgency"] = "youthlink";
        lakesideRequest["assistingAgencies"] = new JsonArray("city");
        var lakeside = await _host.RecordAsync(lakesideRequest);
        await _host.AcceptAsync(SituationsHost.NorthsideRep, "northside-mh", second);
        await _host.ConcludeAsync(third, "other");

        async Task Expect(string query, params string[] expected)
        {
            var listed = (await _host.Client.GetFromJsonAsync<JsonArray>("/api/v1/situations" + query))!.Select(s => (string)s!["id"]!);
            Assert.Equal(expected, listed);
        }

        await Expect("", first, second, third, lakeside);
        await Expect("?table=demo", first, second, third);
        await Expect("?table=DEMO", first, second, third);
        await Expect("?table=lakeside", lakeside);
        await Expect("?table=nowhere");
        await Expect("?status=open", first, lakeside);
        await Expect("?status=Active", second);
        await Expect("?status=concluded", third);
        await Expect("?agency=harbour-housing", first, second);
        await Expect("?agency=youthlink", third, lakeside);
        await Expect("?agency=youthlink&status=open", lakeside);
        await Expect("?table=demo&status=open&agency=harbour-housing", first);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("open,active")]
    [InlineData("' OR 1=1 --")]
    public async Task A_status_that_is_not_one_of_the_three_gets_400(string status)
    {
        var response = await _host.Client.GetAsync($"/api/v1/situations?status={Uri.EscapeDataString(status)}");

        Assert.Equal(["status"], await InvalidFields(response));
    }

    [Theory]
    [InlineData("DM-2026-9999")]
    [InlineData("LK-2026-0001")]
    [InlineData("nonsense")]
    [InlineData("DM-2026-0001' OR '1'='1")]
    [InlineData("DM-2026-0001; DROP TABLE Situations; --")]
    [InlineData("%27%20OR%201%3D1%20--")]
    [InlineData("DM-2026-0001%00")]
    public async Task An_unknown_or_garbage_id_gets_404(string id)
    {
        await _host.RecordAsync();

        var response = await _host.Client.GetAsync("/api/v1/situations/" + Uri.EscapeDataString(id));

        var problem = await ProblemOf(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("DM-2026-0001", problem.ToJsonString());
        Assert.Equal(1, await StoredSituationsAsync());
    }

    [Fact]
    public async Task A_ten_thousand_character_id_gets_404()
    {
        var response = await _host.Client.GetAsync("/api/v1/situations/" + new string('9', 10_000));

        await ProblemOf(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_id_is_found_in_any_case()
    {
        await _host.RecordAsync();

        var situation = await _host.Client.GetFromJsonAsync<JsonObject>("/api/v1/situations/dm-2026-0001");

        Assert.Equal("DM-2026-0001", (string?)situation!["id"]);
    }
}

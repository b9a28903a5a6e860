using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FocusBot.Tests.Situations;

public sealed class ConcludeApiTests : IAsyncLifetime
{
    private SituationsHost _host = null!;
    private string _id = null!;

    public async Task InitializeAsync()
    {
        _host = await SituationsHost.StartAsync();
        _id = await _host.RecordAsync();
        await _host.AcceptAsync(SituationsHost.NorthsideRep, "northside-mh", _id);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> ConcludeAsync(string body, string? id = null) =>
        _host.PostJsonAsync($"/api/v1/situations/{Uri.EscapeDataString(id ?? _id)}/conclude", body);

    private Task<HttpResponseMessage> ReopenAsync(string? id = null) =>
        _host.Client.PostAsync($"/api/v1/situations/{Uri.EscapeDataString(id ?? _id)}/reopen", null);

    private async Task<JsonObject> StoredAsync() => (await _host.Client.GetFromJsonAsync<JsonObject>($"/api/v1/situations/{_id}"))!;

    private static async Task<JsonObject> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task Concluding_answers_200_with_the_concluded_situation_and_updates_its_cards()
    {
        _host.Clock.Advance(TimeSpan.FromDays(10));

        var response = await ConcludeAsync("""{ "outcome": "risk-lowered-connected" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("concluded", (string?)body["status"]);
        Assert.Equal("risk-lowered-connected", (string?)body["outcome"]);
        Assert.Equal(SituationsHost.MondayMorning.AddDays(10), body["concludedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("concluded", (string?)body["history"]!.AsArray()[^1]!["kind"]);
        Assert.Equal("concluded", (string?)(await StoredAsync())["status"]);
        await _host.DeliverOutboxAsync();
        Assert.NotEmpty(_host.Chat.Updated);
    }

    [Fact]
    public async Task An_outcome_id_is_read_in_any_case_and_stored_in_the_catalogue_spelling()
    {
        var response = await ConcludeAsync("""{ "OUTCOME": "Still-AER-Refused" }""");

        Assert.Equal("still-aer-refused", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]);
    }

    [Theory]
    [InlineData("""{ "outcome": "all-better" }""")]
    [InlineData("""{ "outcome": "" }""")]
    [InlineData("""{}""")]
    [InlineData("""{ "outcome": null }""")]
    public async Task An_unknown_or_missing_outcome_gets_400_naming_the_outcome_and_nothing_changes(string body)
    {
        var response = await ConcludeAsync(body);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.Equal("outcome", Assert.Single(problem["errors"]!.AsObject()).Key);
        Assert.Equal("active", (string?)(await StoredAsync())["status"]);
    }

    [Theory]
    [InlineData("""{ "outcome": 3 }""", "outcome")]
    [InlineData("""{ "outcome": ["other"] }""", "outcome")]
    [InlineData("""{ "outcome": """, "body")]
    [InlineData("""not json""", "body")]
    [InlineData("""["other"]""", "body")]
    [InlineData("", "body")]
    public async Task A_malformed_body_gets_400_not_500(string body, string field)
    {
        var response = await ConcludeAsync(body);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, Assert.Single(problem["errors"]!.AsObject()).Key);
        Assert.Equal("active", (string?)(await StoredAsync())["status"]);
    }

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        var response = await ConcludeAsync($$"""{ "outcome": "{{new string('x', 100 * 1024)}}" }""");

        await ProblemOf(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Concluding_twice_gets_400_and_keeps_the_first_outcome()
    {
        await ConcludeAsync("""{ "outcome": "other" }""");

        var response = await ConcludeAsync("""{ "outcome": "still-aer-other" }""");

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.Contains("is concluded", (string?)problem["errors"]!["status"]![0]);
        Assert.Equal("other", (string?)(await StoredAsync())["outcome"]);
    }

    [Theory]
    [InlineData("DM-2026-0999")]
    [InlineData("LK-2026-0001")]
    [InlineData("garbage")]
    [InlineData("DM-2026-0001' OR '1'='1")]
    public async Task Concluding_or_reopening_an_unknown_situation_gets_404(string id)
    {
        var concluded = await ConcludeAsync("""{ "outcome": "other" }""", id);
        var reopened = await ReopenAsync(id);

        await ProblemOf(concluded, HttpStatusCode.NotFound);
        await ProblemOf(reopened, HttpStatusCode.NotFound);
        Assert.Equal("active", (string?)(await StoredAsync())["status"]);
    }

    [Fact]
    public async Task Reopening_makes_an_accepted_situation_active_again_and_clears_its_outcome()
    {
        await ConcludeAsync("""{ "outcome": "other" }""");

        var response = await ReopenAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("active", (string?)body["status"]);
        Assert.Null(body["outcome"]);
        Assert.Null(body["concludedAt"]);
        Assert.Equal(["recorded", "accepted", "concluded", "reopened"], body["history"]!.AsArray().Select(e => (string?)e!["kind"]));
    }

    [Fact]
    public async Task Reopening_a_situation_no_lead_accepted_makes_it_open()
    {
        var unaccepted = await _host.RecordAsync();
        await ConcludeAsync("""{ "outcome": "still-aer-other" }""", unaccepted);

        var response = await ReopenAsync(unaccepted);

        Assert.Equal("open", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
    }

    [Fact]
    public async Task Reopening_a_situation_that_is_not_concluded_gets_400()
    {
        var response = await ReopenAsync();

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.Contains("is not concluded", (string?)problem["errors"]!["status"]![0]);
    }

    [Fact]
    public async Task A_reopened_situation_can_be_concluded_again()
    {
        await ConcludeAsync("""{ "outcome": "other" }""");
        await ReopenAsync();

        var response = await ConcludeAsync("""{ "outcome": "risk-lowered-informed" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("risk-lowered-informed", (string?)(await StoredAsync())["outcome"]);
    }
}

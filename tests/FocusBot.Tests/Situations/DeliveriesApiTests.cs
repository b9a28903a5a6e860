using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FocusBot.Tests.Situations;

/// <summary><c>GET /api/v1/deliveries?situation=</c>: what was sent, what is pending and what failed, and why.</summary>
public sealed class DeliveriesApiTests : IAsyncLifetime
{
    private SituationsHost _host = null!;

    public async Task InitializeAsync() => _host = await SituationsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonArray> DeliveriesAsync(string id) =>
        (await _host.Client.GetFromJsonAsync<JsonArray>($"/api/v1/deliveries?situation={id}"))!;

    [Fact]
    public async Task Lists_each_card_as_sent_and_a_channel_that_is_not_linked_as_failed_with_why()
    {
        var id = await _host.RecordAsync();

        var rows = await DeliveriesAsync(id);

        var channel = rows.Single(r => (string?)r!["recipient"] == "table-channel")!;
        Assert.True((string?)channel["state"] == "failed", channel.ToJsonString());
        Assert.Equal("situationCard", (string?)channel["kind"]);
        Assert.Contains("no channel is linked to Demo Table", (string?)channel["why"]);
        var reps = rows.Where(r => ((string?)r!["recipient"])!.StartsWith("personal:")).ToList();
        Assert.Equal(3, reps.Count);
        Assert.All(reps, r => Assert.Equal("sent", (string?)r!["state"]));
        Assert.All(reps, r => Assert.NotNull(r!["sentAt"]));
    }

    [Fact]
    public async Task A_decision_not_yet_delivered_is_pending()
    {
        await _host.LinkChannelAsync("demo", "19:demo-channel@thread.tacv2");
        var response = await _host.Client.PostAsync("/api/v1/situations",
            new StringContent(SituationsHost.DemoRequest().ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var rows = await DeliveriesAsync(id);

        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("pending", (string?)r!["state"]));
    }

    [Theory]
    [InlineData("not-an-id", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("DM-2026-0999", HttpStatusCode.NotFound)]
    public async Task A_bad_or_unknown_situation_is_answered_clearly(string situation, HttpStatusCode expected)
    {
        var response = await _host.Client.GetAsync($"/api/v1/deliveries?situation={situation}");

        Assert.Equal(expected, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocusBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

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
        var reps = rows.Where(r => (string?)r!["kind"] == "situationCard" && ((string?)r!["recipient"])!.StartsWith("personal:")).ToList();
        Assert.Equal(3, reps.Count);
        Assert.All(reps, r => Assert.Equal("sent", (string?)r!["state"]));
        Assert.All(reps, r => Assert.NotNull(r!["sentAt"]));
        Assert.All(reps, r => Assert.NotNull(r!["sentAs"]));
        // The co-chairs' notice that the channel got no copy is listed with the situation (not yet due: it is gathered
        // with any other notice written in the next few seconds).
        var notices = rows.Where(r => (string?)r!["kind"] == "notice").ToList();
        Assert.Equal(3, notices.Count);
        Assert.All(notices, r => Assert.Equal("pending", (string?)r!["state"]));
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

/// <summary>
/// <c>GET /api/v1/deliveries</c> lists each row honestly when a co-chair's notices went out as one message: every
/// notice row on its own, sent, with the Teams message it went out in.
/// </summary>
public sealed class GatheredNoticeDeliveriesApiTests : IAsyncLifetime
{
    private SituationsHost _host = null!;
    private readonly NoChatWithNorthside _chat = new();

    public async Task InitializeAsync() =>
        _host = await SituationsHost.StartAsync(services: services => services.AddScoped<IChatSender>(_ => _chat));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Two_reps_and_the_channel_not_reached_are_one_message_per_co_chair_and_each_notice_row_is_listed_as_sent_in_it()
    {
        var id = await _host.RecordAsync();
        // The notices are due a few seconds after the cards that could not be delivered.
        _host.Clock.Advance(TimeSpan.FromSeconds(3));
        await _host.DeliverOutboxAsync();

        var rows = (await _host.Client.GetFromJsonAsync<JsonArray>($"/api/v1/deliveries?situation={id}"))!.Select(r => r!.AsObject()).ToList();

        var notices = rows.Where(r => (string?)r["kind"] == "notice").ToList();
        // Two Northside reps not reached and no channel linked, told to each of the demo table's three co-chairs (two, and
        // its administrator): nine rows.
        Assert.Equal(9, notices.Count);
        Assert.All(notices, n => Assert.Equal("sent", (string?)n["state"]));
        var messages = notices.GroupBy(n => (string?)n["recipient"]).ToList();
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.NotNull(Assert.Single(m.Select(n => (string?)n["sentAs"]).Distinct())));
        Assert.Equal(3, notices.Select(n => (string?)n["sentAs"]).Distinct().Count());

        var toChair = Assert.Single(_chat.Sent, s => s.To == ConversationAddress.Personal(SituationsHost.CoChair));
        // One message: the two reps as one list, and the channel.
        Assert.Contains($"2 representatives could not be reached for {id}:", toChair.Text);
        Assert.Contains("no channel is linked", toChair.Text);
        Assert.Contains("rep.demo@northside-mh.example (Northside Mental Health)", toChair.Text);
        Assert.Contains("rep2.demo@northside-mh.example (Northside Mental Health)", toChair.Text);
    }

    /// <summary>Delivers everything, except to Northside Mental Health's reps, who have no chat with FocusBot.</summary>
    private sealed class NoChatWithNorthside : IChatSender
    {
        private int _next;
        public List<(ConversationAddress To, string? Text)> Sent { get; } = [];

        public Task<DeliveryResult> SendAsync(ConversationAddress to, OutgoingMessage message, CancellationToken cancellationToken)
        {
            if (to.Key.EndsWith("@northside-mh.example", StringComparison.Ordinal)) return Task.FromResult(new DeliveryResult(DeliveryStatus.NoConversation));
            lock (Sent)
            {
                Sent.Add((to, message.Text));
                return Task.FromResult(new DeliveryResult(DeliveryStatus.Delivered, $"activity-{++_next}"));
            }
        }

        public Task<DeliveryResult> UpdateAsync(ConversationAddress to, string activityId, OutgoingMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(new DeliveryResult(DeliveryStatus.Delivered, activityId));
    }
}

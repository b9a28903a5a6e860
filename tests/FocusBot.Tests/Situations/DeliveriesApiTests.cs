using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocusBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Situations;

/// <summary>
/// <c>GET /api/v1/deliveries</c> lists each row honestly when a co-chair's notices went out as one message: every
/// notice row on its own, sent, with the Teams message it went out in.
/// </summary>
public sealed class DeliveriesApiTests : IAsyncLifetime
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

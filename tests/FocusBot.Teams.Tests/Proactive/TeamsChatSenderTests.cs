using FocusBot.Core.Conversations;
using FocusBot.Teams.Tests.Support;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Tests.Proactive;

public sealed class TeamsChatSenderTests : IAsyncLifetime
{
    private ProactiveRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ProactiveRig.StartAsync(new InstantDelays());

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Message_to_a_stored_personal_chat_is_posted_to_that_conversation_and_delivered()
    {
        var alex = await _rig.StorePersonalChatAsync("alex@cmha.example", "a:conv-1");

        var result = await _rig.Sender.SendAsync(alex, new OutgoingMessage("Your agency owes an update on RX-2026-0142"), default);

        var request = Assert.Single(_rig.Teams.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("/v3/conversations/a%3Aconv-1/activities", request.RawTarget);
        var body = JObject.Parse(request.Body);
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("Your agency owes an update on RX-2026-0142", (string?)body["text"]);
        Assert.Equal(ProactiveRig.BotId, (string?)body["from"]?["id"]);
        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal("activity-1", result.ActivityId);
    }

    [Fact]
    public async Task Card_goes_as_an_adaptive_card_attachment_whose_content_is_the_card_itself()
    {
        var alex = await _rig.StorePersonalChatAsync("alex@cmha.example", "a:conv-1");
        const string card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"RX-2026-0142"}]}""";

        await _rig.Sender.SendAsync(alex, new OutgoingMessage(null, card), default);

        var attachment = Assert.Single(JObject.Parse(Assert.Single(_rig.Teams.Requests).Body)["attachments"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var content = Assert.IsType<JObject>(attachment["content"]);
        Assert.True(JToken.DeepEquals(JObject.Parse(card), content));
    }

    [Fact]
    public async Task Update_replaces_the_posted_activity_in_place()
    {
        var channel = await _rig.StoreTableChannelAsync("rexdale", "19:rexdale@thread.tacv2");

        var result = await _rig.Sender.UpdateAsync(channel, "1710081234567", new OutgoingMessage("RX-2026-0142 is active"), default);

        var request = Assert.Single(_rig.Teams.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/v3/conversations/19%3Arexdale%40thread.tacv2/activities/1710081234567", request.RawTarget);
        Assert.Equal("RX-2026-0142 is active", (string?)JObject.Parse(request.Body)["text"]);
        Assert.Equal(new DeliveryResult(DeliveryStatus.Delivered, "1710081234567"), result);
    }

    [Fact]
    public async Task Channel_post_starts_a_new_thread_even_when_the_reference_came_from_a_reply()
    {
        var channel = await _rig.StoreTableChannelAsync("rexdale", "19:rexdale@thread.tacv2;messageid=1710000000000");

        await _rig.Sender.SendAsync(channel, new OutgoingMessage("Agenda for Tuesday"), default);

        Assert.StartsWith("/v3/conversations/19%3Arexdale%40thread.tacv2/activities", Assert.Single(_rig.Teams.Requests).RawTarget);
    }

    [Fact]
    public async Task Member_with_no_stored_chat_and_no_team_to_open_one_through_has_no_conversation()
    {
        var result = await _rig.Sender.SendAsync(ConversationAddress.Personal("nobody@cmha.example"), new OutgoingMessage("Hello"), default);

        Assert.Equal(DeliveryStatus.NoConversation, result.Status);
        Assert.Empty(_rig.Teams.Requests);
    }

    [Fact]
    public async Task Channel_with_no_stored_reference_has_no_conversation()
    {
        var result = await _rig.Sender.SendAsync(ConversationAddress.Channel("19:unknown@thread.tacv2"), new OutgoingMessage("Agenda"), default);

        Assert.Equal(DeliveryStatus.NoConversation, result.Status);
        Assert.Empty(_rig.Teams.Requests);
    }
}

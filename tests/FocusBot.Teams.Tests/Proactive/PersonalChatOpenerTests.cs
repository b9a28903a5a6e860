using FocusBot.Testing;
using System.Net;
using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Teams.Tests.Support;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Tests.Proactive;

public sealed class PersonalChatOpenerTests : IAsyncLifetime
{
    private static readonly Member Sam = new()
    {
        Email = "sam@tpl.example", AadObjectId = "6f1c1d2e-aad-sam", AgencyId = "tps", Role = MemberRole.Rep, TableIds = ["rexdale"],
    };

    // A fresh instance per test: the in-memory roster records object ids on the member it holds.
    private static Member Kim => new()
    {
        Email = "kim@tpl.example", AgencyId = "tps", Role = MemberRole.Rep, TableIds = ["rexdale"],
    };

    private ProactiveRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await ProactiveRig.StartAsync(new InstantDelays(), members: [Sam, Kim]);
        await _rig.StoreTableChannelAsync("rexdale", "19:rexdale@thread.tacv2");
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Member_without_a_chat_gets_one_opened_through_their_tables_team_and_then_the_message()
    {
        var sam = ConversationAddress.Personal(Sam.Email);

        var result = await _rig.Sender.SendAsync(sam, new OutgoingMessage("Your agency owes an update"), default);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(2, _rig.Teams.Requests.Count);
        var create = _rig.Teams.Requests[0];
        Assert.Equal(("POST", "/v3/conversations"), (create.Method, create.RawTarget));
        var parameters = JObject.Parse(create.Body);
        Assert.False((bool?)parameters["isGroup"]);
        Assert.Equal(ProactiveRig.TenantId, (string?)parameters["tenantId"]);
        Assert.Equal(ProactiveRig.BotId, (string?)parameters["bot"]?["id"]);
        Assert.Equal(Sam.AadObjectId, (string?)Assert.Single(parameters["members"]!)["id"]);

        var message = _rig.Teams.Requests[1];
        Assert.Equal("POST", message.Method);
        Assert.StartsWith("/v3/conversations/a%3Aopened-1/activities", message.RawTarget);
        Assert.Equal("Your agency owes an update", (string?)JObject.Parse(message.Body)["text"]);

        var stored = await _rig.StoredReferenceAsync(sam);
        Assert.Equal("a:opened-1", stored.Conversation.Id);
        Assert.Equal(ProactiveRig.TenantId, stored.Conversation.TenantId);
        Assert.Equal(_rig.Teams.ServiceUrl, stored.ServiceUrl);
        Assert.Equal(ProactiveRig.BotId, stored.Bot.Id);
        Assert.Equal(Sam.AadObjectId, stored.User.AadObjectId);
    }

    [Fact]
    public async Task Chat_opened_once_is_reused_for_the_next_message()
    {
        var sam = ConversationAddress.Personal(Sam.Email);

        await _rig.Sender.SendAsync(sam, new OutgoingMessage("First"), default);
        await _rig.Sender.SendAsync(sam, new OutgoingMessage("Second"), default);

        Assert.Single(_rig.Teams.Requests, request => request.RawTarget == "/v3/conversations");
        Assert.Equal(3, _rig.Teams.Requests.Count);
    }

    [Fact]
    public async Task Updating_a_message_never_opens_a_chat()
    {
        var result = await _rig.Sender.UpdateAsync(ConversationAddress.Personal(Sam.Email), "1710081234567", new OutgoingMessage("Edited"), default);

        Assert.Equal(DeliveryStatus.NoConversation, result.Status);
        Assert.Empty(_rig.Teams.Requests);
    }

    [Fact]
    public async Task Member_the_team_does_not_know_has_no_conversation()
    {
        var result = await _rig.Sender.SendAsync(ConversationAddress.Personal(Kim.Email), new OutgoingMessage("Hello"), default);

        Assert.Equal(DeliveryStatus.NoConversation, result.Status);
        var lookup = Assert.Single(_rig.Teams.Requests);
        Assert.Equal("GET", lookup.Method);
        Assert.EndsWith("/members/kim%40tpl.example", lookup.RawTarget);
    }

    [Fact]
    public async Task Member_known_only_by_email_is_found_in_the_team_by_UPN_and_their_chat_opened()
    {
        const string kimObjectId = "0b7c1f5e-4b1e-4f7a-9a53-1e6a6f0c2b33";
        _rig.Teams.AddUser("29:kim", "Kim Example", Kim.Email, kimObjectId);

        var result = await _rig.Sender.SendAsync(ConversationAddress.Personal(Kim.Email), new OutgoingMessage("Hello"), default);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(["GET", "POST", "POST"], _rig.Teams.Requests.Select(r => r.Method));
        Assert.Equal(kimObjectId, (string?)Assert.Single(JObject.Parse(_rig.Teams.Requests[1].Body)["members"]!)["id"]);
        Assert.Equal(kimObjectId, (await _rig.Roster.FindMemberByEmailAsync(Kim.Email, default))!.AadObjectId);
    }

    [Fact]
    public async Task Member_the_team_cannot_reach_is_unreachable_and_nothing_is_stored()
    {
        _rig.Teams.Answer(ScriptedResponse.Error(HttpStatusCode.Forbidden, "BotNotInConversationRoster"));
        var sam = ConversationAddress.Personal(Sam.Email);

        var result = await _rig.Sender.SendAsync(sam, new OutgoingMessage("Hello"), default);

        Assert.Equal(DeliveryStatus.Unreachable, result.Status);
        Assert.Single(_rig.Teams.Requests);
        Assert.Null(await _rig.Conversations.FindAsync(sam, default));
    }

    [Fact]
    public async Task A_member_lookup_Teams_keeps_failing_is_retried_later_not_taken_for_a_member_without_a_chat()
    {
        _rig.Teams.AnswerMemberLookups(Enumerable.Repeat(ScriptedResponse.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"), 5).ToArray());

        var result = await _rig.Sender.SendAsync(ConversationAddress.Personal(Kim.Email), new OutgoingMessage("Hello"), default);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Contains("503", result.Detail);
        Assert.Empty(_rig.Conversations.Unreachable);
        Assert.All(_rig.Teams.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task A_member_marked_unreachable_is_not_written_to_until_heard_from_again()
    {
        var sam = await _rig.StorePersonalChatAsync(Sam.Email, "a:sam-chat");
        await _rig.Conversations.MarkUnreachableAsync(sam, "FocusBot was removed from their personal scope", default);

        var result = await _rig.Sender.SendAsync(sam, new OutgoingMessage("Hello"), default);

        Assert.Equal((DeliveryStatus.Unreachable, "FocusBot was removed from their personal scope"), (result.Status, result.Detail));
        Assert.Empty(_rig.Teams.Requests);

        await _rig.StorePersonalChatAsync(Sam.Email, "a:sam-chat");
        Assert.Equal(DeliveryStatus.Delivered, (await _rig.Sender.SendAsync(sam, new OutgoingMessage("Hello again"), default)).Status);
    }
}

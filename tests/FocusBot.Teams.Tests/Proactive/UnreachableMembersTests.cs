using FocusBot.Testing;
using System.Net;
using FocusBot.Core.Conversations;
using FocusBot.Teams.Tests.Support;

namespace FocusBot.Teams.Tests.Proactive;

public sealed class UnreachableMembersTests : IAsyncLifetime
{
    private readonly InstantDelays _clock = new();
    private ProactiveRig _rig = null!;
    private ConversationAddress _alex = null!;

    public async Task InitializeAsync()
    {
        _rig = await ProactiveRig.StartAsync(_clock);
        _alex = await _rig.StorePersonalChatAsync("alex@cmha.example", "a:conv-1");
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private Task<DeliveryResult> SendToAlexAsync() => _rig.Sender.SendAsync(_alex, new OutgoingMessage("Reminder"), default);

    [Fact]
    public async Task Member_who_blocked_the_bot_is_unreachable_after_exactly_one_request()
    {
        _rig.Teams.Answer(ScriptedResponse.Error(HttpStatusCode.Forbidden, "ConversationBlockedByUser"));

        var result = await SendToAlexAsync();

        Assert.Equal(DeliveryStatus.Unreachable, result.Status);
        Assert.Contains("ConversationBlockedByUser", result.Detail);
        Assert.Single(_rig.Teams.Requests);
        Assert.Empty(_clock.Waits);
        Assert.True(_rig.Conversations.Unreachable.ContainsKey(_alex));
    }

    [Fact]
    public async Task Conversation_Teams_no_longer_knows_is_unreachable_without_retry()
    {
        _rig.Teams.Answer(ScriptedResponse.Error(HttpStatusCode.NotFound, "ConversationNotFound"));

        var result = await SendToAlexAsync();

        Assert.Equal(DeliveryStatus.Unreachable, result.Status);
        Assert.Contains("ConversationNotFound", result.Detail);
        Assert.Single(_rig.Teams.Requests);
        Assert.Equal(_alex, Assert.Single(_rig.Reporter.Reports).Address);
    }

    [Fact]
    public async Task Co_chairs_are_told_once_however_often_the_member_is_refused()
    {
        _rig.Teams.Answer(
            ScriptedResponse.Error(HttpStatusCode.Forbidden, "ConversationBlockedByUser"),
            ScriptedResponse.Error(HttpStatusCode.Forbidden, "ConversationBlockedByUser"));

        await SendToAlexAsync();
        await SendToAlexAsync();

        var report = Assert.Single(_rig.Reporter.Reports);
        Assert.Equal(_alex, report.Address);
        Assert.Contains("403", report.Reason);
    }

    [Fact]
    public async Task Member_who_spoke_to_the_bot_again_is_reported_afresh_if_refused_later()
    {
        _rig.Teams.Answer(
            ScriptedResponse.Error(HttpStatusCode.Forbidden, "ConversationBlockedByUser"),
            ScriptedResponse.Error(HttpStatusCode.Forbidden, "ConversationBlockedByUser"));
        await SendToAlexAsync();

        await _rig.Unreachable.ClearAsync(_alex, default);
        Assert.Empty(_rig.Conversations.Unreachable);
        await SendToAlexAsync();

        Assert.Equal(2, _rig.Reporter.Reports.Count);
    }
}

using FocusBot.Testing;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using FocusBot.Core.Conversations;
using FocusBot.Teams.Tests.Support;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Teams.Tests.Proactive;

public sealed class ConnectorRetryTests : IAsyncLifetime
{
    private readonly InstantDelays _clock = new();
    private ProactiveRig _rig = null!;
    private ConversationAddress _alex = null!;

    public async Task InitializeAsync()
    {
        _rig = await ProactiveRig.StartAsync(_clock, new()
        {
            ["Teams:Retry:MaxAttempts"] = "4",
            ["Teams:Retry:BaseDelay"] = "00:00:01",
            ["Teams:Retry:MaxDelay"] = "00:00:20",
        });
        _alex = await _rig.StorePersonalChatAsync("alex@cmha.example", "a:conv-1");
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private Task<DeliveryResult> SendToAlexAsync() => _rig.Sender.SendAsync(_alex, new OutgoingMessage("Reminder"), default);

    /// <summary>
    /// A throttled send is not waited out inside the send: the dispatcher releases its row until Retry-After, so that
    /// the other rows go on meanwhile (with one send on its way at a time, a wait here would hold up every other).
    /// </summary>
    [Fact]
    public async Task A_throttled_message_is_handed_back_at_once_with_the_seconds_Teams_asks_for()
    {
        _rig.Teams.Answer(new ScriptedResponse(HttpStatusCode.TooManyRequests, RetryAfter: "3"));

        var result = await SendToAlexAsync();

        Assert.Equal((DeliveryStatus.Failed, TimeSpan.FromSeconds(3)), (result.Status, result.RetryAfter));
        Assert.Contains("429", result.Detail);
        Assert.Single(_rig.Teams.Requests);
        Assert.Empty(_clock.Waits);
        Assert.Empty(_rig.Reporter.Reports);
    }

    [Fact]
    public async Task Retry_After_longer_than_the_longest_wait_is_handed_back_whole_for_the_dispatcher_to_honour()
    {
        _rig.Teams.Answer(new ScriptedResponse(HttpStatusCode.TooManyRequests, RetryAfter: "120"));

        var result = await SendToAlexAsync();

        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task Service_unavailable_twice_then_success_is_delivered_after_backing_off()
    {
        _rig.Teams.Answer(new(HttpStatusCode.ServiceUnavailable), new(HttpStatusCode.ServiceUnavailable));

        var result = await SendToAlexAsync();

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(3, _rig.Teams.Requests.Count);
        Assert.Equal(2, _clock.Waits.Count);
        Assert.All(_clock.Waits, wait => Assert.InRange(wait, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(20)));
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_refusals_are_retried(HttpStatusCode status)
    {
        _rig.Teams.Answer(new ScriptedResponse(status));

        var result = await SendToAlexAsync();

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(2, _rig.Teams.Requests.Count);
    }

    [Fact]
    public async Task Message_still_refused_after_every_attempt_fails_after_MaxAttempts_requests()
    {
        _rig.Teams.Answer(Enumerable.Repeat(new ScriptedResponse(HttpStatusCode.ServiceUnavailable), 10).ToArray());

        var result = await SendToAlexAsync();

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Contains("503", result.Detail);
        Assert.Equal(4, _rig.Teams.Requests.Count);
        Assert.Equal(3, _clock.Waits.Count);
        Assert.Empty(_rig.Reporter.Reports);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task Requests_that_cannot_succeed_are_not_retried(HttpStatusCode status)
    {
        _rig.Teams.Answer(ScriptedResponse.Error(status, "BadSyntax"));

        var result = await SendToAlexAsync();

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Single(_rig.Teams.Requests);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task Every_connector_client_the_authentication_makes_retries_so_turn_replies_do_too()
    {
        _rig.Teams.Answer(new ScriptedResponse(HttpStatusCode.TooManyRequests, RetryAfter: "2"));
        var authentication = _rig.Services.GetRequiredService<BotFrameworkAuthentication>();
        var connectors = authentication.CreateConnectorFactory(new ClaimsIdentity());
        using var connector = await connectors.CreateAsync(_rig.Teams.ServiceUrl, audience: null, default);
        var reply = new Activity(ActivityTypes.Message, text: "pong", replyToId: "incoming-1", conversation: new ConversationAccount(id: "a:conv-1"));

        await connector.Conversations.ReplyToActivityAsync(reply, default);

        Assert.Equal(2, _rig.Teams.Requests.Count);
        Assert.All(_rig.Teams.Requests, request => Assert.Equal("/v3/conversations/a%3Aconv-1/activities/incoming-1", request.RawTarget));
        Assert.Equal([TimeSpan.FromSeconds(2)], _clock.Waits);
    }
}

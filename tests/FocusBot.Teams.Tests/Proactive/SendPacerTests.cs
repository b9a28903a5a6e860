using FocusBot.Core.Conversations;
using FocusBot.Teams.Proactive;
using FocusBot.Teams.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Teams.Tests.Proactive;

public sealed class SendPacerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero));

    private SendPacer Pacer(int perConversation = 7, int perApp = 50) =>
        new(Options.Create(new PacingOptions { PerConversationPerSecond = perConversation, PerAppPerSecond = perApp }), _clock);

    private static async Task WaitTurnsAsync(SendPacer pacer, string conversation, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await pacer.WaitTurnAsync(conversation, default);
        }
    }

    [Fact]
    public async Task Eighth_message_in_a_second_to_one_conversation_waits_until_the_second_has_passed()
    {
        var pacer = Pacer();
        await WaitTurnsAsync(pacer, "channel:rexdale", 7);

        var eighth = pacer.WaitTurnAsync("channel:rexdale", default);
        Assert.False(eighth.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(eighth.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        await eighth;
    }

    [Fact]
    public async Task Messages_to_other_conversations_are_not_held_back_by_a_busy_one()
    {
        var pacer = Pacer();
        await WaitTurnsAsync(pacer, "channel:rexdale", 7);
        var eighth = pacer.WaitTurnAsync("channel:rexdale", default);

        var other = pacer.WaitTurnAsync("personal:alex@cmha.example", default);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(eighth.IsCompleted);
    }

    [Fact]
    public async Task Fan_out_beyond_the_app_limit_waits_for_the_next_second()
    {
        var pacer = Pacer(perApp: 3);
        foreach (var rep in new[] { "a", "b", "c" })
        {
            await pacer.WaitTurnAsync($"personal:{rep}@cmha.example", default);
        }

        var fourth = pacer.WaitTurnAsync("personal:d@cmha.example", default);
        Assert.False(fourth.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await fourth;
    }

    [Fact]
    public async Task A_conversation_spaced_out_over_seconds_never_waits()
    {
        var pacer = Pacer();
        for (var second = 0; second < 5; second++)
        {
            for (var i = 0; i < 7; i++)
            {
                Assert.True(pacer.WaitTurnAsync("channel:rexdale", default).IsCompletedSuccessfully);
            }

            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        await Task.CompletedTask;
    }

    [Fact]
    public async Task Sender_holds_the_eighth_message_in_a_second_to_one_conversation_until_the_clock_moves_on()
    {
        await using var rig = await ProactiveRig.StartAsync(_clock);
        var alex = await rig.StorePersonalChatAsync("alex@cmha.example", "a:conv-1");
        for (var i = 1; i <= 7; i++)
        {
            await rig.Sender.SendAsync(alex, new OutgoingMessage($"Reminder {i}"), default);
        }

        var eighth = rig.Sender.SendAsync(alex, new OutgoingMessage("Reminder 8"), default);
        Assert.False(eighth.IsCompleted);
        Assert.Equal(7, rig.Teams.Requests.Count);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(DeliveryStatus.Delivered, (await eighth).Status);
        Assert.Equal(8, rig.Teams.Requests.Count);
    }
}

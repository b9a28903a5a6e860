using FocusBot.Core.Conversations;
using FocusBot.Teams.Proactive;
using FocusBot.Teams.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Teams.Tests.Proactive;

public sealed class SendPacerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero));

    // Without a limit of its own, a test sees the conversation's limit alone (the app-wide spacing is tested apart).
    private SendPacer Pacer(int perConversation = 7, int perApp = int.MaxValue) =>
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
    public async Task Fan_out_is_spaced_evenly_at_the_app_limit_rather_than_let_out_in_bursts()
    {
        var pacer = Pacer(perApp: 4);
        await pacer.WaitTurnAsync("personal:a@cmha.example", default);

        var second = pacer.WaitTurnAsync("personal:b@cmha.example", default);
        var third = pacer.WaitTurnAsync("personal:c@cmha.example", default);
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await second;
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(250));

        await third;
    }

    [Fact]
    public async Task An_app_limit_of_N_lets_out_no_more_than_N_in_any_second()
    {
        var pacer = Pacer(perApp: 5);
        var sends = Enumerable.Range(0, 20).Select(i => pacer.WaitTurnAsync($"personal:{i}@cmha.example", default)).ToList();
        var released = new List<TimeSpan>();
        for (var ms = 0; ms <= 4000; ms++)
        {
            foreach (var send in sends.Where(send => send.IsCompleted).ToList())
            {
                released.Add(TimeSpan.FromMilliseconds(ms));
                sends.Remove(send);
            }

            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Empty(sends);
        Assert.All(released.Select((at, i) => released.Count(other => other >= at && other < at + TimeSpan.FromSeconds(1))),
            inOneSecond => Assert.True(inOneSecond <= 5, $"{inOneSecond} sends in one second"));
        await Task.CompletedTask;
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

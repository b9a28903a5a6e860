using FocusBot.Reminders;

namespace FocusBot.Tests.Reminders;

/// <summary>
/// After a pass the worker sleeps until the next outbox row falls due when that is sooner than its poll: a co-chair's
/// confirmation released to look again in 3 s is redrawn then, not at the next minute's poll (found by a new-user check:
/// the confirmation came 60–67 s after the last card).
/// </summary>
public sealed class ReminderWorkerWaitTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_row_due_in_three_seconds_wakes_the_worker_in_three_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(3), ReminderWorker.NextWait(Now, Now.AddSeconds(3), Poll));

    [Fact]
    public void Nothing_pending_or_due_after_the_poll_waits_for_the_poll()
    {
        Assert.Equal(Poll, ReminderWorker.NextWait(Now, null, Poll));
        Assert.Equal(Poll, ReminderWorker.NextWait(Now, Now.AddMinutes(5), Poll));
    }

    [Fact]
    public void A_row_already_due_is_looked_at_after_a_short_pause_not_in_a_busy_loop() =>
        Assert.Equal(TimeSpan.FromMilliseconds(100), ReminderWorker.NextWait(Now, Now.AddSeconds(-30), Poll));
}

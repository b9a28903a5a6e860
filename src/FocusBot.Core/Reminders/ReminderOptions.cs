namespace FocusBot.Core.Reminders;

/// <summary>Settings under <c>Reminders</c>. Per-table meeting lead times are in the roster (<c>meeting.remindBefore</c>).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How often the worker looks for due reminders.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How often every table is re-planned from its calendar; a situation change re-plans its table at once.</summary>
    public TimeSpan ReplanInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How far ahead meetings are read and planned.</summary>
    public TimeSpan PlanningHorizon { get; set; } = TimeSpan.FromDays(21);
    /// <summary>How long before the 48-hour update falls due the lead agency is nudged.</summary>
    public TimeSpan NudgeBeforeUpdateDue { get; set; } = TimeSpan.FromHours(12);
    /// <summary>How long after recording an unaccepted lead is reported to the co-chairs.</summary>
    public TimeSpan UnacceptedAfter { get; set; } = TimeSpan.FromHours(4);
    /// <summary>
    /// How late a situation reminder (nudge, overdue, unaccepted) may still be sent after downtime. Meeting reminders
    /// are sent late until the meeting starts, never after.
    /// </summary>
    public TimeSpan Staleness { get; set; } = TimeSpan.FromHours(6);
    /// <summary>
    /// How long a worker's claim on an outbox row or a reminder holds without renewal. A working worker renews its
    /// claims every third of this (<see cref="Deliveries.ClaimLease"/>), so it only bounds how long the rows of an
    /// instance that died (crash, <c>kill -9</c>, lost host) wait before another instance sends them. At least 10 s.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How many due reminders (and at most how many outbox rows) a worker claims at a time.</summary>
    public int BatchSize { get; set; } = 50;
    /// <summary>Delivery attempts (each after a failed send or an expired claim) before a reminder is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>
    /// How many outbox rows one instance has on their way at once (each waits for Teams; the pacer keeps to Teams'
    /// limits). The rate is at most this divided by one send's round trip. Teams takes no idempotency key, so the sends
    /// on their way when the process is killed (<c>kill -9</c>, a lost host) are sent again after a restart: 1 (the
    /// default) keeps that to at most one message twice, as issue 9 requires, at one send per round trip (about 3.5 a
    /// second through a 250 ms connector; README, "Delivery"). A higher value trades duplicates for throughput.
    /// </summary>
    public int DispatchConcurrency { get; set; } = 1;
    /// <summary>
    /// On a graceful stop (SIGTERM, as a deployment sends): how long the sends already on their way (outbox rows and a
    /// reminder) may take to finish and be recorded before the worker gives up on them; nothing new is claimed once the
    /// stop is asked. The host's shutdown timeout is made at least this plus 5 s. Between 1 s and 5 minutes.
    /// </summary>
    public TimeSpan FinishSendsOnStop { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>
    /// How long a form submission that was acted on is remembered (<c>processed_submissions</c>), so that the same
    /// submission delivered again (Teams' redelivery, a double click, a retried API call) has no second effect. The daily
    /// retention job forgets older ones; at least a day. A form submitted again after this is acted on again.
    /// </summary>
    public TimeSpan ProcessedSubmissionsKeptFor { get; set; } = TimeSpan.FromDays(30);
    /// <summary>How often a recording co-chair's confirmation card looks again whether the situation's cards have all gone out.</summary>
    public TimeSpan ConfirmationRecheck { get; set; } = TimeSpan.FromSeconds(3);
}

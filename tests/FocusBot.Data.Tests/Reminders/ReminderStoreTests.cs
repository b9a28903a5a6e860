using System.Collections.Concurrent;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Meetings;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Data.Reminders;
using FocusBot.Data.Roster;
using FocusBot.Data.Situations;
using FocusBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Data.Tests.Reminders;

public sealed class SqliteReminderStoreTests() : ReminderStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresReminderStoreTests() : ReminderStoreTests(DatabaseProvider.Postgres);

public abstract class ReminderStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Core.Roster.Roster _roster = null!;
    // Tuesday 24 November 2026, 11:30 in Toronto: the demo table met at 10:00 today; next meeting 1 December.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 16, 30, 0, TimeSpan.Zero));
    private readonly ReminderOptions _options = new();
    private readonly CountingChatSender _chat = new();

    public async Task InitializeAsync()
    {
        (_database, _roster) = await TestDatabase.CreateWithSampleRosterAsync(provider);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Member Member(string email) => _roster.Members.Single(m => m.Email == email);

    private async Task<T> With<T>(Func<FocusBotDbContext, Task<T>> use)
    {
        await using var db = _database.CreateContext();
        return await use(db);
    }

    private Task<ReplanResult> PlanDemoAsync() => With(db => new ReminderPlanning(new EfRosterStore(db), new EfSituationStore(db),
        new RosterScheduleCalendar(), new EfReminderStore(db), new ReminderPlanner(_time, _options, NullLogger<ReminderPlanner>.Instance),
        _options, _time, NullLogger<ReminderPlanning>.Instance).PlanTableAsync("demo", default).ContinueWith(_ => new ReplanResult(0, 0, 0)));

    private Task<List<Reminder>> RemindersAsync() => With(db => db.Reminders.AsNoTracking().OrderBy(r => r.DueAt).ToListAsync());

    private Task<T> WithWorkflow<T>(Func<SituationWorkflow, Task<T>> use) => With(db =>
        use(new SituationWorkflow(new EfSituationStore(db), new EfRosterStore(db), new Core.Deliveries.NoDispatchSignal(), new SituationCatalogue(), _time)));

    private Task<Situation> RecordAsync() => WithWorkflow(async w => (await w.RecordAsync(new NewSituationRequest
    {
        Table = "demo", Type = "person", AgeGroup = "18-24", Gender = "female", RiskFactors = ["mental-health", "housing"],
        Summary = "Repeated crisis calls; eviction notice served.", OriginatingAgency = "tps-99", LeadAgency = "northside-mh",
        AssistingAgencies = ["harbour-housing"],
    }, Member("chair.demo@city.example"), default)).Situation!);

    private ReminderDispatcher Dispatcher(FocusBotDbContext db, IChatSender? chat = null) => new(
        new EfReminderStore(db), new AddressedToTarget(), chat ?? _chat,
        new CoChairNotices(new EfRosterStore(db), new FocusBot.Data.Deliveries.EfDeliveryStore(db), new EfCoChairNoticeLog(db), new NoDispatchSignal(), _time),
        _options, _time, NullLogger<ReminderDispatcher>.Instance);

    [Fact]
    public async Task Planning_twice_never_duplicates_a_reminder()
    {
        await PlanDemoAsync();
        var first = await RemindersAsync();
        await PlanDemoAsync();
        var second = await RemindersAsync();

        // Three Tuesdays in the 21-day horizon; five members at the demo table (the admin is not) get the 24-hour digest.
        Assert.Equal(3 * (5 + 1), first.Count);
        Assert.Equal(first.Select(r => r.Id).Order(), second.Select(r => r.Id).Order());
        Assert.All(second, r => Assert.Equal(ReminderState.Planned, r.State));
        var agenda = first.First(r => r.Kind == ReminderKind.MeetingAgenda);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), agenda.DueAt);
    }

    [Fact]
    public async Task Two_planners_of_one_table_at_once_plan_each_reminder_once_and_log_no_error()
    {
        // Two instances (or the worker and a decision's re-plan) planning the same table insert the same plan keys:
        // an expected race, which must not fail a command on IX_reminders_PlanKey and log it as an error.
        var logs = new RecordingLogs();
        for (var round = 0; round < 8; round++)
        {
            await With(db => db.Reminders.ExecuteDeleteAsync());
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var planners = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await using var db = _database.CreateContext(logs);
                await db.Database.OpenConnectionAsync();
                await go.Task;
                await new ReminderPlanning(new EfRosterStore(db), new EfSituationStore(db), new RosterScheduleCalendar(),
                    new EfReminderStore(db, logs.CreateLogger<EfReminderStore>()), new ReminderPlanner(_time, _options, logs.CreateLogger<ReminderPlanner>()),
                    _options, _time, logs.CreateLogger<ReminderPlanning>()).PlanTableAsync("demo", default);
            })).ToList();
            go.SetResult();
            await Task.WhenAll(planners);

            Assert.Equal(3 * (5 + 1), (await RemindersAsync()).Count);
        }
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_posted_48_hour_update_cancels_its_nudge_and_overdue_notice()
    {
        var situation = await RecordAsync();
        await WithWorkflow(w => w.AcceptAsync(situation.Id, "northside-mh", Member("rep.demo@northside-mh.example"), default));
        await PlanDemoAsync();
        var planned = (await RemindersAsync()).Where(r => r.SituationId == situation.Id).ToList();
        Assert.Equal([ReminderKind.UpdateNudge, ReminderKind.UpdateOverdue],
            planned.Select(r => r.Kind).Distinct().Order());
        // Nudge: both northside reps; overdue: both reps, both co-chairs and the table's administrator (who acts as one).
        Assert.Equal((2, 5), (planned.Count(r => r.Kind == ReminderKind.UpdateNudge), planned.Count(r => r.Kind == ReminderKind.UpdateOverdue)));

        _time.Advance(TimeSpan.FromHours(20));
        await WithWorkflow(w => w.PostUpdateAsync(situation.Id, Member("rep.demo@northside-mh.example"), "contacted",
            "Door knock done; connected with the crisis team.", null, null, default));
        await PlanDemoAsync();

        Assert.All((await RemindersAsync()).Where(r => r.SituationId == situation.Id),
            r => Assert.Equal(ReminderState.Cancelled, r.State));
        _time.Advance(TimeSpan.FromHours(30));
        await With(db => Dispatcher(db).SendDueAsync("worker", default));
        Assert.DoesNotContain(_chat.Sent.Keys, k => planned.Any(p => p.Id.ToString() == k));
    }

    [Fact]
    public async Task An_accepted_lead_cancels_the_unaccepted_alert_and_an_unanswered_one_reaches_the_co_chairs()
    {
        var accepted = await RecordAsync();
        var unanswered = await RecordAsync();
        await PlanDemoAsync();
        await WithWorkflow(w => w.AcceptAsync(accepted.Id, "northside-mh", Member("rep.demo@northside-mh.example"), default));
        await PlanDemoAsync();

        _time.Advance(TimeSpan.FromHours(4));
        await With(db => Dispatcher(db).SendDueAsync("worker", default));

        var alerts = (await RemindersAsync()).Where(r => r.Kind == ReminderKind.UnacceptedAssignment).ToList();
        Assert.All(alerts.Where(r => r.SituationId == accepted.Id), r => Assert.Equal(ReminderState.Cancelled, r.State));
        Assert.Equal(["member:admin@city.example", "member:chair.demo@city.example", "member:officer.demo@tps99.example"],
            alerts.Where(r => r.SituationId == unanswered.Id && r.State == ReminderState.Sent).Select(r => r.Target).Order());
    }

    [Fact]
    public async Task A_cancelled_meeting_cancels_its_reminders_and_a_restored_one_brings_them_back()
    {
        await PlanDemoAsync();
        var firstMeeting = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
        var without = new RosterScheduleCalendar().MeetingsBetween(_roster.Tables[0], _time.GetUtcNow(), _time.GetUtcNow().AddDays(21))
            .Where(m => m.Start != firstMeeting).ToList();
        await With(db => new EfReminderStore(db).ApplyPlanAsync("demo",
            new ReminderPlanner(_time, _options, NullLogger<ReminderPlanner>.Instance).Plan(_roster.Tables[0], _roster.Members, without, []),
            _time.GetUtcNow(), default));

        var reminders = await RemindersAsync();
        Assert.All(reminders.Where(r => r.Occurrence == firstMeeting), r => Assert.Equal(ReminderState.Cancelled, r.State));
        Assert.All(reminders.Where(r => r.Occurrence != firstMeeting), r => Assert.Equal(ReminderState.Planned, r.State));

        await PlanDemoAsync();
        Assert.All(await RemindersAsync(), r => Assert.Equal(ReminderState.Planned, r.State));
    }

    [Fact]
    public async Task Reminders_found_due_after_they_stopped_making_sense_are_skipped_not_sent_late()
    {
        var situation = await RecordAsync();
        await WithWorkflow(w => w.AcceptAsync(situation.Id, "northside-mh", Member("rep.demo@northside-mh.example"), default));
        await PlanDemoAsync();

        // The bot is down from now until 2 December: the 1 December meeting and the 48-hour update have passed.
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        var summary = await With(db => Dispatcher(db).SendDueAsync("worker", default));

        var reminders = await RemindersAsync();
        Assert.Empty(_chat.Sent);
        Assert.Equal(0, summary.Sent);
        Assert.All(reminders.Where(r => r.DueAt <= _time.GetUtcNow()), r => Assert.Equal(ReminderState.SkippedStale, r.State));
        Assert.All(reminders.Where(r => r.DueAt > _time.GetUtcNow()), r => Assert.Equal(ReminderState.Planned, r.State));
    }

    [Fact]
    public async Task A_late_meeting_reminder_is_still_sent_before_the_meeting_starts()
    {
        await PlanDemoAsync();
        // Down over the 24-hour digests; back an hour and a half before the meeting.
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 13, 30, 0, TimeSpan.Zero));
        var summary = await With(db => Dispatcher(db).SendDueAsync("worker", default));

        Assert.Equal(5, summary.Sent);
        Assert.All((await RemindersAsync()).Where(r => r.Kind == ReminderKind.MeetingDigest && r.Occurrence.Month == 12 && r.Occurrence.Day == 1),
            r => Assert.Equal(ReminderState.Sent, r.State));
    }

    [Fact]
    public async Task A_worker_that_dies_between_claim_and_send_leaves_the_reminder_to_be_sent_once_later()
    {
        await SeedDueAsync(1);
        var claimed = await With(db => new EfReminderStore(db).ClaimDueAsync("crashed", _time.GetUtcNow(), 10, _options.ClaimTimeout, default));
        Assert.Single(claimed);

        // The restarted worker finds nothing while the claim holds...
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await With(db => Dispatcher(db).SendDueAsync("restarted", default))).Sent);
        // ...and sends it once the claim has expired.
        _time.Advance(_options.ClaimTimeout);
        Assert.Equal(1, (await With(db => Dispatcher(db).SendDueAsync("restarted", default))).Sent);
        _time.Advance(_options.ClaimTimeout * 2);
        Assert.Equal(0, (await With(db => Dispatcher(db).SendDueAsync("restarted", default))).Sent);

        Assert.Equal(1, _chat.Sent[claimed[0].Id.ToString()]);
        var stored = Assert.Single(await RemindersAsync());
        Assert.Equal((ReminderState.Sent, 2), (stored.State, stored.Attempts));
        // The dead worker's claim is gone: it cannot mark the reminder any more.
        Assert.False(await With(db => new EfReminderStore(db).FinishAsync(claimed[0].Id, claimed[0].ClaimToken!.Value,
            ReminderState.Sent, null, _time.GetUtcNow(), default)));
    }

    [Fact]
    public async Task Two_workers_claiming_1000_due_reminders_send_each_exactly_once()
    {
        await SeedDueAsync(1000);
        var chat = new CountingChatSender(yieldEachSend: true);

        var summaries = await Task.WhenAll(Enumerable.Range(1, 2).Select(worker => Task.Run(async () =>
        {
            await using var db = _database.CreateContext();
            return await Dispatcher(db, chat).SendDueAsync($"worker-{worker}", default);
        })));

        Assert.Equal(1000, chat.Sent.Count);
        Assert.All(chat.Sent, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(1000, summaries.Sum(s => s.Sent));
        Assert.All(await RemindersAsync(), r => Assert.Equal(ReminderState.Sent, r.State));
    }

    [Fact]
    public async Task A_member_without_a_conversation_fails_their_reminder_and_the_co_chairs_hear_once()
    {
        await PlanDemoAsync();
        var chat = new CountingChatSender(noConversationWith: "member:rep2.demo@northside-mh.example");
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));
        await With(db => Dispatcher(db, chat).SendDueAsync("worker", default));
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero));
        await With(db => Dispatcher(db, chat).SendDueAsync("worker", default));

        var theirs = (await RemindersAsync()).Where(r => r.Target == "member:rep2.demo@northside-mh.example" && r.DueAt <= _time.GetUtcNow()).ToList();
        Assert.Equal(2, theirs.Count);
        Assert.All(theirs, r => Assert.Equal(ReminderState.Failed, r.State));
        Assert.Contains("rep2.demo@northside-mh.example", theirs[0].LastError);
        // Each co-chair (two, and the table's administrator) is told once, not once per meeting, through the outbox.
        var notices = await With(db => db.Deliveries.AsNoTracking().Where(d => d.Kind == Core.Deliveries.DeliveryKind.Notice).ToListAsync());
        Assert.Equal(3, notices.Count(n => Core.Reminders.CoChairProblem.TryRead(n.Text) is
            { Kind: Core.Reminders.CoChairProblemKind.ReminderNotDelivered, Cause: Core.Reminders.UndeliveredBecause.NoConversation, MemberEmail: "rep2.demo@northside-mh.example" }));
    }

    private async Task SeedDueAsync(int count)
    {
        var meeting = _time.GetUtcNow().AddHours(2);
        var due = _time.GetUtcNow().AddMinutes(-1);
        var planned = Enumerable.Range(0, count).Select(i => new PlannedReminder(
            ReminderKind.MeetingDigest, "demo", null, ReminderTarget.Member($"rep{i}@load.example"), meeting, due)).ToList();
        await With(db => new EfReminderStore(db).ApplyPlanAsync("demo", planned, _time.GetUtcNow(), default));
    }

    /// <summary>Sends each reminder to its target with its id as the text, so sends can be counted per reminder.</summary>
    private sealed class AddressedToTarget : IReminderComposer
    {
        public Task<ComposedReminder> ComposeAsync(Reminder reminder, CancellationToken cancellationToken) =>
            Task.FromResult(ComposedReminder.Ready(
                ConversationAddress.Personal(ReminderTarget.MemberEmail(reminder.Target) ?? "channel@demo"),
                new OutgoingMessage(reminder.Id.ToString())));
    }
}

/// <summary>Counts what was sent, by message text; can refuse one target as having no conversation.</summary>
public sealed class CountingChatSender(bool yieldEachSend = false, string? noConversationWith = null) : IChatSender
{
    public ConcurrentDictionary<string, int> Sent { get; } = new();
    public ConcurrentQueue<string> Texts { get; } = new();

    public async Task<DeliveryResult> SendAsync(ConversationAddress to, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (yieldEachSend) await Task.Yield();
        if (noConversationWith is not null && $"member:{to.Key}" == noConversationWith)
            return new DeliveryResult(DeliveryStatus.NoConversation);
        Texts.Enqueue(message.Text ?? message.CardJson ?? "");
        Sent.AddOrUpdate(message.Text ?? "", 1, (_, n) => n + 1);
        return new DeliveryResult(DeliveryStatus.Delivered, Guid.NewGuid().ToString());
    }

    public Task<DeliveryResult> UpdateAsync(ConversationAddress to, string activityId, OutgoingMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(new DeliveryResult(DeliveryStatus.Delivered, activityId));
}

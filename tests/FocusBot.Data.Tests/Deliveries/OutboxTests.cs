using System.Collections.Concurrent;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Data.Deliveries;
using FocusBot.Data.Reminders;
using FocusBot.Data.Roster;
using FocusBot.Data.Situations;
using FocusBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Data.Tests.Deliveries;

public sealed class SqliteOutboxTests() : OutboxTests(DatabaseProvider.Sqlite);

public sealed class PostgresOutboxTests() : OutboxTests(DatabaseProvider.Postgres);

/// <summary>
/// The outbox on a real database: a decision and its deliveries are one unit of work, a submission records once
/// however often and wherever it arrives, and dispatchers deliver each row once, waiting out a throttle.
/// </summary>
public abstract class OutboxTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Core.Roster.Roster _roster = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 16, 30, 0, TimeSpan.Zero));
    private readonly ReminderOptions _options = new();

    public async Task InitializeAsync() => (_database, _roster) = await TestDatabase.CreateWithSampleRosterAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Member Member(string email) => _roster.Members.Single(m => m.Email == email);

    private async Task<T> With<T>(Func<FocusBotDbContext, Task<T>> use)
    {
        await using var db = _database.CreateContext();
        return await use(db);
    }

    private Task<T> WithWorkflow<T>(Func<SituationWorkflow, Task<T>> use) => With(db =>
        use(new SituationWorkflow(new EfSituationStore(db), new EfRosterStore(db), new NoDispatchSignal(), new SituationCatalogue(), _time)));

    private static NewSituationRequest Request() => new()
    {
        Table = "demo", Type = "person", AgeGroup = "18-24", Gender = "female", RiskFactors = ["mental-health", "housing"],
        Summary = "Repeated crisis calls; eviction notice served.", OriginatingAgency = "tps-99", LeadAgency = "northside-mh",
        AssistingAgencies = ["harbour-housing"],
    };

    private Task<RecordOutcome> RecordAsync(string? submissionId) =>
        WithWorkflow(w => w.RecordAsync(Request(), Member("chair.demo@city.example"), default, submissionId));

    private OutboxDispatcher Dispatcher(FocusBotDbContext db, IChatSender chat, ILogger<OutboxDispatcher>? logger = null) => new(
        new EfDeliveryStore(db), new PostsToRecipient(), chat, new FocusBot.Data.Conversations.EfConversationStore(db, _time),
        new CoChairNotices(new EfRosterStore(db), new EfDeliveryStore(db), new EfCoChairNoticeLog(db), new NoDispatchSignal(), _time),
        _options, _time, logger ?? NullLogger<OutboxDispatcher>.Instance);

    /// <summary>Claims and delivers until nothing is due, each row with its own context, as the worker does.</summary>
    private async Task<int> DeliverAllAsync(IChatSender chat, string worker = "worker")
    {
        var delivered = 0;
        while (true)
        {
            var batch = await With(db => Dispatcher(db, chat).ClaimAsync(worker, _options.BatchSize, default));
            if (batch.Count == 0) return delivered;
            foreach (var message in batch)
                if (await With(db => Dispatcher(db, chat).DeliverAsync(message, default)) == DeliveryState.Sent) delivered += message.Rows.Count;
        }
    }

    private Task<List<Delivery>> RowsAsync() => With(db => db.Deliveries.AsNoTracking().OrderBy(d => d.CreatedAt).ToListAsync());

    [Fact]
    public async Task Recording_writes_the_situation_and_its_deliveries_together_and_sends_nothing()
    {
        var outcome = await RecordAsync(null);

        var rows = await RowsAsync();
        // The channel copy, and the full card to each rep of northside-mh (2) and harbour-housing (1); all waiting.
        Assert.Equal(["personal:rep.demo@harbour-housing.example", "personal:rep.demo@northside-mh.example", "personal:rep2.demo@northside-mh.example", Delivery.TableChannel],
            rows.Select(r => r.Recipient).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal((DeliveryState.Pending, outcome.Situation!.Id), (r.State, r.SituationId)));
    }

    [Fact]
    public async Task A_forgotten_submission_is_acted_on_again_and_a_remembered_one_is_not()
    {
        var (oldForm, recentForm) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var old = await RecordAsync(oldForm);
        _time.Advance(TimeSpan.FromDays(30));
        var recent = await RecordAsync(recentForm);

        var forgotten = await With(db => new EfDeliveryStore(db).ForgetSubmissionsBeforeAsync(_time.GetUtcNow().AddDays(-1), default));

        Assert.Equal(1, forgotten);
        Assert.Equal(recent.Situation!.Id, (await RecordAsync(recentForm)).Situation!.Id);
        Assert.NotEqual(old.Situation!.Id, (await RecordAsync(oldForm)).Situation!.Id);
    }

    [Fact]
    public async Task The_same_submission_twice_at_once_records_one_situation_with_one_set_of_deliveries()
    {
        var submission = Guid.NewGuid().ToString();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RecordAsync(submission))));

        Assert.Single(outcomes.Select(o => o.Situation!.Id).Distinct());
        Assert.Single(outcomes, o => o.Repeated);
        Assert.Equal(1, await With(db => db.Situations.CountAsync()));
        Assert.Equal(4, (await RowsAsync()).Count);
    }

    [Fact]
    public async Task The_same_submission_300_ms_later_returns_the_same_situation_and_a_new_form_records_another()
    {
        var submission = Guid.NewGuid().ToString();
        var first = await RecordAsync(submission);
        _time.Advance(TimeSpan.FromMilliseconds(300));
        var again = await RecordAsync(submission);
        var another = await RecordAsync(Guid.NewGuid().ToString());

        Assert.Equal((first.Situation!.Id, false), (again.Situation!.Id, first.Repeated));
        Assert.True(again.Repeated);
        Assert.NotEqual(first.Situation.Id, another.Situation!.Id);
        Assert.Equal(8, (await RowsAsync()).Count);
    }

    [Fact]
    public async Task The_same_update_form_twice_at_once_posts_one_update()
    {
        var id = (await RecordAsync(null)).Situation!.Id;
        var lead = Member("rep.demo@northside-mh.example");
        await WithWorkflow(w => w.AcceptAsync(id, "northside-mh", lead, default));
        var submission = Guid.NewGuid().ToString();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => WithWorkflow(w =>
            w.PostUpdateAsync(id, lead, "contacted", "Met at the drop-in; housing worker booked.", null, null, default, submission)))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Single(outcomes.Select(o => o.Result!.PostedUpdate!.Id).Distinct());
        var stored = await With(db => new EfSituationStore(db).FindAsync(id, default));
        Assert.Single(stored!.Updates);
    }

    [Fact]
    public async Task A_decision_that_loses_a_conflict_writes_none_of_its_deliveries()
    {
        var id = (await RecordAsync(null)).Situation!.Id;
        await DeliverAllAsync(new CountingSender());
        var before = (await RowsAsync()).Count;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => WithWorkflow(w =>
            w.AcceptAsync(id, "northside-mh", Member(i % 2 == 0 ? "rep.demo@northside-mh.example" : "rep2.demo@northside-mh.example"), default)))));

        Assert.Equal(1, outcomes.Count(o => o.Result!.Changed));
        // One acceptance: one redraw of each of the four posted copies, not one per attempt.
        Assert.Equal(4, (await RowsAsync()).Count - before);
    }

    [Fact]
    public async Task Every_card_is_delivered_once_and_each_posted_copy_is_remembered_for_redrawing()
    {
        var id = (await RecordAsync(null)).Situation!.Id;
        var chat = new CountingSender();

        Assert.Equal(4, await DeliverAllAsync(chat));
        Assert.Equal(0, await DeliverAllAsync(chat));

        Assert.All(chat.Sends.Values, n => Assert.Equal(1, n));
        var cards = await With(db => new EfSituationStore(db).CardsOfAsync(id, default));
        Assert.Equal(4, cards.Count);
        Assert.Contains(cards, c => c.Address == ConversationAddress.Channel("19:demo-channel"));
    }

    [Fact]
    public async Task A_throttled_send_waits_out_Retry_After_then_is_delivered()
    {
        await RecordAsync(null);
        var chat = new CountingSender { ThrottleOnce = "channel:19:demo-channel" };

        Assert.Equal(3, await DeliverAllAsync(chat));
        var channel = (await RowsAsync()).Single(r => r.Recipient == Delivery.TableChannel);
        Assert.Equal(DeliveryState.Pending, channel.State);
        Assert.True(channel.DueAt >= _time.GetUtcNow() + TimeSpan.FromSeconds(20), $"due {channel.DueAt:O}");
        Assert.Contains("429", channel.LastError);

        // Not claimed again before its time, however often the dispatcher looks.
        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, await DeliverAllAsync(chat));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await DeliverAllAsync(chat));
        Assert.All(await RowsAsync(), r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task A_rep_without_a_chat_fails_their_card_with_why_and_the_co_chairs_are_told_once()
    {
        await RecordAsync(null);
        await RecordAsync(null);
        var chat = new CountingSender { NoConversationWith = "rep2.demo@northside-mh.example" };

        await DeliverAllAsync(chat);
        _time.Advance(SituationDeliveries.NoticeGathering);
        await DeliverAllAsync(chat);

        var theirs = (await RowsAsync()).Where(r => r.Recipient == "personal:rep2.demo@northside-mh.example" && r.Kind == DeliveryKind.SituationCard).ToList();
        Assert.Equal(2, theirs.Count);
        Assert.All(theirs, r => Assert.Equal(DeliveryState.Failed, r.State));
        Assert.Contains("has no chat with FocusBot yet", theirs[0].LastError);
        // Each co-chair of the demo table (two, and its administrator) heard once, for both situations.
        Assert.Equal(3, chat.Texts.Count(t => CoChairProblem.TryRead(t) is
            { Kind: CoChairProblemKind.CardNotDelivered, Cause: UndeliveredBecause.NoConversation, MemberEmail: "rep2.demo@northside-mh.example" }));
    }

    [Fact]
    public async Task A_notice_to_the_co_chairs_wakes_the_dispatcher_the_first_time_only()
    {
        // Teams' "channel deleted" arrives outside any decision: without a wake the notice would wait for the next poll.
        var woken = new ConcurrentQueue<string>();
        Task<bool> Tell() => With(db => new CoChairNotices(new EfRosterStore(db), new EfDeliveryStore(db), new EfCoChairNoticeLog(db),
            new RecordingSignal(woken), _time).TellOnceAsync("demo", CoChairNotices.ChannelGoneSubject("19:gone"), new CoChairProblem(CoChairProblemKind.ChannelDeleted), default));

        Assert.True(await Tell());
        Assert.False(await Tell());

        Assert.Equal(["demo"], woken);
        Assert.Equal(3, (await RowsAsync()).Count(r => r.Kind == DeliveryKind.Notice && r.State == DeliveryState.Pending));
    }

    [Fact]
    public async Task A_notice_that_cannot_be_delivered_is_logged_by_what_it_is_about_not_as_a_notice_of_null()
    {
        await With(db => new EfDeliveryStore(db).AddAsync([Delivery.Due(DeliveryKind.Notice, "demo", null, "personal:gone@city.example",
            _time.GetUtcNow(), text: new CoChairProblem(CoChairProblemKind.ChannelDeleted).ToJson())], default).ContinueWith(_ => 0));
        var chat = new CountingSender { NoConversationWith = "gone@city.example" };
        var logger = new RecordingLogger();

        var message = Assert.Single(await With(db => Dispatcher(db, chat).ClaimAsync("worker", _options.BatchSize, default)));
        Assert.Equal(DeliveryState.Failed, await With(db => Dispatcher(db, chat, logger).DeliverAsync(message, default)));
        var row = message.Lead;

        var line = Assert.Single(logger.Lines, l => l.Contains(row.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains("(Notice ChannelDeleted for table demo)", line);
        Assert.DoesNotContain("(null)", line);
    }

    private Task<bool> TellRepNotReachedAsync(string situationId, string repEmail) => With(db => new CoChairNotices(new EfRosterStore(db),
        new EfDeliveryStore(db), new EfCoChairNoticeLog(db), new NoDispatchSignal(), _time).TellOnceAsync("demo", $"undeliverable|{situationId}|{repEmail}",
        CoChairProblem.NotDelivered(situationId, UndeliveredBecause.NoConversation, repEmail), default));

    private static readonly string[] CoChairsOfDemo = ["personal:admin@city.example", "personal:chair.demo@city.example", "personal:officer.demo@tps99.example"];

    [Fact]
    public async Task Notices_to_a_co_chair_written_together_go_out_as_one_message_naming_each_and_each_co_chair_gets_one()
    {
        foreach (var rep in new[] { "rep1@far.example", "rep2@far.example", "rep3@far.example" })
        {
            Assert.True(await TellRepNotReachedAsync("DM-2026-0007", rep));
            _time.Advance(TimeSpan.FromMilliseconds(400));
        }
        var chat = new CountingSender();

        // Not before the gathering time of the first has passed: its siblings are still arriving.
        Assert.Equal(0, await DeliverAllAsync(chat));
        _time.Advance(SituationDeliveries.NoticeGathering);
        Assert.Equal(9, await DeliverAllAsync(chat));

        Assert.Equal(CoChairsOfDemo, chat.Sends.Keys.Order(StringComparer.Ordinal));
        Assert.All(chat.Sends.Values, n => Assert.Equal(1, n));
        Assert.All(chat.Texts, text => Assert.Equal(3, text.Split('\n').Count(line =>
            CoChairProblem.TryRead(line) is { SituationId: "DM-2026-0007", Cause: UndeliveredBecause.NoConversation })));
        var rows = (await RowsAsync()).Where(r => r.Kind == DeliveryKind.Notice).ToList();
        Assert.Equal(9, rows.Count);
        Assert.All(rows, r => Assert.Equal(DeliveryState.Sent, r.State));
        // Each row is sent, as part of one message per co-chair: the three rows of a co-chair share its activity id.
        Assert.All(rows.GroupBy(r => r.Recipient), g => Assert.Single(g.Select(r => r.SentActivityId).Distinct()));
        Assert.Equal(3, rows.Select(r => r.SentActivityId).Distinct().Count());
        Assert.All(rows, r => Assert.Equal("DM-2026-0007", r.SituationId));
    }

    [Fact]
    public async Task A_notice_written_after_the_gathered_message_was_sent_goes_out_in_a_message_of_its_own()
    {
        await TellRepNotReachedAsync("DM-2026-0007", "rep1@far.example");
        await TellRepNotReachedAsync("DM-2026-0007", "rep2@far.example");
        _time.Advance(SituationDeliveries.NoticeGathering);
        var chat = new CountingSender();
        Assert.Equal(6, await DeliverAllAsync(chat));

        await TellRepNotReachedAsync("DM-2026-0007", "rep3@far.example");
        _time.Advance(SituationDeliveries.NoticeGathering);
        Assert.Equal(3, await DeliverAllAsync(chat));

        Assert.All(chat.Sends.Values, n => Assert.Equal(2, n));
        var late = chat.Texts.Where(t => t.Contains("rep3@far.example", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, late.Count);
        Assert.All(late, t => Assert.DoesNotContain("rep1@far.example", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gathered_message_that_fails_releases_all_its_rows_with_the_backoff_and_is_retried_as_one()
    {
        foreach (var rep in new[] { "rep1@far.example", "rep2@far.example", "rep3@far.example" })
            await TellRepNotReachedAsync("DM-2026-0007", rep);
        _time.Advance(SituationDeliveries.NoticeGathering);
        var chat = new CountingSender { ThrottleOnce = "personal:chair.demo@city.example" };

        Assert.Equal(6, await DeliverAllAsync(chat));
        var chair = (await RowsAsync()).Where(r => r.Recipient == "personal:chair.demo@city.example").ToList();
        Assert.Equal(3, chair.Count);
        Assert.All(chair, r => Assert.Equal((DeliveryState.Pending, 1), (r.State, r.Attempts)));
        Assert.Single(chair.Select(r => r.DueAt).Distinct());
        Assert.True(chair[0].DueAt >= _time.GetUtcNow() + TimeSpan.FromSeconds(20), $"due {chair[0].DueAt:O}");
        Assert.All(chair, r => Assert.Contains("429", r.LastError));

        _time.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(3, await DeliverAllAsync(chat));
        Assert.Equal(1, chat.Sends["personal:chair.demo@city.example"]);
        Assert.Equal(3, chat.Texts.Last().Split('\n').Length);
        Assert.All(await RowsAsync(), r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task Two_dispatchers_gathering_notices_for_the_same_co_chairs_send_each_notice_exactly_once()
    {
        var now = _time.GetUtcNow();
        var rows = Enumerable.Range(0, 40).SelectMany(chair => Enumerable.Range(0, 5).Select(n =>
            Delivery.Due(DeliveryKind.Notice, "demo", null, $"personal:chair{chair}@load.example", now, text: $"notice {chair}.{n}"))).ToList();
        await With(db => new EfDeliveryStore(db).AddAsync(rows, default).ContinueWith(_ => 0));
        var chat = new CountingSender { YieldEachSend = true };

        var delivered = await Task.WhenAll(Task.Run(() => DeliverAllAsync(chat, "instance-a")), Task.Run(() => DeliverAllAsync(chat, "instance-b")));

        Assert.Equal(200, delivered.Sum());
        var sentLines = chat.Texts.SelectMany(t => t.Split('\n')).ToList();
        Assert.Equal(rows.Select(r => r.Text).Order(StringComparer.Ordinal), sentLines.Order(StringComparer.Ordinal));
        var stored = await RowsAsync();
        Assert.All(stored, r => Assert.Equal(DeliveryState.Sent, r.State));
        // As many messages as distinct activity ids: no row is marked as part of a message that was not sent.
        Assert.Equal(chat.Sends.Values.Sum(), stored.Select(r => r.SentActivityId).Distinct().Count());
    }

    private sealed class RecordingLogger : ILogger<OutboxDispatcher>
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));
    }

    private sealed class RecordingSignal(ConcurrentQueue<string> woken) : IDispatchSignal
    {
        public void Wake(string tableId) => woken.Enqueue(tableId);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_deliver_1000_rows_each_exactly_once()
    {
        var now = _time.GetUtcNow();
        await With(db => new EfDeliveryStore(db).AddAsync(Enumerable.Range(0, 1000)
            .Select(i => Delivery.Due(DeliveryKind.Notice, "demo", null, $"personal:rep{i}@load.example", now, text: $"row {i}")).ToList(), default)
            .ContinueWith(_ => 0));
        var chat = new CountingSender { YieldEachSend = true };

        var delivered = await Task.WhenAll(Task.Run(() => DeliverAllAsync(chat, "instance-a")), Task.Run(() => DeliverAllAsync(chat, "instance-b")));

        Assert.Equal(1000, delivered.Sum());
        Assert.Equal(1000, chat.Sends.Count);
        Assert.All(chat.Sends.Values, n => Assert.Equal(1, n));
        Assert.All(await RowsAsync(), r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task A_renewed_claim_outlives_its_timeout_and_lapses_one_timeout_after_the_last_renewal()
    {
        var now = _time.GetUtcNow();
        await With(db => new EfDeliveryStore(db).AddAsync([Delivery.Due(DeliveryKind.Notice, "demo", null, "personal:rep1@load.example", now, text: "row 1")], default)
            .ContinueWith(_ => 0));
        var row = Assert.Single(await With(db => new EfDeliveryStore(db).ClaimDueAsync("slow", now, 10, _options.ClaimTimeout, default)));

        _time.Advance(_options.ClaimTimeout * 0.9);
        Assert.Equal(1, await With(db => new EfDeliveryStore(db).RenewClaimsAsync("slow", _time.GetUtcNow(), _options.ClaimTimeout, default)));
        _time.Advance(_options.ClaimTimeout * 0.9); // past the first claim's expiry, inside the renewed one
        Assert.Empty(await With(db => new EfDeliveryStore(db).ClaimDueAsync("other", _time.GetUtcNow(), 10, _options.ClaimTimeout, default)));
        Assert.Equal(0, await With(db => new EfDeliveryStore(db).RenewClaimsAsync("other", _time.GetUtcNow(), _options.ClaimTimeout, default)));

        _time.Advance(_options.ClaimTimeout * 0.1);
        var taken = Assert.Single(await With(db => new EfDeliveryStore(db).ClaimDueAsync("other", _time.GetUtcNow(), 10, _options.ClaimTimeout, default)));
        Assert.Equal(row.Id, taken.Id);
        Assert.Equal(0, await With(db => new EfDeliveryStore(db).RenewClaimsAsync("slow", _time.GetUtcNow(), _options.ClaimTimeout, default)));
        Assert.False(await With(db => new EfDeliveryStore(db).FinishAsync([row.Id], row.ClaimToken!.Value, DeliveryState.Sent, "late", _time.GetUtcNow(), default)));
    }

    /// <summary>Posts each row's message to its recipient; the table's channel is "19:demo-channel". Notices carry their text.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_change_decided_while_a_card_was_on_its_way_redraws_the_new_copy(bool changedMeanwhile)
    {
        var recorded = (await RecordAsync("form-race")).Situation!;
        var channelRow = (await With(db => Dispatcher(db, new CountingSender()).ClaimAsync("worker", _options.BatchSize, default)))
            .Single(m => m.Lead.Recipient == Delivery.TableChannel).Lead;
        // The lead accepts after the channel card was drawn but before it was marked sent: the change saw no copy to redraw.
        if (changedMeanwhile) await WithWorkflow(w => w.AcceptAsync(recorded.Id, "northside-mh", Member("rep.demo@northside-mh.example"), default));

        var channel = ConversationAddress.Channel("19:demo-channel");
        Assert.True(await With(db => new EfDeliveryStore(db).MarkSentAsync(channelRow, channel, "channel-card-1", _time.GetUtcNow(), default,
            drawnFromVersion: recorded.Version)));

        var redraws = (await RowsAsync()).Where(d => d.Kind == DeliveryKind.CardRefresh && d.Recipient == channel.ToString()).ToList();
        if (changedMeanwhile) Assert.Equal("channel-card-1", Assert.Single(redraws).ActivityId);
        else Assert.Empty(redraws);
    }

    [Fact]
    public async Task A_card_marked_sent_while_a_change_was_being_decided_is_redrawn_once_the_change_is_saved()
    {
        var recorded = (await RecordAsync("form-race-2")).Situation!;
        var channelRow = (await With(db => Dispatcher(db, new CountingSender()).ClaimAsync("worker", _options.BatchSize, default)))
            .Single(m => m.Lead.Recipient == Delivery.TableChannel).Lead;
        var channel = ConversationAddress.Channel("19:demo-channel");
        // The lead accepts: the change reads the posted copies (none yet); then the channel card is marked sent, and its
        // own check sees the version it was drawn from (the change is not saved yet); then the change is saved.
        var markedSent = false;
        await With(db => new SituationWorkflow(
            new CardMarkedSentAfterCopiesAreRead(new EfSituationStore(db), async () => markedSent = await With(other =>
                new EfDeliveryStore(other).MarkSentAsync(channelRow, channel, "channel-card-1", _time.GetUtcNow(), default, drawnFromVersion: recorded.Version))),
            new EfRosterStore(db), new NoDispatchSignal(), new SituationCatalogue(), _time)
            .AcceptAsync(recorded.Id, "northside-mh", Member("rep.demo@northside-mh.example"), default));

        Assert.True(markedSent);
        var redraws = (await RowsAsync()).Where(d => d.Kind == DeliveryKind.CardRefresh && d.Recipient == channel.ToString()).ToList();
        Assert.Equal("channel-card-1", Assert.Single(redraws).ActivityId);
    }

    /// <summary>A situation store whose list of posted copies is read just before a card is marked sent elsewhere.</summary>
    private sealed class CardMarkedSentAfterCopiesAreRead(ISituationStore inner, Func<Task> markSent) : ISituationStore
    {
        public Task<RecordedSituation> RecordAsync(NewSituation newSituation, string? submissionKey, Func<Situation, IReadOnlyList<Delivery>> deliveries,
            DateTimeOffset now, CancellationToken cancellationToken) => inner.RecordAsync(newSituation, submissionKey, deliveries, now, cancellationToken);
        public Task<string?> OutcomeOfSubmissionAsync(string submissionKey, CancellationToken cancellationToken) => inner.OutcomeOfSubmissionAsync(submissionKey, cancellationToken);
        public Task<Situation?> FindAsync(string situationId, CancellationToken cancellationToken) => inner.FindAsync(situationId, cancellationToken);
        public Task<bool> TrySaveAsync(Situation situation, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken,
            (string Key, string Outcome)? submission = null) => inner.TrySaveAsync(situation, deliveries, cancellationToken, submission);
        public Task<IReadOnlyList<Situation>> ListAsync(SituationQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);
        public Task<Core.Figures.FigureFacts> FigureFactsAsync(IReadOnlyCollection<Core.Roster.Table> tables, Core.Figures.FiguresPeriod period,
            CancellationToken cancellationToken) => inner.FigureFactsAsync(tables, period, cancellationToken);

        public Task<OpenSituationsPage> OpenPageMostUrgentFirstAsync(IReadOnlyCollection<string> tableIds, string? agencyId, DateTimeOffset now,
            int skip, int take, CancellationToken cancellationToken) => inner.OpenPageMostUrgentFirstAsync(tableIds, agencyId, now, skip, take, cancellationToken);
        public IAsyncEnumerable<Situation> ExportedAsync(IReadOnlyCollection<string> tableIds, Core.Figures.FiguresPeriod period,
            CancellationToken cancellationToken) => inner.ExportedAsync(tableIds, period, cancellationToken);

        public async Task<IReadOnlyList<PostedCard>> CardsOfAsync(string situationId, CancellationToken cancellationToken)
        {
            var copies = await inner.CardsOfAsync(situationId, cancellationToken);
            await markSent();
            return copies;
        }
    }

    private sealed class PostsToRecipient : IDeliveryComposer
    {
        public Task<ComposedDelivery> ComposeAsync(Delivery delivery, CancellationToken cancellationToken) => Task.FromResult(
            delivery.Recipient == Delivery.TableChannel
                ? ComposedDelivery.Post(ConversationAddress.Channel("19:demo-channel"), new OutgoingMessage(null, "{}"))
                : delivery.ActivityId is { } activityId
                    ? ComposedDelivery.Redraw(delivery.Address!, activityId, new OutgoingMessage(null, "{}"))
                    : ComposedDelivery.Post(delivery.Address!, new OutgoingMessage(delivery.Text, "{}")));

        /// <summary>The gathered notices' texts, one a line.</summary>
        public Task<ComposedDelivery> ComposeGatheredAsync(IReadOnlyList<Delivery> notices, CancellationToken cancellationToken) => Task.FromResult(
            ComposedDelivery.Post(notices[0].Address!, new OutgoingMessage(string.Join("\n", notices.Select(n => n.Text)))));
    }

    /// <summary>Counts sends per conversation; can throttle one conversation once (429, Retry-After 20 s) or have no chat with one member.</summary>
    private sealed class CountingSender : IChatSender
    {
        private int _throttled;
        public string? ThrottleOnce { get; init; }
        public string? NoConversationWith { get; init; }
        public bool YieldEachSend { get; init; }
        public ConcurrentDictionary<string, int> Sends { get; } = new();
        public ConcurrentQueue<string> Texts { get; } = new();

        public async Task<DeliveryResult> SendAsync(ConversationAddress to, OutgoingMessage message, CancellationToken cancellationToken)
        {
            if (YieldEachSend) await Task.Yield();
            if (to.ToString() == ThrottleOnce && Interlocked.Exchange(ref _throttled, 1) == 0)
                return new DeliveryResult(DeliveryStatus.Failed, Detail: "Teams answered 429", RetryAfter: TimeSpan.FromSeconds(20));
            if (to.Key == NoConversationWith) return new DeliveryResult(DeliveryStatus.NoConversation);
            Sends.AddOrUpdate(to.ToString(), 1, (_, n) => n + 1);
            if (message.Text is { } text) Texts.Enqueue(text);
            return new DeliveryResult(DeliveryStatus.Delivered, Guid.NewGuid().ToString());
        }

        public Task<DeliveryResult> UpdateAsync(ConversationAddress to, string activityId, OutgoingMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(new DeliveryResult(DeliveryStatus.Delivered, activityId));
    }
}

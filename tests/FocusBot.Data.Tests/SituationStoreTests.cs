using System.Collections.Concurrent;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Data.Roster;
using FocusBot.Data.Situations;
using FocusBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Data.Tests;

public sealed class SqliteSituationStoreTests() : SituationStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresSituationStoreTests() : SituationStoreTests(DatabaseProvider.Postgres);

public abstract class SituationStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Core.Roster.Roster _roster = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 16, 30, 0, TimeSpan.Zero));
    private readonly WakeCounter _signal = new();

    public async Task InitializeAsync()
    {
        (_database, _roster) = await TestDatabase.CreateWithSampleRosterAsync(provider);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Member Member(string email) => _roster.Members.Single(m => m.Email == email);

    private async Task<T> WithWorkflow<T>(Func<SituationWorkflow, Task<T>> use)
    {
        await using var db = _database.CreateContext();
        var workflow = new SituationWorkflow(new EfSituationStore(db), new EfRosterStore(db), _signal, new SituationCatalogue(), _time);
        return await use(workflow);
    }

    private static NewSituationRequest Request() => new()
    {
        Table = "demo", Type = "person", AgeGroup = "18-24", Gender = "female",
        RiskFactors = ["mental-health", "housing"], Summary = "Repeated crisis calls; eviction notice served.",
        OriginatingAgency = "tps-99", LeadAgency = "northside-mh", AssistingAgencies = ["harbour-housing"],
    };

    private Task<Situation> RecordAsync() => WithWorkflow(async w =>
    {
        var outcome = await w.RecordAsync(Request(), Member("chair.demo@city.example"), default);
        return outcome.Situation ?? throw new InvalidOperationException(string.Join("; ", outcome.Problems.SelectMany(p => p.Value)));
    });

    [Fact]
    public async Task Situations_get_the_tables_next_number_for_the_year_and_round_trip_whole()
    {
        var first = await RecordAsync();
        var second = await RecordAsync();

        Assert.Equal(("DM-2026-0001", "DM-2026-0002"), (first.Id, second.Id));
        await using var db = _database.CreateContext();
        var stored = await new EfSituationStore(db).FindAsync("DM-2026-0001", default);
        Assert.NotNull(stored);
        Assert.Equal(["mental-health", "housing"], stored.RiskFactorIds);
        Assert.Equal(SituationStatus.Open, stored.Status);
        Assert.Equal("northside-mh", stored.LeadAgencyId);
        Assert.Equal(["harbour-housing"], stored.AssistingAssignments.Select(a => a.AgencyId));
        Assert.Equal(SituationEventKind.Recorded, Assert.Single(stored.Events).Kind);
        Assert.Equal(2, _signal.Wakes.Count);
        // Each recording wrote its deliveries with it: the channel copy and a card per rep of the named agencies.
        Assert.Equal(2, await db.Deliveries.CountAsync(d => d.Recipient == Core.Deliveries.Delivery.TableChannel));
    }

    [Fact]
    public async Task Co_chairs_recording_at_the_same_moment_never_share_an_id()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(RecordAsync)));

        Assert.Equal(8, ids.Select(s => s.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"DM-2026-{n:0000}"), ids.Select(s => s.Id).Order());
    }

    [Fact]
    public async Task Many_concurrent_accepts_by_the_lead_agencys_reps_record_exactly_one_acceptance()
    {
        var situation = await RecordAsync();
        var reps = new[] { Member("rep.demo@northside-mh.example"), Member("rep2.demo@northside-mh.example") };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            WithWorkflow(w => w.AcceptAsync(situation.Id, "northside-mh", reps[i % 2], default)))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(1, outcomes.Count(o => o.Result!.Changed));
        await using var db = _database.CreateContext();
        var stored = await new EfSituationStore(db).FindAsync(situation.Id, default);
        Assert.Single(stored!.Events, e => e.Kind == SituationEventKind.Accepted);
        Assert.Equal(SituationStatus.Active, stored.Status);
        Assert.Equal(AssignmentState.Accepted, stored.LeadAssignment!.State);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromHours(48), stored.UpdateDueAt);
        Assert.Equal(2, _signal.Wakes.Count); // the recording and the one acceptance
    }

    [Fact]
    public async Task A_rep_of_another_agency_cannot_accept_and_nothing_is_stored()
    {
        var situation = await RecordAsync();

        var outcome = await WithWorkflow(w => w.AcceptAsync(situation.Id, "northside-mh", Member("rep.demo@harbour-housing.example"), default));

        Assert.False(outcome.Succeeded);
        Assert.Equal(SituationRefusal.NotYourAgency, outcome.Result!.Refusal);
        await using var db = _database.CreateContext();
        Assert.Equal(SituationStatus.Open, (await new EfSituationStore(db).FindAsync(situation.Id, default))!.Status);
        Assert.Single(_signal.Wakes); // the recording only
    }

    [Fact]
    public async Task A_member_of_another_table_cannot_tell_a_situation_exists()
    {
        var situation = await RecordAsync();
        var stranger = Member("rep.lakeside@youthlink.example");

        var accept = await WithWorkflow(w => w.AcceptAsync(situation.Id, "youthlink", stranger, default));
        var missing = await WithWorkflow(w => w.AcceptAsync("DM-2026-9999", "youthlink", stranger, default));
        var garbage = await WithWorkflow(w => w.AcceptAsync("'; DROP TABLE situations; --", "youthlink", stranger, default));

        Assert.True(accept.NotFound && missing.NotFound && garbage.NotFound);
    }

    [Fact]
    public async Task Lists_filter_by_table_status_and_agency()
    {
        var first = await RecordAsync();
        await RecordAsync();
        await WithWorkflow(w => w.AcceptAsync(first.Id, "northside-mh", Member("rep.demo@northside-mh.example"), default));

        await using var db = _database.CreateContext();
        var store = new EfSituationStore(db);
        Assert.Equal(2, (await store.ListAsync(new SituationQuery(TableIds: ["demo"]), default)).Count);
        Assert.Empty(await store.ListAsync(new SituationQuery(TableIds: ["lakeside"]), default));
        Assert.Equal([first.Id], (await store.ListAsync(new SituationQuery(Statuses: [SituationStatus.Active]), default)).Select(s => s.Id));
        Assert.Equal(2, (await store.ListAsync(new SituationQuery(AgencyId: "harbour-housing"), default)).Count);
        Assert.Empty(await store.ListAsync(new SituationQuery(AgencyId: "youthlink"), default));
    }

    private sealed class WakeCounter : Core.Deliveries.IDispatchSignal
    {
        public ConcurrentQueue<string> Wakes { get; } = new();
        public void Wake(string tableId) => Wakes.Enqueue(tableId);
    }
}

using System.Text;
using System.Text.Json;
using FocusBot.Core.Audit;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Figures;
using FocusBot.Core.Privacy;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Data.Privacy;
using FocusBot.Data.Roster;
using FocusBot.Data.Situations;
using FocusBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Data.Tests;

public sealed class SqliteRetentionStoreTests() : RetentionStoreTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Erased_text_is_not_left_anywhere_in_the_sqlite_files()
    {
        var situation = await ConcludedSituationWithTextAsync();
        Assert.Contains(Marker, DatabaseFilesText());

        Time.SetUtcNow(ConcludedAt.AddMonths(24));
        Assert.Equal(1, (await PurgeAsync()).Erased);

        Assert.DoesNotContain(Marker, DatabaseFilesText());
        Assert.Equal(situation.Id, (await FindAsync(situation.Id))!.Id);
    }

    [Fact]
    public async Task Leftovers_of_earlier_deletes_are_scrubbed_by_the_purge_too()
    {
        await ConcludedSituationWithTextAsync();
        const string leftover = "ywxq deleted long ago";
        await using (var db = Database.CreateContext())
        {
            // Deleted with secure_delete off: SQLite leaves the bytes in the page's free space (and in the write-ahead log).
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE scratch (t TEXT); INSERT INTO scratch VALUES ('" + leftover + "'); DELETE FROM scratch;");
        }

        Assert.Contains(leftover, DatabaseFilesText());

        Time.SetUtcNow(ConcludedAt.AddMonths(24));
        await PurgeAsync();

        Assert.DoesNotContain(leftover, DatabaseFilesText());
    }

    private string DatabaseFilesText()
    {
        var file = new SqliteConnectionStringBuilder(Database.ConnectionString).DataSource;
        var text = new StringBuilder();
        foreach (var path in new[] { file, file + "-wal", file + "-journal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            text.Append(Encoding.Latin1.GetString(memory.ToArray()));
        }

        return text.ToString();
    }
}

public sealed class PostgresRetentionStoreTests() : RetentionStoreTests(DatabaseProvider.Postgres);

/// <summary>Retention on a real database: before, at and after the limit; what is erased and what stays; the daily claim.</summary>
public abstract class RetentionStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>Written in every free-text field of the situation, so that its absence can be searched for.</summary>
    protected const string Marker = "zqxv";
    protected static readonly DateTimeOffset ConcludedAt = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    protected TestDatabase Database { get; private set; } = null!;
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
    private Core.Roster.Roster _roster = null!;
    private readonly SituationCatalogue _catalogue = new();

    public async Task InitializeAsync() => (Database, _roster) = await TestDatabase.CreateWithSampleRosterAsync(provider);

    public async Task DisposeAsync() => await Database.DisposeAsync();

    private Member Member(string email) => _roster.Members.Single(m => m.Email == email);

    private async Task<T> WithWorkflow<T>(Func<SituationWorkflow, Task<T>> use)
    {
        await using var db = Database.CreateContext();
        return await use(new SituationWorkflow(new EfSituationStore(db), new EfRosterStore(db), new Core.Deliveries.NoDispatchSignal(), _catalogue, Time));
    }

    protected async Task<Situation?> FindAsync(string id)
    {
        await using var db = Database.CreateContext();
        return await new EfSituationStore(db).FindAsync(id, default);
    }

    protected async Task<PurgeReport> PurgeAsync(int months = 24)
    {
        await using var db = Database.CreateContext();
        return await new RetentionPurge(new EfRetentionStore(db), new RetentionOptions { RetentionMonths = months }, Time)
            .PurgeAsync(AuditChannel.PurgeCommand, default);
    }

    /// <summary>
    /// Recorded, lead accepted, assisting declined with a reason, an update with a note and a next step, concluded at
    /// <see cref="ConcludedAt"/> (or later: a second situation must be at least 9 days later, the clock only moves on).
    /// </summary>
    protected async Task<Situation> ConcludedSituationWithTextAsync(TimeSpan? concludedLater = null)
    {
        Time.SetUtcNow(ConcludedAt.AddDays(-8) + (concludedLater ?? TimeSpan.Zero));
        var chair = Member("chair.demo@city.example");
        var recorded = await WithWorkflow(w => w.RecordAsync(new NewSituationRequest
        {
            Table = "demo", Type = "person", AgeGroup = "18-24", Gender = "female", RiskFactors = ["mental-health", "housing"],
            Summary = $"{Marker} summary: repeated crisis calls, eviction notice served.",
            OriginatingAgency = "tps-99", LeadAgency = "northside-mh", AssistingAgencies = ["harbour-housing"],
        }, chair, default));
        var id = recorded.Situation!.Id;
        Time.Advance(TimeSpan.FromHours(2));
        Assert.True((await WithWorkflow(w => w.AcceptAsync(id, "northside-mh", Member("rep.demo@northside-mh.example"), default))).Succeeded);
        Assert.True((await WithWorkflow(w => w.DeclineAsync(id, "harbour-housing", $"{Marker} reason: no capacity this month",
            Member("rep.demo@harbour-housing.example"), default))).Succeeded);
        Time.Advance(TimeSpan.FromHours(20));
        Assert.True((await WithWorkflow(w => w.PostUpdateAsync(id, Member("rep.demo@northside-mh.example"), "contacted",
            $"{Marker} note: door knock done, accepted a referral", $"{Marker} next: intake at the clinic", ["no-shelter-bed"], default))).Succeeded);
        Time.SetUtcNow(ConcludedAt + (concludedLater ?? TimeSpan.Zero));
        var concluded = await WithWorkflow(w => w.ConcludeAsync(id, "risk-lowered-connected", chair, default));
        Assert.True(concluded.Succeeded);
        return concluded.Situation!;
    }

    [Fact]
    public async Task Text_is_kept_before_the_limit_and_erased_at_it_and_after_it_nothing_is_erased_twice()
    {
        var first = await ConcludedSituationWithTextAsync();
        var second = await ConcludedSituationWithTextAsync(concludedLater: TimeSpan.FromDays(10));

        Time.SetUtcNow(ConcludedAt.AddMonths(24).AddSeconds(-1));
        var before = await PurgeAsync();
        Assert.Empty(before.Situations);
        Assert.Contains(Marker, (await FindAsync(first.Id))!.Summary);

        Time.SetUtcNow(ConcludedAt.AddMonths(24));
        var at = await PurgeAsync();
        Assert.Equal([first.Id], at.Situations.Select(s => s.Id));
        Assert.Equal(1, at.Erased);
        Assert.Null((await FindAsync(first.Id))!.Summary);
        Assert.Contains(Marker, (await FindAsync(second.Id))!.Summary);

        Time.SetUtcNow(ConcludedAt.AddMonths(24).AddDays(12));
        var after = await PurgeAsync();
        Assert.Equal([second.Id], after.Situations.Select(s => s.Id));
        Assert.Empty((await PurgeAsync()).Situations);
    }

    [Fact]
    public async Task Erasing_removes_every_free_text_and_email_and_keeps_what_the_figures_need()
    {
        var situation = await ConcludedSituationWithTextAsync();
        Time.SetUtcNow(ConcludedAt.AddMonths(25));

        await PurgeAsync();

        var erased = (await FindAsync(situation.Id))!;
        Assert.Null(erased.Summary);
        Assert.Equal(Time.GetUtcNow(), erased.ErasedAt);
        var update = Assert.Single(erased.Updates);
        Assert.Equal(("", null, ""), (update.Note, update.NextStep, update.ByEmail));
        Assert.Equal(["no-shelter-bed"], update.BarrierIds);
        Assert.True(update.IsFortyEightHourUpdate);
        Assert.All(erased.Assignments, a => Assert.Null(a.DeclineReason));
        Assert.All(erased.Assignments, a => Assert.Null(a.RespondedByEmail));
        Assert.All(erased.Assignments, a => Assert.Equal(situation.AssignmentOf(a.AgencyId)!.State, a.State));
        Assert.All(erased.Events, e => Assert.Equal("", e.ByEmail));
        Assert.Equal((situation.Status, situation.OutcomeId, situation.ConcludedAt, situation.DiscussedOn, situation.LeadAcceptedAt),
            (erased.Status, erased.OutcomeId, erased.ConcludedAt, erased.DiscussedOn, erased.LeadAcceptedAt));
        Assert.Equal(situation.RiskFactorIds, erased.RiskFactorIds);
    }

    [Fact]
    public async Task Figures_and_the_rtd_export_are_the_same_before_and_after_the_purge()
    {
        await ConcludedSituationWithTextAsync();
        await ConcludedSituationWithTextAsync(concludedLater: TimeSpan.FromDays(10));
        var period = new FiguresPeriod(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));
        var asOf = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero);
        async Task<(string Figures, string Csv)> ReportAsync()
        {
            await using var db = Database.CreateContext();
            var all = await new EfSituationStore(db).ListAsync(new SituationQuery(["demo"]), default);
            return (JsonSerializer.Serialize(TableFigures.Compute(all, _roster.Tables, period, asOf)),
                RtdExport.ToCsv(all, _roster.Tables, _roster.Agencies, period, _catalogue));
        }

        var before = await ReportAsync();
        Time.SetUtcNow(ConcludedAt.AddMonths(30));
        Assert.Equal(2, (await PurgeAsync()).Erased);
        var after = await ReportAsync();

        Assert.Contains("DM-2026-0001", before.Csv);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Each_situation_erased_gets_an_audit_row_and_read_rows_outlive_the_purge()
    {
        var situation = await ConcludedSituationWithTextAsync();
        await using (var db = Database.CreateContext())
            await new SituationReads(new EfAuditLog(db), Time).RecordAsync(situation, Member("chair.demo@city.example"), AuditChannel.Api, default);
        Time.SetUtcNow(ConcludedAt.AddMonths(24));

        await PurgeAsync();

        await using var check = Database.CreateContext();
        var rows = await new EfAuditLog(check).ListAsync(new AuditQuery(SituationId: situation.Id), default);
        Assert.Equal([AuditAction.Purge, AuditAction.Read], rows.Select(r => r.Action));
        var purge = rows[0];
        Assert.Equal((AuditChannel.PurgeCommand, RetentionPurge.Actor, Time.GetUtcNow()), (purge.Through, purge.MemberEmail, purge.At));
        Assert.Contains("concluded 2026-03-10", purge.Detail);
        Assert.DoesNotContain(Marker, purge.Detail);
    }

    [Fact]
    public async Task A_situation_not_concluded_is_never_erased()
    {
        var chair = Member("chair.demo@city.example");
        Time.SetUtcNow(ConcludedAt);
        var open = await WithWorkflow(w => w.RecordAsync(new NewSituationRequest
        {
            Table = "demo", Type = "person", AgeGroup = "18-24", Gender = "male", RiskFactors = ["housing"],
            Summary = "Still open after years.", OriginatingAgency = "tps-99", LeadAgency = "northside-mh", AssistingAgencies = ["harbour-housing"],
        }, chair, default));
        Time.SetUtcNow(ConcludedAt.AddYears(5));

        Assert.Empty((await PurgeAsync()).Situations);
        Assert.Equal("Still open after years.", (await FindAsync(open.Situation!.Id))!.Summary);
    }

    [Fact]
    public async Task One_instance_claims_the_daily_run_and_a_dead_holders_claim_lapses()
    {
        var now = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
        async Task<Guid?> ClaimAsync(string worker, DateTimeOffset at)
        {
            await using var db = Database.CreateContext();
            return await new EfRetentionStore(db).TryClaimDailyRunAsync(worker, at, TimeSpan.FromHours(1), default);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => ClaimAsync($"worker-{i}", now)));
        var winner = Assert.Single(claims, c => c is not null);

        Assert.Null(await ClaimAsync("late", now.AddMinutes(59)));
        var takenOver = await ClaimAsync("other", now.AddMinutes(61));
        Assert.NotNull(takenOver);

        await using (var db = Database.CreateContext())
        {
            await new EfRetentionStore(db).CompleteDailyRunAsync(winner!.Value, now.AddDays(1), default);
            Assert.NotNull(await db.JobLeases.SingleAsync(l => l.ClaimToken == takenOver));
            await new EfRetentionStore(db).CompleteDailyRunAsync(takenOver!.Value, now.AddDays(1), default);
        }

        Assert.Null(await ClaimAsync("next", now.AddHours(23)));
        Assert.NotNull(await ClaimAsync("next", now.AddDays(1)));
    }
}

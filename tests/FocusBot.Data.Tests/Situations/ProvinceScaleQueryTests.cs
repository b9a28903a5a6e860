using System.Text.Json;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Figures;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Data.Roster;
using FocusBot.Data.Situations;
using FocusBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Data.Tests.Situations;

public sealed class SqliteProvinceScaleQueryTests() : ProvinceScaleQueryTests(DatabaseProvider.Sqlite);

public sealed class PostgresProvinceScaleQueryTests() : ProvinceScaleQueryTests(DatabaseProvider.Postgres);

/// <summary>
/// The reads made for province scale (issue 16) answer exactly what the whole-history reads answered: the open lists
/// ordered and paged in the database, the figures read for their period only, the RTD export read in batches.
/// </summary>
public abstract class ProvinceScaleQueryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 16, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly SituationCatalogue _catalogue = new();
    private TestDatabase _database = null!;
    private Core.Roster.Roster _roster = null!;
    private readonly Dictionary<string, int> _numbers = [];

    public async Task InitializeAsync()
    {
        (_database, _roster) = await TestDatabase.CreateWithSampleRosterAsync(provider);
        await SeedAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Member Member(string email) => _roster.Members.Single(m => m.Email == email);
    private Member Chair => Member("chair.demo@city.example");
    private Member Northside => Member("rep.demo@northside-mh.example");
    private Member Harbour => Member("rep.demo@harbour-housing.example");

    private static DateTimeOffset At(int month, int day, int hour = 15) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A situation recorded by the table's co-chair through the validator. An AER situation needs an assisting agency
    /// (no single agency can lower the risk alone): unless the test names its own, the police division that referred
    /// it is asked to assist, an agency whose "my situations" no test reads, so the lists under test are the lead's.
    /// </summary>
    private Situation Record(DateTimeOffset at, string lead = "northside-mh", string[]? assisting = null, string originating = "tps-99",
        bool aerMet = true, string table = "demo", string code = "DM")
    {
        var chair = table == "demo" ? Chair : Member("admin@city.example");
        var request = new NewSituationRequest
        {
            Table = table, Type = "person", AgeGroup = "18-24", Gender = "female", RiskFactors = ["mental-health", "housing"],
            Summary = aerMet ? "Repeated crisis calls; eviction notice served." : null, OriginatingAgency = originating,
            LeadAgency = aerMet ? lead : null, AssistingAgencies = aerMet ? assisting ?? ["tps-99"] : [], AerMet = aerMet,
        };
        var validation = new NewSituationValidator(_catalogue, _time).Validate(request, chair, _roster.Tables, _roster.Agencies);
        var number = _numbers[code] = _numbers.GetValueOrDefault(code) + 1;
        return Situation.Record(SituationId.Create(code, 2026, number), validation.NewSituation
            ?? throw new InvalidOperationException(string.Join("; ", validation.Problems.SelectMany(p => p.Value))), at);
    }

    private void Update(Situation s, Member by, DateTimeOffset at, string barrier = "no-safe-housing") =>
        Assert.True(s.PostUpdate(by, "contacted", "Home visit done.", null, [barrier], _catalogue, at, ["housing"]).Succeeded);

    /// <summary>Eleven open or active situations at the demo table in every urgency, and the history around them.</summary>
    private async Task SeedAsync()
    {
        var all = new List<Situation>();
        // Overdue 48-hour updates (due two days after the discussion), the earlier due first.
        var overdueLater = Record(At(11, 5));
        Assert.True(overdueLater.Accept("northside-mh", Northside, At(11, 5, 18)).Succeeded);
        var overdueEarlier = Record(At(11, 2), assisting: ["harbour-housing"]);
        Assert.True(overdueEarlier.Accept("northside-mh", Northside, At(11, 2, 18)).Succeeded);
        Assert.True(overdueEarlier.Decline("harbour-housing", Harbour, "Caseload is full this month.", At(11, 2, 19)).Succeeded);
        // Waiting for a lead, oldest first; two recorded at the same instant are ordered by id.
        var waitingA = Record(At(11, 12));
        var waitingB = Record(At(11, 12), lead: "harbour-housing", originating: "northside-mh");
        var waitingLater = Record(At(11, 18), lead: "harbour-housing", assisting: ["northside-mh"]);
        var waitingLast = Record(At(11, 20), lead: "harbour-housing");
        // Active, 48-hour update posted (or not yet due), oldest first.
        var active = new List<Situation>();
        foreach (var day in new[] { 10, 3, 16, 23 })
        {
            var s = Record(At(11, day), lead: day == 16 ? "harbour-housing" : "northside-mh");
            var rep = day == 16 ? Harbour : Northside;
            Assert.True(s.Accept(s.LeadAgencyId!, rep, At(11, day, 17)).Succeeded);
            if (day != 23) Update(s, rep, At(11, day + 1));
            active.Add(s);
        }
        all.AddRange([overdueLater, overdueEarlier, waitingA, waitingB, waitingLater, waitingLast, .. active]);
        // An active one on which harbour-housing was asked to assist and declined.
        var declinedAssist = Record(At(11, 8), assisting: ["harbour-housing"]);
        Assert.True(declinedAssist.Accept("northside-mh", Northside, At(11, 8, 17)).Succeeded);
        Assert.True(declinedAssist.Decline("harbour-housing", Harbour, "Caseload is full this month.", At(11, 8, 18)).Succeeded);
        Update(declinedAssist, Northside, At(11, 9));
        all.Add(declinedAssist);

        // History: concluded ones (one discussed in September with updates into October, concluded in November), a
        // not-AER discussion, one concluded in the last minutes of a Toronto day (the next day in UTC), and another table's.
        var spanning = Record(At(9, 10));
        Assert.True(spanning.Accept("northside-mh", Northside, At(9, 10, 18)).Succeeded);
        Update(spanning, Northside, At(9, 11));
        Update(spanning, Northside, At(10, 8), "no-family-doctor");
        Assert.True(spanning.Conclude(Chair, "risk-lowered-connected", _catalogue, At(11, 3)).Succeeded);
        var october = Record(At(10, 1), assisting: ["harbour-housing"]);
        Assert.True(october.Accept("northside-mh", Northside, At(10, 1, 17)).Succeeded);
        Assert.True(october.Accept("harbour-housing", Harbour, At(10, 1, 18)).Succeeded);
        Update(october, Northside, At(10, 4));
        Assert.True(october.Conclude(Chair, "still-aer-refused", _catalogue, new DateTimeOffset(2026, 11, 1, 3, 30, 0, TimeSpan.Zero)).Succeeded);
        var notAer = Record(At(10, 15), aerMet: false);
        var lastYear = Record(new DateTimeOffset(2025, 6, 3, 14, 0, 0, TimeSpan.Zero));
        Assert.True(lastYear.Accept("northside-mh", Northside, new DateTimeOffset(2025, 6, 3, 18, 0, 0, TimeSpan.Zero)).Succeeded);
        Assert.True(lastYear.Conclude(Chair, "risk-lowered-informed", _catalogue, new DateTimeOffset(2025, 7, 2, 14, 0, 0, TimeSpan.Zero)).Succeeded);
        var lakeside = Record(At(11, 1), lead: "youthlink", originating: "youthlink", table: "lakeside", code: "LK");
        all.AddRange([spanning, october, notAer, lastYear, lakeside, .. AtDaylightSavingChanges()]);

        await using var db = _database.CreateContext();
        db.Situations.AddRange(all);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Lakeside's history around Toronto's clock changes (8 March and 1 November 2026): conclusions and updates in the
    /// last and first minutes of a Toronto day, whose UTC day is another, and a not-AER discussion.
    /// </summary>
    private IEnumerable<Situation> AtDaylightSavingChanges()
    {
        var rep = Member("rep.lakeside@youthlink.example");
        var admin = Member("admin@city.example");
        Situation Lakeside(DateTimeOffset at) => Record(at, lead: "youthlink", originating: "youthlink", assisting: ["tps-99"], table: "lakeside", code: "LK");
        DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

        // Recorded the day before spring forward; its 48-hour update at 23:59 on 7 March (EST), another at 00:00 on 8 March;
        // concluded at 23:59 on 8 March (EDT: 03:59 UTC on the 9th).
        var spring = Lakeside(Utc(3, 7, 16, 0));
        Assert.True(spring.Accept("youthlink", rep, Utc(3, 7, 18, 0)).Succeeded);
        Update(spring, rep, Utc(3, 8, 4, 59));
        Update(spring, rep, Utc(3, 8, 5, 0), "no-family-doctor");
        Assert.True(spring.Conclude(admin, "risk-lowered-connected", _catalogue, Utc(3, 9, 3, 59)).Succeeded);
        // Concluded at 23:59 on 31 October (EDT: 03:59 UTC on 1 November).
        var halloween = Lakeside(Utc(10, 29, 15, 0));
        Assert.True(halloween.Accept("youthlink", rep, Utc(10, 29, 16, 0)).Succeeded);
        Assert.True(halloween.Conclude(admin, "still-aer-refused", _catalogue, Utc(11, 1, 3, 59)).Succeeded);
        // Its 48-hour update late, at 00:30 on 1 November (EDT, the day the clock goes back); concluded at 23:59 that day (EST:
        // 04:59 UTC on the 2nd), and another update at 00:00 on 2 November (EST) would be the next day: it is concluded first.
        var fallBack = Lakeside(Utc(10, 29, 17, 0));
        Assert.True(fallBack.Accept("youthlink", rep, Utc(10, 29, 18, 0)).Succeeded);
        Update(fallBack, rep, Utc(11, 1, 4, 30));
        Update(fallBack, rep, Utc(11, 2, 4, 58), "no-family-doctor");
        Assert.True(fallBack.Conclude(admin, "risk-lowered-informed", _catalogue, Utc(11, 2, 4, 59)).Succeeded);
        // Accepted, its 48-hour update never posted: missing.
        var missing = Lakeside(Utc(11, 1, 5, 0));
        Assert.True(missing.Accept("youthlink", rep, Utc(11, 1, 6, 0)).Succeeded);
        return [spring, halloween, fallBack, missing, Record(Utc(11, 1, 4, 0), aerMet: false, table: "lakeside", code: "LK")];
    }

    private async Task<T> WithListing<T>(Func<SituationListing, Task<T>> use)
    {
        await using var db = _database.CreateContext();
        return await use(new SituationListing(new EfSituationStore(db), _time));
    }

    [Fact]
    public async Task The_open_list_is_ordered_by_urgency_in_the_database()
    {
        var page = await WithListing(l => l.OpenPageAsync(Chair, ["demo", "lakeside"], agencyOnly: false, 1, 20, default));

        // The co-chair sits at the demo table only: lakeside's situation is not listed. Overdue 48-hour updates by due time; then waiting for a lead, oldest first (same instant: by id); then the rest, oldest first.
        Assert.Equal(11, page.Total);
        Assert.Equal(
            ["DM-2026-0002", "DM-2026-0001", "DM-2026-0003", "DM-2026-0004", "DM-2026-0005", "DM-2026-0006",
             "DM-2026-0008", "DM-2026-0011", "DM-2026-0007", "DM-2026-0009", "DM-2026-0010"],
            page.Situations.Select(s => s.Id));
        Assert.All(page.Situations, s => Assert.NotEmpty(s.Events));
    }

    [Theory]
    [InlineData("chair.demo@city.example", false)]
    [InlineData("rep.demo@northside-mh.example", false)]
    [InlineData("rep.demo@northside-mh.example", true)]
    [InlineData("rep.demo@harbour-housing.example", true)]
    public async Task Pages_of_three_are_the_whole_list_cut_at_every_boundary(string email, bool agencyOnly)
    {
        var member = Member(email);
        var whole = await WithListing(l => l.OpenAsync(member, member.TableIds, agencyOnly, default));
        var pages = (whole.Count + 2) / 3;
        Assert.True(pages >= 2, $"{email} sees {whole.Count}: too few to cross a page boundary");

        var read = new List<string>();
        for (var number = 1; number <= pages; number++)
        {
            var page = await WithListing(l => l.OpenPageAsync(member, member.TableIds, agencyOnly, number, 3, default));
            Assert.Equal((number, whole.Count), (page.Page, page.Total));
            Assert.Equal(number < pages ? 3 : whole.Count - 3 * (pages - 1), page.Situations.Count);
            read.AddRange(page.Situations.Select(s => s.Id));
        }
        Assert.Equal(whole.Select(s => s.Id), read);

        var after = await WithListing(l => l.OpenPageAsync(member, member.TableIds, agencyOnly, pages + 5, 3, default));
        Assert.Equal((pages + 1, 0), (after.Page, after.Situations.Count));
        var before = await WithListing(l => l.OpenPageAsync(member, member.TableIds, agencyOnly, 0, 3, default));
        Assert.Equal(1, before.Page);
        Assert.Equal(whole.Take(3).Select(s => s.Id), before.Situations.Select(s => s.Id));
    }

    [Fact]
    public async Task My_situations_leave_out_an_agency_that_declined()
    {
        var harbour = await WithListing(l => l.OpenPageAsync(Harbour, Harbour.TableIds, agencyOnly: true, 1, 20, default));

        // Lead (asked or accepted) or assisting, never the two on which it declined to assist.
        Assert.Equal(["DM-2026-0004", "DM-2026-0005", "DM-2026-0006", "DM-2026-0009"], harbour.Situations.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(harbour.Situations, s => s.Id is "DM-2026-0002" or "DM-2026-0011");
    }

    public static TheoryData<string, string> Periods => new()
    {
        { "2026-11-01", "2026-12-01" },
        { "2026-10-01", "2026-11-01" },
        { "2026-09-15", "2026-10-15" },
        { "2025-11-25", "2026-11-25" },
        { "2025-01-01", "2026-01-01" },
        { "2024-01-01", "2025-01-01" },
        { "2026-03-08", "2026-11-01" },
        { "2026-11-01", "2026-11-02" },
        { "2026-03-08", "2026-03-09" },
        { "2026-03-07", "2026-03-08" },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Figures_read_for_their_period_equal_those_of_the_whole_history(string from, string to)
    {
        var period = new FiguresPeriod(DateOnly.Parse(from), DateOnly.Parse(to));
        await using var db = _database.CreateContext();
        var store = new EfSituationStore(db);
        var reports = new FigureReports(store, _time);
        foreach (var ids in new[] { ["demo"], ["lakeside"], new[] { "demo", "lakeside" } })
        {
            var tables = _roster.Tables.Where(t => ids.Contains(t.Id)).ToList();
            var history = await store.ListAsync(new SituationQuery(ids), default);

            Assert.Equal(Json(TableFigures.Compute(history, tables, period, Now)), Json(await reports.ReportAsync(tables, period, default)));
            Assert.Equal(Json(DashboardFigures.Compute(history, tables, period, Now)), Json(await reports.DashboardAsync(tables, period, default)));
        }
    }

    [Fact]
    public async Task Figures_counted_in_the_database_keep_to_the_toronto_day_the_clock_goes_back()
    {
        var period = new FiguresPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2));
        var lakeside = _roster.Tables.Where(t => t.Id == "lakeside").ToList();
        await using var db = _database.CreateContext();

        var figures = await new FigureReports(new EfSituationStore(db), _time).ReportAsync(lakeside, period, default);

        // Recorded on 1 November in Toronto: the open one, the one whose 48-hour update is missing, the not-AER discussion
        // (at 00:00 EDT). Concluded: only the one at 23:59 EST (04:59 UTC on the 2nd), not the one at 23:59 EDT on 31 October
        // (03:59 UTC on the 1st). Its updates at 00:30 EDT and 23:58 EST both count.
        Assert.Equal((3, 1, 1), (figures.SituationsRecorded, figures.NotAer, figures.SituationsConcluded));
        Assert.Equal([new FigureCount("risk-lowered-informed", 1)], figures.Outcomes);
        Assert.Equal([new FigureCount("no-family-doctor", 1), new FigureCount("no-safe-housing", 1)], figures.Barriers);
        Assert.Equal([new FigureCount("housing", 2)], figures.Services);
        Assert.Equal(new FortyEightHourUpdateFigures(OnTime: 0, Late: 0, Missing: 1), figures.FortyEightHourUpdates);
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task The_export_read_in_batches_of_two_equals_the_export_of_the_whole_history(string from, string to)
    {
        var period = new FiguresPeriod(DateOnly.Parse(from), DateOnly.Parse(to));
        await using var db = _database.CreateContext();
        var store = new EfSituationStore(db, exportBatchSize: 2);
        var tables = _roster.Tables;
        var history = await store.ListAsync(new SituationQuery([.. tables.Select(t => t.Id)], [SituationStatus.Concluded, SituationStatus.NotAer]), default);
        var streamed = new StringWriter();

        await RtdExport.WriteCsvAsync(streamed, store.ExportedAsync([.. tables.Select(t => t.Id)], period, default), tables, _roster.Agencies, period,
            _catalogue, header: null, french: false, default);

        Assert.Equal(RtdExport.ToCsv(history, tables, _roster.Agencies, period, _catalogue), streamed.ToString());
    }

    [Fact]
    public async Task The_french_export_streamed_equals_the_french_export_of_the_whole_history()
    {
        var period = new FiguresPeriod(new DateOnly(2025, 11, 25), new DateOnly(2026, 11, 25));
        await using var db = _database.CreateContext();
        var store = new EfSituationStore(db, exportBatchSize: 2);
        var tables = _roster.Tables;
        var history = await store.ListAsync(new SituationQuery([.. tables.Select(t => t.Id)], [SituationStatus.Concluded, SituationStatus.NotAer]), default);
        string[] header = [.. RtdExport.Columns.Select(c => "fr_" + c)];
        var streamed = new StringWriter();

        await RtdExport.WriteCsvAsync(streamed, store.ExportedAsync([.. tables.Select(t => t.Id)], period, default), tables, _roster.Agencies, period,
            _catalogue, header, french: true, default);

        Assert.Equal(RtdExport.ToCsv(history, tables, _roster.Agencies, period, _catalogue, header, french: true), streamed.ToString());
        Assert.StartsWith("fr_situation_id,", streamed.ToString());
        Assert.Contains(",oui,", streamed.ToString());
    }

    [Fact]
    public async Task The_export_of_the_year_has_every_concluded_and_not_aer_discussion_in_date_order()
    {
        var period = new FiguresPeriod(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));
        await using var db = _database.CreateContext();
        var streamed = new StringWriter();

        await RtdExport.WriteCsvAsync(streamed, new EfSituationStore(db, exportBatchSize: 2).ExportedAsync(["demo"], period, default),
            _roster.Tables, _roster.Agencies, period, _catalogue, header: null, french: false, default);

        // Not AER on 15 October; the October one concluded at 23:30 on 31 October in Toronto (1 November in UTC); then 3 November.
        Assert.Equal(["DM-2026-0014", "DM-2026-0013", "DM-2026-0012"],
            streamed.ToString().Split("\r\n").Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}

// `province` mode of the bench (issue 16, point 3): FocusBot's reads at province scale, server-side. It seeds 100,000
// situations over 60 tables and 1,200 members (ProvinceSeed.cs) into SQLite and PostgreSQL, then times, in process with
// a real DbContext per call (as a request gets), the list a rep and a co-chair get (`open situations`, first page of 10),
// `my situations` (the tab's listing), one table's figures and dashboard for one year, the RTD export of one table and
// year (and of ten years, for memory), and reminder planning for all tables. Each operation runs as it was before this
// branch ("before": the code of main at 40b73e5, reproduced below with the public calls it made) and as it is now
// ("after"), alternately, on the schema before the ProvinceScale migration and after it; the lists and the figures also
// as this branch first built them ("previous": the list's ids then its page, figures counted in memory from the
// period's situations), so that a change is compared call by call with what it replaced. EXPLAIN (PostgreSQL) and
// EXPLAIN QUERY PLAN (SQLite) of every query the "after" operations run are printed, full scans flagged.
// Options for a quick comparison of two builds: `--keep` keeps the seeded database; `--reuse <sqlite file or postgres
// database name>` measures one kept before (no seeding, never dropped); `--schemas after`, `--only "<operation name
// prefix>|…"` and `--timings-only` (no answer checks, export memory or plans) cut the run to what is compared.
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Figures;
using FocusBot.Core.Meetings;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

static class ProvinceBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    // "Now" of the province: fixed, so that every run lists and counts the same situations.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var providers = new List<string> { "sqlite", "postgres" };
        int situations = 100_000, tables = 60, members = 1_200, iterations = 200, heavyIterations = 40, planIterations = 5;
        var openWindow = TimeSpan.FromDays(14);
        var postgres = Environment.GetEnvironmentVariable("FOCUSBOT_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres";
        string? csv = null;
        var keep = false;
        string? reuse = null;
        var schemas = new[] { "before", "after" };
        string? only = null;
        var extras = true;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            switch (args[i])
            {
                case "--providers": providers = [.. Next().Split(',')]; break;
                case "--situations": situations = int.Parse(Next(), Inv); break;
                case "--tables": tables = int.Parse(Next(), Inv); break;
                case "--members": members = int.Parse(Next(), Inv); break;
                case "--iterations": iterations = int.Parse(Next(), Inv); break;
                case "--heavy-iterations": heavyIterations = int.Parse(Next(), Inv); break;
                case "--plan-iterations": planIterations = int.Parse(Next(), Inv); break;
                case "--open-days": openWindow = TimeSpan.FromDays(double.Parse(Next(), Inv)); break;
                case "--postgres": postgres = Next(); break;
                case "--csv": csv = Next(); break;
                case "--keep": keep = true; break;
                case "--reuse": reuse = Next(); break;
                case "--schemas": schemas = Next().Split(','); break;
                case "--only": only = Next(); break;
                case "--timings-only": extras = false; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        var world = ProvinceWorld.Build(tables, members);
        Console.WriteLine($"province: {world.Roster.Tables.Count} tables, {world.Roster.Agencies.Count} agencies, {world.Roster.Members.Count} members; " +
            $"{situations:N0} situations over ten years to {Now:yyyy-MM-dd}; open window {openWindow.TotalDays:0} days; load average {LoadAverage()}");
        var results = new List<string> { "provider,schema,operation,code,p50_ms,p99_ms,mean_ms,iterations" };
        foreach (var provider in providers)
        {
            await using var database = reuse is null
                ? await ProvinceDatabase.CreateAsync(provider, postgres, keep)
                : ProvinceDatabase.Existing(provider, postgres, reuse);
            Console.WriteLine($"\n=== {provider} ({database.Description}) ===");
            if (reuse is null)
            {
                await database.MigrateToAsync(beforeProvinceScale: true);
                var seeded = await ProvinceSeeder.SeedAsync(database.CreateContext, world, situations, Now, openWindow, seed: 16);
                Console.WriteLine($"seeded {seeded.Situations:N0} situations and {seeded.Rows - seeded.Situations:N0} rows (assignments, updates, events) in {seeded.Seconds:0.0} s");
            }
            await using (var db = database.CreateContext())
            {
                var open = await db.Situations.CountAsync(s => s.Status == SituationStatus.Open || s.Status == SituationStatus.Active);
                Console.WriteLine($"{await db.Situations.CountAsync():N0} situations, {open} open or active; load average {LoadAverage()}");
            }

            var explainer = new Explainer();
            var services = Services(database, explainer);
            var subjects = Subjects.Pick(world, services);
            Console.WriteLine($"rep {subjects.Rep.Email} (tables {string.Join(",", subjects.Rep.TableIds)}, agency {subjects.Rep.AgencyId}); co-chair {subjects.CoChair.Email}; table {subjects.Table.Id}; year {subjects.Year.From:yyyy-MM-dd}..{subjects.Year.To:yyyy-MM-dd}");
            var ops = Operations(subjects, iterations, heavyIterations, planIterations)
                .Where(o => only is null || only.Split('|').Any(name => o.Name.StartsWith(name, StringComparison.Ordinal))).ToList();

            foreach (var schema in schemas)
            {
                await database.MigrateToAsync(beforeProvinceScale: schema == "before");
                Console.WriteLine($"\n-- schema {schema} the ProvinceScale migration; load average {LoadAverage()}");
                Console.WriteLine("operation                        code       p50 ms    p99 ms   mean ms  iterations   after/before p50  p99   after/previous p50  p99");
                foreach (var op in ops)
                {
                    // Alternate the codes, a call each, so that the machine's load falls on all alike.
                    var codes = op.Previous is null ? new[] { ("before", op.Before), ("after", op.After) }
                        : new[] { ("before", op.Before), ("previous", op.Previous), ("after", op.After) };
                    var times = codes.ToDictionary(c => c.Item1, _ => new List<double>());
                    for (var w = 0; w < Math.Min(5, op.Iterations); w++) foreach (var (_, code) in codes) await Once(services, code);
                    for (var n = 0; n < op.Iterations; n++)
                        foreach (var (name, code) in codes) times[name].Add(await Once(services, code));
                    var b = Stats(times["before"]);
                    var a = Stats(times["after"]);
                    var p = op.Previous is null ? default : Stats(times["previous"]);
                    foreach (var (code, _) in codes)
                    {
                        var st = Stats(times[code]);
                        var ratio = code == "after" ? string.Format(Inv, "   {0,10:0.00}x {1,6:0.00}x", a.P50 / b.P50, a.P99 / b.P99)
                            + (op.Previous is null ? "" : string.Format(Inv, "   {0,8:0.00}x {1,6:0.00}x", a.P50 / p.P50, a.P99 / p.P99)) : "";
                        Console.WriteLine(string.Format(Inv, "{0,-32} {1,-8} {2,9:0.00} {3,9:0.00} {4,9:0.00} {5,11}{6}", op.Name, code, st.P50, st.P99, st.Mean, op.Iterations, ratio));
                        results.Add(string.Create(Inv, $"{provider},{schema},{op.Name},{code},{st.P50:0.000},{st.P99:0.000},{st.Mean:0.000},{op.Iterations}"));
                    }
                }
            }

            if (!extras) continue;
            Console.WriteLine($"\n-- same answers before and after (on the {provider} data)");
            foreach (var check in Checks(subjects)) Console.WriteLine($"{check.Name,-32} {(await check.Same(services) ? "same" : "DIFFERENT")}");

            Console.WriteLine("\n-- export memory: one table, one year against ten years (one call each, after a full GC)");
            Console.WriteLine("export                   code      rows   allocated MB   peak heap growth MB   ms");
            foreach (var (label, period) in new[] { ("1 year", subjects.Year), ("10 years", new FiguresPeriod(DateOnly.FromDateTime(Now.AddYears(-10).Date), DateOnly.FromDateTime(Now.Date).AddDays(1))) })
                foreach (var code in new[] { "before", "after" })
                {
                    var m = await ExportMemoryAsync(services, subjects, period, code == "after");
                    Console.WriteLine(string.Create(Inv, $"{label,-24} {code,-6} {m.Rows,8} {m.AllocatedMb,14:0.0} {m.PeakGrowthMb,21:0.0} {m.Ms,6:0}"));
                    results.Add(string.Create(Inv, $"{provider},after,export memory {label},{code},{m.AllocatedMb:0.0},{m.PeakGrowthMb:0.0},{m.Ms:0},1"));
                }

            Console.WriteLine($"\n-- query plans of the \"after\" operations ({(provider == "postgres" ? "EXPLAIN" : "EXPLAIN QUERY PLAN")}); [FULL SCAN] marks a full read of a table (roster tables included)");
            explainer.Enabled = true;
            foreach (var op in ops)
            {
                explainer.Begin(op.Name);
                await Once(services, op.After);
            }
            explainer.Enabled = false;
            explainer.Print();
            Console.WriteLine($"load average at the end: {LoadAverage()}");
        }
        if (csv is not null) await File.WriteAllLinesAsync(csv, results);
        return 0;
    }

    /// <param name="Previous">This branch's code before its last change (issue 16f: lists paged with a separate id query, figures
    /// counted in memory from the period's situations), where it differs from <paramref name="After"/>.</param>
    private sealed record Operation(string Name, int Iterations, Func<IServiceProvider, Task> Before, Func<IServiceProvider, Task> After,
        Func<IServiceProvider, Task>? Previous = null);

    private sealed record Subjects(Member Rep, Member CoChair, Table Table, FiguresPeriod Year, IReadOnlyList<Table> AllTables)
    {
        /// <summary>The rep of the busiest table who also sits at a second table; that table's co-chair; the last twelve months.</summary>
        public static Subjects Pick(ProvinceWorld world, IServiceProvider services)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FocusBotDbContext>();
            var busiest = db.Situations.Where(s => s.Status == SituationStatus.Open || s.Status == SituationStatus.Active)
                .GroupBy(s => s.TableId).Select(g => new { g.Key, Count = g.Count() }).AsEnumerable().OrderByDescending(g => g.Count).First().Key;
            var table = world.Roster.Tables.Single(t => t.Id == busiest);
            var rep = world.Roster.Members.Where(m => m.Role == MemberRole.Rep && m.TableIds.Count > 1 && m.TableIds.Contains(busiest)).FirstOrDefault()
                ?? world.Roster.Members.First(m => m.Role == MemberRole.Rep && m.TableIds.Contains(busiest));
            return new Subjects(rep, world.CoChairOf(busiest), table, FiguresPeriod.LastTwelveMonths(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, table.TimeZone).Date)),
                world.Roster.Tables);
        }
    }

    private static List<Operation> Operations(Subjects s, int iterations, int heavy, int plan) =>
    [
        new("open situations (rep, page 1)", iterations,
            sp => OpenPageBeforeAsync(sp, s.Rep, agencyOnly: false),
            sp => OpenPageAfterAsync(sp, s.Rep, agencyOnly: false),
            sp => OpenPagePreviousAsync(sp, s.Rep, agencyOnly: false)),
        new("open situations (co-chair)", iterations,
            sp => OpenPageBeforeAsync(sp, s.CoChair, agencyOnly: false),
            sp => OpenPageAfterAsync(sp, s.CoChair, agencyOnly: false),
            sp => OpenPagePreviousAsync(sp, s.CoChair, agencyOnly: false)),
        new("my situations (rep, bot page 1)", iterations,
            sp => OpenPageBeforeAsync(sp, s.Rep, agencyOnly: true),
            sp => OpenPageAfterAsync(sp, s.Rep, agencyOnly: true),
            sp => OpenPagePreviousAsync(sp, s.Rep, agencyOnly: true)),
        new("my situations (rep, tab)", iterations,
            sp => sp.GetRequiredService<SituationListing>().OpenAsync(s.Rep, s.Rep.TableIds, agencyOnly: true, default),
            sp => sp.GetRequiredService<SituationListing>().OpenAsync(s.Rep, s.Rep.TableIds, agencyOnly: true, default)),
        new("figures (1 table, 1 year)", heavy,
            async sp => _ = TableFigures.Compute(await AllOfTableAsync(sp, s.Table), [s.Table], s.Year, Now),
            sp => sp.GetRequiredService<FigureReports>().ReportAsync([s.Table], s.Year, default),
            async sp => _ = TableFigures.Compute(await sp.GetRequiredService<ISituationStore>().ListAsync(new SituationQuery([s.Table.Id], CountedIn: s.Year), default),
                [s.Table], s.Year, Now)),
        new("dashboard (1 table, 1 year)", heavy,
            async sp => _ = DashboardFigures.Compute(await AllOfTableAsync(sp, s.Table), [s.Table], s.Year, Now),
            sp => sp.GetRequiredService<FigureReports>().DashboardAsync([s.Table], s.Year, default)),
        new("RTD export (1 table, 1 year)", heavy,
            sp => ExportBeforeAsync(sp, s, s.Year, TextWriter.Null),
            sp => ExportAfterAsync(sp, s, s.Year, TextWriter.Null)),
        new("reminder planning (all tables)", plan,
            sp => sp.GetRequiredService<ReminderPlanning>().PlanAllAsync(default),
            sp => sp.GetRequiredService<ReminderPlanning>().PlanAllAsync(default)),
    ];

    /// <summary>What `open situations` read before: every open situation of the member's tables with all its rows, then page 1.</summary>
    private static async Task<int> OpenPageBeforeAsync(IServiceProvider sp, Member member, bool agencyOnly)
    {
        var all = await sp.GetRequiredService<SituationListing>().OpenAsync(member, member.TableIds, agencyOnly, default);
        return all.Take(10).Count() + all.Count;
    }

    /// <summary>What it reads now: the count and page 1, ordered and paged in the database.</summary>
    private static async Task<int> OpenPageAfterAsync(IServiceProvider sp, Member member, bool agencyOnly)
    {
        var page = await sp.GetRequiredService<SituationListing>().OpenPageAsync(member, member.TableIds, agencyOnly, 1, 10, default);
        return page.Situations.Count + page.Total;
    }

    /// <summary>
    /// What the list read before its last change (26bc1bc): the ids of the whole list ordered in the database (one
    /// statement), then the page's situations with their rows (one statement per kind of row).
    /// </summary>
    private static async Task<int> OpenPagePreviousAsync(IServiceProvider sp, Member member, bool agencyOnly)
    {
        var db = sp.GetRequiredService<FocusBotDbContext>();
        var agencyId = agencyOnly ? member.AgencyId : null;
        var tableIds = member.TableIds.ToList();
        var utcNow = Now.ToUniversalTime();
        var open = db.Situations.AsNoTracking().Where(s => tableIds.Contains(s.TableId) && (s.Status == SituationStatus.Open || s.Status == SituationStatus.Active));
        if (agencyId is not null)
            open = open.Where(s => s.OriginatingAgencyId == agencyId
                || s.Assignments.Any(a => a.AgencyId == agencyId && (a.State == AssignmentState.Requested || a.State == AssignmentState.Accepted)));
        var ranked = open
            .Select(s => new
            {
                s.Id,
                s.Status,
                s.CreatedAt,
                Due = s.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.State != AssignmentState.Released).Select(a => a.UpdateDueAt).FirstOrDefault(),
                Posted = s.Updates.Any(u => u.IsFortyEightHourUpdate),
            })
            .Select(x => new { x.Id, x.Status, x.CreatedAt, x.Due, Overdue = x.Status == SituationStatus.Active && !x.Posted && x.Due != null && x.Due < utcNow })
            .OrderBy(x => x.Overdue ? 0 : x.Status == SituationStatus.Open ? 1 : 2)
            .ThenBy(x => x.Overdue ? x.Due : x.CreatedAt);
        var ordered = db.Database.IsNpgsql() ? ranked.ThenBy(x => EF.Functions.Collate(x.Id, "C")) : ranked.ThenBy(x => x.Id);
        var ids = await ordered.Select(x => x.Id).ToListAsync();
        var shown = ids.Take(10).ToList();
        var read = shown.Count == 0 ? [] : await sp.GetRequiredService<ISituationStore>().ListAsync(new SituationQuery(Ids: shown), default);
        return read.Count + ids.Count;
    }

    private static async Task<IReadOnlyList<Situation>> AllOfTableAsync(IServiceProvider sp, Table table) =>
        await sp.GetRequiredService<ISituationStore>().ListAsync(new SituationQuery([table.Id]), default);

    private static async Task ExportBeforeAsync(IServiceProvider sp, Subjects s, FiguresPeriod period, TextWriter writer)
    {
        var exported = await sp.GetRequiredService<ISituationStore>().ListAsync(new SituationQuery([s.Table.Id], [SituationStatus.Concluded, SituationStatus.NotAer]), default);
        var agencies = await sp.GetRequiredService<IRosterStore>().AgenciesAsync(default);
        await writer.WriteAsync(RtdExport.ToCsv(exported, [s.Table], agencies, period, sp.GetRequiredService<SituationCatalogue>()));
    }

    private static async Task ExportAfterAsync(IServiceProvider sp, Subjects s, FiguresPeriod period, TextWriter writer)
    {
        var agencies = await sp.GetRequiredService<IRosterStore>().AgenciesAsync(default);
        await RtdExport.WriteCsvAsync(writer, sp.GetRequiredService<ISituationStore>().ExportedAsync([s.Table.Id], period, default),
            [s.Table], agencies, period, sp.GetRequiredService<SituationCatalogue>(), header: null, french: false, default);
    }

    private sealed record Check(string Name, Func<IServiceProvider, Task<bool>> Same);

    private static IEnumerable<Check> Checks(Subjects s)
    {
        var decade = new FiguresPeriod(DateOnly.FromDateTime(Now.AddYears(-10).Date), DateOnly.FromDateTime(Now.Date).AddDays(1));
        var oldYear = new FiguresPeriod(new DateOnly(2021, 1, 1), new DateOnly(2022, 1, 1));
        foreach (var (label, period) in new[] { ("last 12 months", s.Year), ("2021", oldYear), ("ten years", decade) })
        {
            yield return new($"figures, {label}", async sp => Json(TableFigures.Compute(await AllOfTableAsync(sp, s.Table), [s.Table], period, Now))
                == Json(await sp.GetRequiredService<FigureReports>().ReportAsync([s.Table], period, default)));
            yield return new($"dashboard, {label}", async sp => Json(DashboardFigures.Compute(await AllOfTableAsync(sp, s.Table), [s.Table], period, Now))
                == Json(await sp.GetRequiredService<FigureReports>().DashboardAsync([s.Table], period, default)));
            yield return new($"RTD export, {label}", async sp =>
            {
                var before = new StringWriter();
                var after = new StringWriter();
                await Scoped(sp, p => ExportBeforeAsync(p, s, period, before));
                await Scoped(sp, p => ExportAfterAsync(p, s, period, after));
                return before.ToString() == after.ToString() && before.ToString().Split("\r\n").Length > 2;
            });
        }
        foreach (var (label, member, mine) in new[] { ("rep", s.Rep, false), ("co-chair", s.CoChair, false), ("rep, mine", s.Rep, true) })
            yield return new($"open situations, {label}, all pages", async sp =>
            {
                var all = await OpenAsync(sp, member, mine);
                var paged = new List<Situation>();
                for (var page = 1; page <= all.Count / 10 + 1; page++)
                {
                    var shown = await sp.GetRequiredService<SituationListing>().OpenPageAsync(member, member.TableIds, mine, page, 10, default);
                    if (shown.Total != all.Count) return false;
                    paged.AddRange(shown.Situations);
                }
                Console.Write($"({all.Count} open) ");
                return Ids(all) == Ids(paged);
            });
    }

    private static async Task<IReadOnlyList<Situation>> OpenAsync(IServiceProvider sp, Member member, bool agencyOnly) =>
        await sp.GetRequiredService<SituationListing>().OpenAsync(member, member.TableIds, agencyOnly, default);

    private static string Ids(IEnumerable<Situation> list) => string.Join(",", list.Select(x => x.Id));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static async Task Scoped(IServiceProvider services, Func<IServiceProvider, Task> use)
    {
        await using var scope = services.CreateAsyncScope();
        await use(scope.ServiceProvider);
    }

    private static async Task<(int Rows, double AllocatedMb, double PeakGrowthMb, double Ms)> ExportMemoryAsync(IServiceProvider services, Subjects s,
        FiguresPeriod period, bool after)
    {
        var counter = new LineCounter();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try { await Task.Delay(1, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var clock = Stopwatch.StartNew();
        await Scoped(services, sp => after ? ExportAfterAsync(sp, s, period, counter) : ExportBeforeAsync(sp, s, period, counter));
        var ms = clock.Elapsed.TotalMilliseconds;
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        stop.Cancel();
        await sampler;
        return (counter.Lines - 1, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0, (peak - baseline) / 1048576.0, ms);
    }

    /// <summary>Counts the CSV's lines and keeps nothing.</summary>
    private sealed class LineCounter : TextWriter
    {
        public int Lines { get; private set; }
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void Write(char value) { if (value == '\n') Lines++; }
        public override void Write(string? value) { foreach (var c in value ?? "") Write(c); }
        public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }
        public override Task WriteAsync(System.Text.StringBuilder? value, CancellationToken cancellationToken = default)
        {
            if (value is not null) foreach (var chunk in value.GetChunks()) foreach (var c in chunk.Span) Write(c);
            return Task.CompletedTask;
        }
    }

    private static async Task<double> Once(IServiceProvider services, Func<IServiceProvider, Task> op)
    {
        await using var scope = services.CreateAsyncScope();
        var started = Stopwatch.GetTimestamp();
        await op(scope.ServiceProvider);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static (double P50, double P99, double Mean) Stats(List<double> times)
    {
        var sorted = times.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return (At(0.5), At(0.99), sorted.Average());
    }

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static ServiceProvider Services(ProvinceDatabase database, Explainer explainer)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider == "postgres" ? "Postgres" : "Sqlite",
            ["ConnectionStrings:FocusBot"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddFocusBotData();
        services.ConfigureDbContext<SqliteFocusBotDbContext>(o => o.AddInterceptors(explainer));
        services.ConfigureDbContext<PostgresFocusBotDbContext>(o => o.AddInterceptors(explainer));
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddSingleton<SituationCatalogue>();
        services.AddScoped<SituationListing>();
        services.AddScoped<FigureReports>();
        services.AddSingleton(new ReminderOptions());
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<IMeetingCalendar, RosterScheduleCalendar>();
        services.AddScoped<ReminderPlanning>();
        return services.BuildServiceProvider();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>While enabled, runs EXPLAIN (QUERY PLAN) of every query before it runs, with the same parameters.</summary>
    private sealed class Explainer : DbCommandInterceptor
    {
        private readonly List<(string Op, string Sql, List<string> Plan)> _plans = [];
        private string _op = "";
        public bool Enabled { get; set; }
        public void Begin(string op) => _op = op;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Enabled) _plans.Add((_op, command.CommandText, await ExplainAsync(command)));
            return result;
        }

        private static async Task<List<string>> ExplainAsync(DbCommand command)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
            var postgres = command is NpgsqlCommand;
            explain.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
            foreach (DbParameter p in command.Parameters)
            {
                if (p is NpgsqlParameter np) explain.Parameters.Add(np.Clone());
                else if (p is SqliteParameter sp) explain.Parameters.Add(new SqliteParameter(sp.ParameterName, sp.SqliteType) { Value = sp.Value, Size = sp.Size });
            }
            var plan = new List<string>();
            try
            {
                await using var reader = await explain.ExecuteReaderAsync();
                while (await reader.ReadAsync()) plan.Add(postgres ? reader.GetString(0) : reader.GetString(reader.FieldCount - 1));
            }
            catch (DbException e) { plan.Add("(explain failed: " + e.Message + ")"); }
            return plan;
        }

        public void Print()
        {
            foreach (var group in _plans.GroupBy(p => p.Op))
            {
                Console.WriteLine($"\n[{group.Key}] {group.Count()} queries");
                foreach (var (_, sql, plan) in group.Take(12))
                {
                    Console.WriteLine("  sql: " + string.Join(" ", sql.Split('\n').Select(l => l.Trim())).Truncate(400));
                    // A SQLite SCAN of a subquery's rows (a co-routine or materialized view EF's split queries make) reads no table.
                    var derived = plan.Select(l => l.Trim()).Where(l => l.StartsWith("CO-ROUTINE ") || l.StartsWith("MATERIALIZE "))
                        .Select(l => l.Split(' ')[1]).ToHashSet();
                    foreach (var line in plan)
                    {
                        var step = line.TrimStart(' ', '|', '-', '`');
                        var full = line.Contains("Seq Scan on ", StringComparison.Ordinal)
                            || (step.StartsWith("SCAN ", StringComparison.Ordinal) && !step.Contains("json_each") && !step.Contains("CONSTANT ROW")
                                && !step.Contains("VIRTUAL TABLE") && !derived.Contains(step.Split(' ')[1]));
                        Console.WriteLine($"    {(full ? "[FULL SCAN] " : "")}{line}");
                    }
                }
            }
        }
    }

    private static string Truncate(this string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

/// <summary>A throwaway database of one provider: a temp SQLite file, or a new database on the PostgreSQL server.</summary>
sealed class ProvinceDatabase : IAsyncDisposable
{
    private readonly string? _file;
    private readonly string? _admin;
    private readonly string? _name;
    private readonly bool _keep;

    private ProvinceDatabase(string provider, string connectionString, string description, string? file, string? admin, string? name, bool keep)
    {
        (Provider, ConnectionString, Description, _file, _admin, _name, _keep) = (provider, connectionString, description, file, admin, name, keep);
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public string Description { get; }

    public static async Task<ProvinceDatabase> CreateAsync(string provider, string postgresAdmin, bool keep)
    {
        if (provider == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"focusbot-province-{Guid.NewGuid():N}.db");
            return new(provider, $"Data Source={file};Default Timeout=30", file, file, null, null, keep);
        }
        if (provider != "postgres") throw new ArgumentException($"unknown provider {provider}");
        var name = $"focusbot_province_{Guid.NewGuid():N}"[..40];
        await using (var admin = new NpgsqlConnection(postgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name };
        return new(provider, builder.ConnectionString, $"database {name} on {builder.Host}:{builder.Port}", null, postgresAdmin, name, keep);
    }

    /// <summary>A database a run with <c>--keep</c> seeded: a SQLite file, or a database name on the PostgreSQL server. Never dropped.</summary>
    public static ProvinceDatabase Existing(string provider, string postgresAdmin, string fileOrName)
    {
        if (provider == "sqlite") return new(provider, $"Data Source={fileOrName};Default Timeout=30", fileOrName, null, null, null, keep: true);
        var builder = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = fileOrName };
        return new(provider, builder.ConnectionString, $"database {fileOrName} on {builder.Host}:{builder.Port}", null, null, null, keep: true);
    }

    public FocusBotDbContext CreateContext()
    {
        if (Provider == "postgres")
        {
            var postgres = new DbContextOptionsBuilder<PostgresFocusBotDbContext>();
            postgres.UsePostgres(ConnectionString);
            return new PostgresFocusBotDbContext(postgres.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteFocusBotDbContext>();
        sqlite.UseSqliteDatabase(ConnectionString);
        return new SqliteFocusBotDbContext(sqlite.Options);
    }

    /// <summary>Migrates to the last migration before ProvinceScale, or to the latest.</summary>
    public async Task MigrateToAsync(bool beforeProvinceScale)
    {
        await using var db = CreateContext();
        var all = db.Database.GetMigrations().ToList();
        var target = beforeProvinceScale ? all.Where(m => !m.EndsWith("_ProvinceScale", StringComparison.Ordinal)).Last() : all.Last();
        await db.GetService<IMigrator>().MigrateAsync(target);
        if (!beforeProvinceScale && db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"migrated to {target}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep) { Console.WriteLine($"kept: {ConnectionString}"); return; }
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) { try { File.Delete(f); } catch (IOException) { } }
        }
        if (_admin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_admin);
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }
}

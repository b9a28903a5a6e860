// `longrun` mode of the bench (issue 16, point 4): FocusBot and the stock echo bot driven side by side, each at the
// same steady rate (open loop: turns are sent on a fixed schedule whether or not the last ones were answered), for a
// fixed time or number of turns, with a mix of `open situations`, `situation <id>`, the accept invoke and the update
// submit. Every interval (10 s) it samples each host: RSS (anonymous and file-backed apart, /proc), CPU time, and the
// runtime's own counters (EventPipe, the System.Runtime EventCounters: GC heap size, gen-2 size, LOH, committed bytes,
// GC counts), and the latency of the turns answered in the interval. Every window (5 min) it gives p50/p99 and CPU ms
// per turn. The summary compares the first and the last window, and FocusBot's RSS with the echo bot's.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

static class LongRunBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Options(List<string> Bots, Dictionary<string, Dictionary<string, string>> Env, double Rate, TimeSpan Duration, long MaxTurns, TimeSpan Warmup, TimeSpan Interval,
        TimeSpan Window, int Conversations, int Situations, Dictionary<string, int> Mix, int MaxInFlight, bool Worker, string Csv)
    {
        public static Options Parse(string[] args)
        {
            var o = new Options(["focus", "echo"], [], 20, TimeSpan.FromMinutes(30), 1_000_000, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10),
                TimeSpan.FromMinutes(5), 32, 60, new() { ["open"] = 45, ["situation"] = 45, ["accept"] = 8, ["update"] = 2 }, 128, true,
                "bench/results/longrun.csv");
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => args[++i];
                o = args[i] switch
                {
                    "--bots" => o with { Bots = [.. Next().Split(',')] },
                    // --env A:NAME=VALUE: extra environment for the first bot of --bots (B the second, ...)
                    "--env" => o with { Env = WithEnv(o.Env, Next()) },
                    "--rate" => o with { Rate = double.Parse(Next(), Inv) },
                    "--minutes" => o with { Duration = TimeSpan.FromMinutes(double.Parse(Next(), Inv)) },
                    "--max-turns" => o with { MaxTurns = long.Parse(Next(), Inv) },
                    "--warmup" => o with { Warmup = TimeSpan.FromSeconds(double.Parse(Next(), Inv)) },
                    "--interval" => o with { Interval = TimeSpan.FromSeconds(double.Parse(Next(), Inv)) },
                    "--window" => o with { Window = TimeSpan.FromSeconds(double.Parse(Next(), Inv)) },
                    "-c" or "--conversations" => o with { Conversations = int.Parse(Next(), Inv) },
                    "--situations" => o with { Situations = int.Parse(Next(), Inv) },
                    "--mix" => o with { Mix = ParseMix(Next()) },
                    "--max-in-flight" => o with { MaxInFlight = int.Parse(Next(), Inv) },
                    "--worker" => o with { Worker = Next() != "off" },
                    "--csv" => o with { Csv = Next() },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            if (o.Mix.Keys.Except(PairBench.AllScenarios).FirstOrDefault() is { } unknown) throw new ArgumentException($"unknown scenario {unknown}");
            return o;
        }

        private static Dictionary<string, Dictionary<string, string>> WithEnv(Dictionary<string, Dictionary<string, string>> env, string spec)
        {
            var (side, kv) = (spec[..spec.IndexOf(':')], spec[(spec.IndexOf(':') + 1)..]);
            if (!env.TryGetValue(side, out var vars)) env[side] = vars = [];
            vars[kv[..kv.IndexOf('=')]] = kv[(kv.IndexOf('=') + 1)..];
            return env;
        }

        private static Dictionary<string, int> ParseMix(string spec) =>
            spec.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], Inv));
    }

    /// <summary>One 10-second sample of one host.</summary>
    private sealed record Sample(string Bot, double T, bool Measured, long Turns, long Errors, long Skipped, int InFlight, double P50, double P99,
        double RssMb, double RssAnonMb, double RssFileMb, double CpuS, double GcHeapMb, double Gen2Mb, double LohMb, double CommittedMb,
        double Gen2Gcs, double Load1)
    {
        public const string CsvHeader = "bot,elapsed_s,measured,turns_total,errors_total,skipped_total,in_flight,p50_ms,p99_ms,rss_mb,rss_anon_mb,rss_file_mb,host_cpu_s,gc_heap_mb,gen2_mb,loh_mb,gc_committed_mb,gen2_gcs_total,loadavg1";
        public string Csv() => string.Create(Inv,
            $"{Bot},{T:0.0},{(Measured ? 1 : 0)},{Turns},{Errors},{Skipped},{InFlight},{P50:0.0},{P99:0.0},{RssMb:0.0},{RssAnonMb:0.0},{RssFileMb:0.0},{CpuS:0.00},{GcHeapMb:0.0},{Gen2Mb:0.0},{LohMb:0.0},{CommittedMb:0.0},{Gen2Gcs:0},{Load1:0.00}");
        public string Format() => string.Create(Inv,
            $"{Bot,-6} {T,6:0} {Turns,8} {Errors,5} {Skipped,6} {InFlight,4} {P50,7:0.0} {P99,8:0.0} {RssMb,7:0.0} {RssAnonMb,7:0.0} {GcHeapMb,7:0.0} {Gen2Mb,7:0.0} {LohMb,6:0.0} {CommittedMb,7:0.0} {Gen2Gcs,5:0} {CpuS,7:0.0} {Load1,6:0.00}");
        public const string Header = "bot         t    turns   err  skip  fly     p50      p99     RSS    anon    heap    gen2    LOH  commit  gen2#   CPU s  load1";
    }

    /// <summary>A bot under load: its process, its open-loop sender and what it measured.</summary>
    private sealed class Target(string name, HostProcess host, Func<long, StringContent> next, int maxInFlight)
    {
        public string Name { get; } = name;
        public HostProcess Host { get; } = host;
        public RuntimeCounters? Counters { get; set; }
        public List<Sample> Samples { get; } = [];
        private long _turns, _errors, _skipped;
        private int _inFlight;
        private ConcurrentQueue<double> _interval = new();
        private ConcurrentQueue<double> _window = new();
        public long Turns => Interlocked.Read(ref _turns);
        public long Errors => Interlocked.Read(ref _errors);
        public long Skipped => Interlocked.Read(ref _skipped);
        public int InFlight => Volatile.Read(ref _inFlight);
        public double[] TakeInterval() => Sorted(Interlocked.Exchange(ref _interval, new()));
        public double[] TakeWindow() => Sorted(Interlocked.Exchange(ref _window, new()));
        private static double[] Sorted(ConcurrentQueue<double> q) { var a = q.ToArray(); Array.Sort(a); return a; }

        /// <summary>
        /// Sends turn n at start + n / rate until <paramref name="until"/> or <paramref name="maxTurns"/>; a turn whose
        /// time comes while <c>maxInFlight</c> are unanswered is skipped (counted), so that a stalled host is not buried.
        /// Latency runs from the turn's scheduled time, so that a late send is not hidden.
        /// </summary>
        public async Task RunAsync(double rate, Stopwatch clock, TimeSpan until, long firstTurn, long maxTurns, CancellationToken stop)
        {
            var start = clock.Elapsed;
            var sends = new List<Task>();
            for (var n = 0L; firstTurn + n < maxTurns && !stop.IsCancellationRequested; n++)
            {
                var due = start + TimeSpan.FromSeconds(n / rate);
                if (due >= until) break;
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, CancellationToken.None);
                if (Volatile.Read(ref _inFlight) >= maxInFlight) { Interlocked.Increment(ref _skipped); continue; }
                Interlocked.Increment(ref _inFlight);
                sends.Add(SendAsync(next(firstTurn + n), clock, due));
                if (sends.Count > 4096) sends.RemoveAll(t => t.IsCompleted);
            }
            await Task.WhenAll(sends);
        }

        private async Task SendAsync(StringContent activity, Stopwatch clock, TimeSpan due)
        {
            try
            {
                using var answer = await Host.Http.PostAsync("/api/messages", activity);
                await answer.Content.LoadIntoBufferAsync();
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref _turns);
                    var ms = (clock.Elapsed - due).TotalMilliseconds;
                    _interval.Enqueue(ms);
                    _window.Enqueue(ms);
                }
                else Interlocked.Increment(ref _errors);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { Interlocked.Increment(ref _errors); }
            finally { Interlocked.Decrement(ref _inFlight); }
        }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var o = Options.Parse(args);
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "FocusBot.sln"))) { Directory.SetCurrentDirectory(folder.FullName); break; }

        var sides = o.Bots.Select((spec, i) => PairBench.Parse(spec, $"{(char)('A' + i)}")).ToList();
        await using var connector = await ConnectorStandIn.StartAsync();
        var work = Directory.CreateTempSubdirectory("focusbot-longrun-").FullName;
        var mix = MixSlots(o.Mix);
        var targets = new List<Target>();
        try
        {
            foreach (var side in sides)
            {
                var seed = side.Kind == "focus" ? await PairBench.SeedAsync(side, connector, o.Conversations, o.Situations, work) : null;
                var dir = Path.Combine(work, $"run-{side.Name}");
                Directory.CreateDirectory(dir);
                var db = Path.Combine(dir, "focusbot.db");
                if (seed is not null)
                    foreach (var file in Directory.GetFiles(seed.DbFiles, "focusbot.db*")) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
                var env = PairBench.HostEnv(db);
                // The worker delivers what the decisions cause (card refreshes, notices) to the connector stand-in, as in service.
                env["Reminders__Enabled"] = o.Worker ? "true" : "false";
                foreach (var (k, v) in o.Env.GetValueOrDefault(side.Name) ?? []) env[k] = v;
                var host = await HostProcess.StartServingAsync(side.Dll, env, Path.Combine(dir, "host.log"));
                var ids = seed?.SituationIds ?? ["DM-2026-0001"];
                for (var i = 0; i < o.Conversations; i++) connector.AddUser(PairBench.UserOf(i), PairBench.EmailOf(i));
                var name = sides.Count(s => s.Kind == side.Kind) > 1 ? $"{side.Kind}{side.Name}" : side.Kind;
                targets.Add(new Target(name, host, n => Activity(mix[(int)(n % mix.Length)], n, o.Conversations, ids, connector.ServiceUrl), o.MaxInFlight));
                Console.WriteLine($"{name}: pid {host.Pid} ({side.Dll}{string.Concat((o.Env.GetValueOrDefault(side.Name) ?? []).Select(kv => $", {kv.Key}={kv.Value}"))}); work {dir}");
            }
            foreach (var t in targets) t.Counters = RuntimeCounters.Start(t.Host.Pid, o.Interval);

            var perBotMax = o.MaxTurns;
            var total = o.Warmup + o.Duration;
            Console.WriteLine(string.Create(Inv,
                $"longrun: {string.Join(" and ", targets.Select(t => t.Name))} side by side, {o.Rate:0.#} turns/s each (open loop), warm-up {o.Warmup.TotalSeconds:0} s, measured {o.Duration.TotalMinutes:0.#} min (at most {perBotMax} turns each), mix {string.Join(",", o.Mix.Select(m => $"{m.Key}={m.Value}"))}, {o.Conversations} chats, worker {(o.Worker ? "on" : "off")}; load average {PairBench.LoadAverage()}"));
            Console.WriteLine(Sample.Header);

            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var cpu0 = targets.ToDictionary(t => t.Name, t => ProcStats.CpuSeconds(t.Host.Pid));
            var load = targets.Select(t => Task.Run(() => t.RunAsync(o.Rate, clock, total, 0, perBotMax, stop.Token))).ToArray();
            var windows = targets.ToDictionary(t => t.Name, _ => new List<WindowFigures>());
            var windowStart = o.Warmup;
            var windowCpu = new Dictionary<string, double>();
            var windowTurns = new Dictionary<string, long>();
            var next = o.Interval;
            var measuring = false;
            while (!load.All(l => l.IsCompleted))
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.WhenAny(Task.WhenAll(load), Task.Delay(wait));
                if (clock.Elapsed < next && !load.All(l => l.IsCompleted)) continue;
                next += o.Interval;
                var t = clock.Elapsed;
                if (!measuring && t >= o.Warmup)
                {
                    // The warm-up's latencies are not in any window.
                    measuring = true;
                    foreach (var target in targets)
                    {
                        target.TakeWindow();
                        windowCpu[target.Name] = ProcStats.CpuSeconds(target.Host.Pid);
                        windowTurns[target.Name] = target.Turns;
                    }
                    windowStart = t;
                }
                foreach (var target in targets)
                {
                    var lat = target.TakeInterval();
                    var c = target.Counters!;
                    var rss = RssKb(target.Host.Pid);
                    var sample = new Sample(target.Name, t.TotalSeconds, measuring, target.Turns, target.Errors, target.Skipped, target.InFlight,
                        Percentile(lat, 0.50), Percentile(lat, 0.99), rss.Total / 1024, rss.Anon / 1024, rss.File / 1024,
                        ProcStats.CpuSeconds(target.Host.Pid) - cpu0[target.Name], c.Get("gc-heap-size"), c.Get("gen-2-size") / 1048576,
                        c.Get("loh-size") / 1048576, c.Get("gc-committed"), c.Total("gen-2-gc-count"), PairBench.LoadAverage());
                    target.Samples.Add(sample);
                    Console.WriteLine(sample.Format());
                }
                if (measuring && (t - windowStart >= o.Window - TimeSpan.FromSeconds(1) || load.All(l => l.IsCompleted) && t - windowStart >= o.Interval))
                {
                    foreach (var target in targets)
                    {
                        var lat = target.TakeWindow();
                        var cpu = ProcStats.CpuSeconds(target.Host.Pid);
                        var turns = target.Turns - windowTurns[target.Name];
                        var w = new WindowFigures(windowStart.TotalSeconds - o.Warmup.TotalSeconds, t.TotalSeconds - o.Warmup.TotalSeconds, turns,
                            turns / (t - windowStart).TotalSeconds, Percentile(lat, 0.50), Percentile(lat, 0.99), Percentile(lat, 0.999),
                            turns == 0 ? 0 : (cpu - windowCpu[target.Name]) * 1000 / turns, target.Samples[^1].RssMb, target.Samples[^1].Gen2Mb);
                        windows[target.Name].Add(w);
                        Console.WriteLine(string.Create(Inv,
                            $"  window {target.Name,-6} {w.From / 60,5:0.0}–{w.To / 60,5:0.0} min: {w.Turns} turns ({w.TurnsPerS:0.0}/s), p50 {w.P50:0.0} ms, p99 {w.P99:0.0} ms, p99.9 {w.P999:0.0} ms, CPU {w.CpuMsPerTurn:0.00} ms/turn, RSS {w.RssMb:0.0} MB, gen2 {w.Gen2Mb:0.0} MB"));
                        windowCpu[target.Name] = cpu;
                        windowTurns[target.Name] = target.Turns;
                    }
                    windowStart = t;
                }
            }
            await Task.WhenAll(load);

            var csv = Path.GetFullPath(o.Csv);
            Directory.CreateDirectory(Path.GetDirectoryName(csv)!);
            await File.WriteAllLinesAsync(csv, [Sample.CsvHeader, .. targets.SelectMany(t => t.Samples).Select(s => s.Csv())]);

            Console.WriteLine();
            Console.WriteLine($"summary (load average at the end {PairBench.LoadAverage()}); start = the first sample after the warm-up");
            foreach (var target in targets)
            {
                var measured = target.Samples.Where(s => s.Measured).ToList();
                if (measured.Count == 0) continue;
                var (first, last) = (measured[0], measured[^1]);
                var half = measured.Skip(measured.Count / 2).ToList();
                var ws = windows[target.Name];
                var db = Directory.GetFiles(Path.Combine(work, $"run-{sides[targets.IndexOf(target)].Name}"), "focusbot.db*").Sum(f => new FileInfo(f).Length) / 1048576.0;
                Console.WriteLine(string.Create(Inv,
                    $"{target.Name}: {target.Turns} turns answered, {target.Errors} errors, {target.Skipped} skipped (over {o.MaxInFlight} in flight); replies and cards posted to the stand-in so far {connector.Posted}"));
                Console.WriteLine(string.Create(Inv,
                    $"  RSS start {first.RssMb:0.0} MB (anon {first.RssAnonMb:0.0}), end {last.RssMb:0.0} MB (anon {last.RssAnonMb:0.0}), peak {measured.Max(s => s.RssMb):0.0} MB; slope {Slope(measured, s => s.RssMb):0.0} MB/h overall, {Slope(half, s => s.RssMb):0.0} MB/h over the second half"));
                Console.WriteLine(string.Create(Inv,
                    $"  gen-2 start {first.Gen2Mb:0.0} MB, end {last.Gen2Mb:0.0} MB, max {measured.Max(s => s.Gen2Mb):0.0} MB; slope {Slope(measured, s => s.Gen2Mb):0.0} MB/h overall, {Slope(half, s => s.Gen2Mb):0.0} MB/h over the second half; gen-2 GCs {last.Gen2Gcs - first.Gen2Gcs:0}"));
                Console.WriteLine(string.Create(Inv,
                    $"  GC heap start {first.GcHeapMb:0.0} MB, end {last.GcHeapMb:0.0} MB; committed start {first.CommittedMb:0.0} MB, end {last.CommittedMb:0.0} MB; LOH end {last.LohMb:0.0} MB; database files at the end {db:0.0} MB"));
                if (ws.Count > 0)
                    Console.WriteLine(string.Create(Inv,
                        $"  first window: p99 {ws[0].P99:0.0} ms, CPU {ws[0].CpuMsPerTurn:0.00} ms/turn; last window: p99 {ws[^1].P99:0.0} ms, CPU {ws[^1].CpuMsPerTurn:0.00} ms/turn (last/first p99 {ws[^1].P99 / Math.Max(0.001, ws[0].P99):0.00}x)"));
            }
            if (targets.FirstOrDefault(t => t.Name.StartsWith("focus")) is { } focus && targets.FirstOrDefault(t => t.Name.StartsWith("echo")) is { } echo
                && focus.Samples.Count > 0 && echo.Samples.Count > 0)
                Console.WriteLine(string.Create(Inv,
                    $"RSS at the end, FocusBot / echo bot: {focus.Samples[^1].RssMb / echo.Samples[^1].RssMb:0.00}x ({focus.Samples[^1].RssMb:0.0} / {echo.Samples[^1].RssMb:0.0} MB); growth from start to end {focus.Samples[^1].RssMb - focus.Samples.First(s => s.Measured).RssMb:+0.0;-0.0} MB / {echo.Samples[^1].RssMb - echo.Samples.First(s => s.Measured).RssMb:+0.0;-0.0} MB"));
            Console.WriteLine($"csv: {csv}; work dir {work}");
            return targets.All(t => t.Errors == 0) ? 0 : 1;
        }
        finally
        {
            foreach (var t in targets)
            {
                t.Counters?.Dispose();
                await t.Host.DisposeAsync();
            }
        }
    }

    private sealed record WindowFigures(double From, double To, long Turns, double TurnsPerS, double P50, double P99, double P999,
        double CpuMsPerTurn, double RssMb, double Gen2Mb);

    /// <summary>The scenario of each turn: the mix's weights spread over 100 slots in a fixed shuffled order.</summary>
    private static string[] MixSlots(Dictionary<string, int> mix)
    {
        var slots = mix.SelectMany(m => Enumerable.Repeat(m.Key, m.Value)).ToArray();
        new Random(16).Shuffle(slots);
        return slots;
    }

    private static StringContent Activity(string scenario, long n, int conversations, List<string> ids, string serviceUrl)
    {
        var conversation = (int)(n % conversations);
        var (user, chat) = (PairBench.UserOf(conversation), PairBench.ConversationOf(conversation));
        var id = ids[(int)((n / conversations + n) % ids.Count)];
        return scenario switch
        {
            "open" => PairBench.Message(user, chat, "open situations", serviceUrl),
            "situation" => PairBench.Message(user, chat, $"situation {id}", serviceUrl),
            "accept" => PairBench.Invoke(user, chat, "situation.accept", new JsonObject { ["situationId"] = id, ["agencyId"] = "northside-mh" }, serviceUrl),
            _ => PairBench.Invoke(user, chat, "situation.postUpdate", new JsonObject
            {
                ["situationId"] = id, ["kind"] = "contacted", ["note"] = "Synthetic bench note.", ["nextStep"] = "Meet again.",
                ["submissionId"] = Guid.NewGuid().ToString(),
            }, serviceUrl),
        };
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>The process's resident set from /proc (kB): in all, anonymous (heaps, JIT code) and file-backed (mapped assemblies).</summary>
    private static (double Total, double Anon, double File) RssKb(int pid)
    {
        double total = 0, anon = 0, file = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            double Kb() => double.Parse(line[(line.IndexOf(':') + 1)..].Trim().Split(' ')[0], Inv);
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) total = Kb();
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anon = Kb();
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) file = Kb();
        }
        return (total, anon, file);
    }

    /// <summary>Least-squares slope of a sampled value, per hour.</summary>
    private static double Slope(List<Sample> samples, Func<Sample, double> value)
    {
        if (samples.Count < 2) return 0;
        var mt = samples.Average(s => s.T); var mv = samples.Average(value);
        var num = samples.Sum(s => (s.T - mt) * (value(s) - mv)); var den = samples.Sum(s => (s.T - mt) * (s.T - mt));
        return den == 0 ? 0 : num / den * 3600;
    }
}

/// <summary>
/// The System.Runtime EventCounters of another .NET process (EventPipe): the latest value of each gauge, the running
/// total of each counter (GC counts).
/// </summary>
sealed class RuntimeCounters : IDisposable
{
    private readonly EventPipeSession _session;
    private readonly ConcurrentDictionary<string, double> _latest = new();
    private readonly ConcurrentDictionary<string, double> _totals = new();

    private RuntimeCounters(int pid, TimeSpan interval)
    {
        _session = new DiagnosticsClient(pid).StartEventPipeSession(
            [new EventPipeProvider("System.Runtime", EventLevel.Informational, 0,
                new Dictionary<string, string> { ["EventCounterIntervalSec"] = interval.TotalSeconds.ToString(CultureInfo.InvariantCulture) })],
            requestRundown: false);
        var source = new EventPipeEventSource(_session.EventStream);
        source.Dynamic.All += e =>
        {
            if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer
                || outer["Payload"] is not IDictionary<string, object> payload) return;
            var name = (string)payload["Name"];
            if (payload.TryGetValue("Increment", out var increment))
            {
                var v = Convert.ToDouble(increment, CultureInfo.InvariantCulture);
                _latest[name] = v;
                _totals.AddOrUpdate(name, v, (_, total) => total + v);
            }
            else if (payload.TryGetValue("Mean", out var mean)) _latest[name] = Convert.ToDouble(mean, CultureInfo.InvariantCulture);
        };
        _ = Task.Run(() => { try { source.Process(); } catch (Exception) { } });
    }

    public static RuntimeCounters Start(int pid, TimeSpan interval) => new(pid, interval);

    /// <summary>The latest value (MB for gc-heap-size and gc-committed, bytes for the generation sizes), 0 before the first.</summary>
    public double Get(string name) => _latest.GetValueOrDefault(name);

    /// <summary>The sum of a counter's increments since the session started.</summary>
    public double Total(string name) => _totals.GetValueOrDefault(name);

    public void Dispose()
    {
        try { _session.Stop(); } catch (Exception) { }
        _session.Dispose();
    }
}

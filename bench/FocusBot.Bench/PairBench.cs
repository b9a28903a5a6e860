// `pair` mode of the bench (issue 16): two bots driven alternately (A B A B ..., fresh processes each time) with the
// same closed-loop load, per scenario, so that the figures are ratios measured under the same machine load. A side is
// `echo` (bench/EchoBaseline: the stock Bot Framework echo bot) or `focus` (the FocusBot host), optionally with
// `=<path to the dll>` to compare two builds (before/after a change). `--a echo --b echo` is the A/A run: its ratios show
// the noise. Per leg: host CPU ms per turn (/proc utime+stime), p50/p99 latency, turns/s, RSS at the end, and the JIT
// compilations per turn (EventPipe, MethodLoadVerbose: every method the JIT compiled, dynamic methods counted apart).
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

static partial class PairBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public static readonly string[] AllScenarios = ["open", "situation", "accept", "update"];

    public sealed record Side(string Name, string Kind, string Dll);

    public sealed record Leg(int Round, string Scenario, string Side, long Turns, long Errors, double Seconds, double CpuMsPerTurn,
        double P50, double P99, double TurnsPerS, double RssMb, double JitPerTurn, double DynamicPerTurn, double Load1)
    {
        public const string CsvHeader = "round,scenario,side,turns,errors,seconds,cpu_ms_per_turn,p50_ms,p99_ms,turns_per_s,rss_mb,jit_per_turn,dynamic_methods_per_turn,loadavg1";
        public string Csv() => string.Create(Inv,
            $"{Round},{Scenario},{Side},{Turns},{Errors},{Seconds:0.0},{CpuMsPerTurn:0.000},{P50:0.0},{P99:0.0},{TurnsPerS:0.0},{RssMb:0.0},{JitPerTurn:0.000},{DynamicPerTurn:0.000},{Load1:0.00}");
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var a = "echo"; var b = "focus";
        var rounds = 3; var seconds = 15.0; var warmup = 5.0; var conversations = 32; var situations = 60;
        var scenarios = AllScenarios.ToList();
        var csv = "bench/results/pair.csv";
        var jit = true;
        string? traceDir = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            switch (args[i])
            {
                case "--a": a = Next(); break;
                case "--b": b = Next(); break;
                case "--rounds": rounds = int.Parse(Next(), Inv); break;
                case "--seconds": seconds = double.Parse(Next(), Inv); break;
                case "--warmup": warmup = double.Parse(Next(), Inv); break;
                case "-c" or "--conversations": conversations = int.Parse(Next(), Inv); break;
                case "--situations": situations = int.Parse(Next(), Inv); break;
                case "--scenarios": scenarios = [.. Next().Split(',')]; break;
                case "--csv": csv = Next(); break;
                case "--no-jit": jit = false; break;
                case "--trace-dir": traceDir = Path.GetFullPath(Next()); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (scenarios.Except(AllScenarios).FirstOrDefault() is { } unknown) throw new ArgumentException($"unknown scenario {unknown}");
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "FocusBot.sln"))) { Directory.SetCurrentDirectory(folder.FullName); break; }

        var sideA = Parse(a, "A"); var sideB = Parse(b, "B");
        await using var connector = await ConnectorStandIn.StartAsync();
        using var work = new WorkDir();
        work.Failed = true;
        var seeds = new Dictionary<string, Seed>();
        foreach (var side in new[] { sideA, sideB }.Where(s => s.Kind == "focus"))
            seeds[side.Name] = await SeedAsync(side, connector, conversations, situations, work.Path);

        Console.WriteLine(string.Create(Inv, $"pair: A = {sideA.Kind} ({sideA.Dll}), B = {sideB.Kind} ({sideB.Dll}); {rounds} rounds, {conversations} conversations, warm-up {warmup:0} s, measured {seconds:0} s per leg; load average {LoadAverage()}"));
        Console.WriteLine("round scenario   side  turns  err  CPU ms/turn  p50 ms  p99 ms  turns/s  RSS MB  JIT/turn  dyn/turn  load1");
        var legs = new List<Leg>();
        for (var round = 1; round <= rounds; round++)
            foreach (var scenario in scenarios)
                foreach (var side in new[] { sideA, sideB })
                {
                    var trace = traceDir is null || round > 1 ? null : Path.Combine(traceDir, $"{scenario}-{side.Name}-{side.Kind}.nettrace");
                    var leg = await RunLegAsync(round, scenario, side, seeds.GetValueOrDefault(side.Name), connector, conversations,
                        TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), jit, work.Path, trace);
                    legs.Add(leg);
                    Console.WriteLine(string.Create(Inv,
                        $"{leg.Round,5} {leg.Scenario,-10} {leg.Side,4} {leg.Turns,6} {leg.Errors,4} {leg.CpuMsPerTurn,12:0.00} {leg.P50,7:0.0} {leg.P99,7:0.0} {leg.TurnsPerS,8:0.0} {leg.RssMb,7:0.0} {leg.JitPerTurn,9:0.000} {leg.DynamicPerTurn,9:0.000} {leg.Load1,6:0.00}"));
                }

        work.Failed = false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(csv))!);
        await File.WriteAllLinesAsync(csv, [Leg.CsvHeader, .. legs.Select(l => l.Csv())]);
        Console.WriteLine();
        Console.WriteLine($"B/A: median of the per-round ratios [lowest–highest round]; load average at the end {LoadAverage()}");
        Console.WriteLine("scenario     CPU ms/turn          p50                  p99                  turns/s              RSS                  JIT/turn A → B");
        foreach (var scenario in scenarios)
        {
            var pairs = Enumerable.Range(1, rounds).Select(r => (A: legs.Single(l => l.Round == r && l.Scenario == scenario && l.Side == "A"),
                B: legs.Single(l => l.Round == r && l.Scenario == scenario && l.Side == "B"))).ToList();
            string Ratio(Func<Leg, double> metric)
            {
                var ratios = pairs.Select(p => metric(p.B) / Math.Max(1e-9, metric(p.A))).OrderBy(x => x).ToList();
                return string.Create(Inv, $"{Median(ratios),5:0.00}x [{ratios[0]:0.00}–{ratios[^1]:0.00}]");
            }
            var jitA = Median([.. pairs.Select(p => p.A.JitPerTurn)]); var jitB = Median([.. pairs.Select(p => p.B.JitPerTurn)]);
            Console.WriteLine(string.Create(Inv,
                $"{scenario,-12} {Ratio(l => l.CpuMsPerTurn),-20} {Ratio(l => l.P50),-20} {Ratio(l => l.P99),-20} {Ratio(l => l.TurnsPerS),-20} {Ratio(l => l.RssMb),-20} {jitA:0.000} → {jitB:0.000}"));
        }
        Console.WriteLine($"csv: {Path.GetFullPath(csv)}");
        return legs.All(l => l.Errors == 0) ? 0 : 1;
    }

    internal static Side Parse(string spec, string name)
    {
        var at = spec.IndexOf('=');
        var kind = at < 0 ? spec : spec[..at];
        var dll = at >= 0 ? spec[(at + 1)..] : kind switch
        {
            "echo" => "bench/EchoBaseline/bin/Release/net10.0/EchoBaseline.dll",
            "focus" => "src/FocusBot/bin/Release/net10.0/FocusBot.dll",
            _ => throw new ArgumentException($"a side is echo or focus (optionally =<dll>), not {spec}"),
        };
        dll = Path.GetFullPath(dll);
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build it first in Release: {dll}");
        return new Side(name, kind, dll);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], Inv);

    /// <summary>A FocusBot database made once per side and copied for each leg: the roster and the situations it asks about.</summary>
    internal sealed record Seed(string DbFiles, List<string> SituationIds);

    internal static Dictionary<string, string> HostEnv(string db) => new()
    {
        ["ConnectionStrings__FocusBot"] = $"Data Source={db}",
        ["Reminders__Enabled"] = "false",
        ["MicrosoftAppId"] = "",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = "Warning",
        ["RateLimits__MessagesPerMinute"] = "10000000",
        ["RateLimits__MessagesBurst"] = "10000000",
    };

    /// <summary>
    /// The sample roster plus one northside-mh rep per conversation; the demo table's co-chair records
    /// <paramref name="situations"/> situations led by northside-mh and the first rep accepts each as lead (so that
    /// updates can be posted).
    /// </summary>
    internal static async Task<Seed> SeedAsync(Side side, ConnectorStandIn connector, int conversations, int situations, string work)
    {
        var dir = Path.Combine(work, $"seed-{side.Name}");
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "focusbot.db");
        var roster = JsonNode.Parse(File.ReadAllText("samples/roster.json"))!.AsObject();
        var members = roster["members"]!.AsArray();
        for (var i = 0; i < conversations; i++)
            members.Add(new JsonObject { ["email"] = EmailOf(i), ["agency"] = "northside-mh", ["tables"] = new JsonArray("demo"), ["role"] = "rep" });
        File.WriteAllText(Path.Combine(dir, "roster.json"), roster.ToJsonString());
        var env = HostEnv(db);
        using (var import = HostProcess.Start(side.Dll, ["import-roster", Path.Combine(dir, "roster.json")], env, Path.Combine(dir, "import.log")))
        {
            await import.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);
            if (import.ExitCode != 0) throw new InvalidOperationException($"import-roster failed: {File.ReadAllText(Path.Combine(dir, "import.log"))}");
        }
        await using var host = await HostProcess.StartServingAsync(side.Dll, env, Path.Combine(dir, "host.log"));
        connector.AddUser("29:bench-chair", "chair.demo@city.example");
        for (var i = 0; i < conversations; i++) connector.AddUser(UserOf(i), EmailOf(i));
        var ids = new List<string>();
        for (var n = 0; n < situations; n++)
        {
            var record = Invoke("29:bench-chair", "a:bench-chair", "situation.record", new JsonObject
            {
                ["table"] = "demo", ["type"] = "person", ["ageGroup"] = "18-24", ["gender"] = "female", ["riskFactors"] = "housing",
                ["summary"] = "Synthetic bench situation.", ["originatingAgency"] = "tps-99", ["aerMet"] = "true",
                ["leadAgency"] = "northside-mh", ["assistingAgencies"] = "harbour-housing", ["submissionId"] = Guid.NewGuid().ToString(),
            }, connector.ServiceUrl);
            var answer = await host.PostAsync(record);
            var id = SituationIdPattern().Match(answer).Value;
            if (id.Length == 0) throw new InvalidOperationException($"not recorded: {answer[..Math.Min(400, answer.Length)]}");
            ids.Add(id);
            var accept = Invoke(UserOf(0), ConversationOf(0), "situation.accept", new JsonObject { ["situationId"] = id, ["agencyId"] = "northside-mh" }, connector.ServiceUrl);
            await host.PostAsync(accept);
        }
        await host.DisposeAsync();
        return new Seed(dir, ids.Distinct().ToList());
    }

    private static async Task<Leg> RunLegAsync(int round, string scenario, Side side, Seed? seed, ConnectorStandIn connector,
        int conversations, TimeSpan warmup, TimeSpan measured, bool countJit, string work, string? trace)
    {
        var dir = Path.Combine(work, $"leg-{round}-{scenario}-{side.Name}");
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "focusbot.db");
        if (seed is not null)
            foreach (var file in Directory.GetFiles(seed.DbFiles, "focusbot.db*"))
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        var ids = seed?.SituationIds ?? ["DM-2026-0001"];
        await using var host = await HostProcess.StartServingAsync(side.Dll, HostEnv(db), Path.Combine(dir, "host.log"));
        for (var i = 0; i < conversations; i++) connector.AddUser(UserOf(i), EmailOf(i));

        StringContent Next(int conversation, int n)
        {
            var id = ids[(conversation + n) % ids.Count];
            var (user, chat) = (UserOf(conversation), ConversationOf(conversation));
            return scenario switch
            {
                "open" => Message(user, chat, "open situations", connector.ServiceUrl),
                "situation" => Message(user, chat, $"situation {id}", connector.ServiceUrl),
                "accept" => Invoke(user, chat, "situation.accept", new JsonObject { ["situationId"] = id, ["agencyId"] = "northside-mh" }, connector.ServiceUrl),
                _ => Invoke(user, chat, "situation.postUpdate", new JsonObject
                {
                    ["situationId"] = id, ["kind"] = "contacted", ["note"] = "Synthetic bench note.", ["nextStep"] = "Meet again.",
                    ["submissionId"] = Guid.NewGuid().ToString(),
                }, connector.ServiceUrl),
            };
        }

        await host.LoadAsync(conversations, warmup, Next, null);
        using var jit = countJit && trace is null ? JitCounter.Start(host.Pid) : null;
        // A sampled thread-time trace of the measured window (dotnet-trace, ~100 Hz; its own cost is in this leg's figures).
        using var tracer = trace is null ? null : Process.Start(new ProcessStartInfo(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace"),
            ["collect", "-p", host.Pid.ToString(Inv), "--profile", "dotnet-sampled-thread-time", "--duration", "00:" + TimeSpan.FromSeconds(measured.TotalSeconds).ToString(@"hh\:mm\:ss", Inv), "-o", trace])
            { RedirectStandardOutput = true, RedirectStandardError = true });
        var cpu0 = ProcStats.CpuSeconds(host.Pid);
        var latencies = new List<double>();
        var (turns, errors, elapsed) = await host.LoadAsync(conversations, measured, Next, latencies);
        var cpu = ProcStats.CpuSeconds(host.Pid) - cpu0;
        var rss = ProcStats.RssMb(host.Pid);
        var (methods, dynamic) = jit is null ? (0L, 0L) : await jit.StopAsync();
        if (tracer is not null) await tracer.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        latencies.Sort();
        var perTurn = Math.Max(1, turns);
        return new Leg(round, scenario, side.Name, turns, errors, elapsed, cpu * 1000 / perTurn,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), turns / elapsed, rss, (double)methods / perTurn, (double)dynamic / perTurn, LoadAverage());
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    public static string UserOf(int i) => $"29:bench-user-{i}";
    public static string ConversationOf(int i) => $"a:bench-conv-{i}";
    public static string EmailOf(int i) => $"bench.rep{i}@northside-mh.example";

    private static JsonObject Activity(string type, string user, string conversation, string serviceUrl) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = user, ["name"] = "Bench User" },
        ["recipient"] = new JsonObject { ["id"] = "28:focusbot", ["name"] = "FocusBot" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };

    public static StringContent Message(string user, string conversation, string text, string serviceUrl)
    {
        var activity = Activity("message", user, conversation, serviceUrl);
        activity["text"] = text;
        return new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
    }

    public static StringContent Invoke(string user, string conversation, string verb, JsonObject data, string serviceUrl)
    {
        var activity = Activity("invoke", user, conversation, serviceUrl);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "activity-1";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
    }

    [GeneratedRegex(@"DM-\d{4}-\d{4}")] private static partial Regex SituationIdPattern();

    private sealed class WorkDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("focusbot-pair-bench-").FullName;
        // Kept when the run failed (host logs in it), or when BENCH_KEEP is set.
        public void Dispose()
        {
            if (Environment.GetEnvironmentVariable("BENCH_KEEP") is null && !Failed) try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
            else Console.WriteLine($"work dir kept: {Path}");
        }
        public bool Failed { get; set; }
    }
}

/// <summary>One bot process on a free loopback port, and a closed-loop load against it.</summary>
sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;
    private HostProcess(Process process, HttpClient http) => (_process, _http) = (process, http);
    public int Pid => _process.Id;
    /// <summary>The client bound to this host's address (the long run's open-loop load sends through it).</summary>
    public HttpClient Http => _http;

    public static Process Start(string dll, string[] args, Dictionary<string, string> env, string logPath)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.WorkingDirectory = Path.GetDirectoryName(dll)!;
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = Process.Start(psi)!;
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var gate = new object();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) log.WriteLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) log.WriteLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    public static async Task<HostProcess> StartServingAsync(string dll, Dictionary<string, string> env, string logPath)
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = $"http://127.0.0.1:{port}";
        var process = Start(dll, ["--urls", url], env, logPath);
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var host = new HostProcess(process, http);
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try { if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return host; } catch (HttpRequestException) { }
            if (process.HasExited || DateTime.UtcNow > until) { await host.DisposeAsync(); throw new TimeoutException($"host did not become healthy; see {logPath}"); }
            await Task.Delay(100);
        }
    }

    /// <summary>Posts a set-up activity and returns the answer's body; sent again (same id) after a timeout on a loaded machine.</summary>
    public async Task<string> PostAsync(StringContent activity)
    {
        var json = await activity.ReadAsStringAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var answer = await _http.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
                var body = await answer.Content.ReadAsStringAsync();
                if (!answer.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)answer.StatusCode}: {body}");
                return body;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 3 && !_process.HasExited) { }
        }
    }

    /// <summary>
    /// <paramref name="conversations"/> closed loops for <paramref name="duration"/>: each sends its next activity once the
    /// last was answered. Latencies (ms) of the 200s go to <paramref name="latencies"/> when given.
    /// </summary>
    public async Task<(long Turns, long Errors, double Seconds)> LoadAsync(int conversations, TimeSpan duration,
        Func<int, int, StringContent> next, List<double>? latencies)
    {
        long turns = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        var all = await Task.WhenAll(Enumerable.Range(0, conversations).Select(c => Task.Run(async () =>
        {
            var mine = new List<double>();
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var answer = await _http.PostAsync("/api/messages", next(c, n));
                    await answer.Content.LoadIntoBufferAsync();
                    if (answer.StatusCode == HttpStatusCode.OK) { Interlocked.Increment(ref turns); mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); }
                    else Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
            }
            return mine;
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        latencies?.AddRange(all.SelectMany(l => l));
        return (turns, errors, seconds);
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        _process.Dispose();
        _http.Dispose();
    }
}

/// <summary>Counts the methods the JIT compiles in another .NET process (EventPipe), dynamic methods apart.</summary>
sealed class JitCounter : IDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _reader;
    private long _methods, _dynamic;

    private JitCounter(int pid)
    {
        var client = new DiagnosticsClient(pid);
        _session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.Jit)],
            requestRundown: false);
        var source = new EventPipeEventSource(_session.EventStream);
        source.Clr.MethodLoadVerbose += e =>
        {
            Interlocked.Increment(ref _methods);
            if (e.IsDynamic) Interlocked.Increment(ref _dynamic);
        };
        _reader = Task.Run(() => source.Process());
    }

    public static JitCounter Start(int pid) => new(pid);

    public async Task<(long Methods, long Dynamic)> StopAsync()
    {
        _session.Stop();
        await _reader.WaitAsync(TimeSpan.FromSeconds(15));
        return (Interlocked.Read(ref _methods), Interlocked.Read(ref _dynamic));
    }

    public void Dispose() => _session.Dispose();
}

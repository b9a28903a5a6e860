// `coldstart` mode of the bench (issue 16, point 5): starts each bot afresh N times (sides interleaved: A B C, A B C, ...)
// on a fresh copy of the same seeded database and measures, from the moment the process is started: when its port
// accepts a connection, when the first `open situations` message is answered (the reply posted to the connector
// stand-in), when the first accept invoke after it is answered; then one more message, warm, for reference. Also the
// host's CPU time (utime+stime) when the first message was answered: the start's cost, steadier than wall time on a
// shared machine. `--trace DIR` records the first start of each side under dotnet-trace (sampled thread time and every
// JIT compilation); `coldstart-jit <trace>` sums that trace's JIT time by area.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Diagnostics.Tracing;

static class ColdStartBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A bot to start: a label, echo or focus, its dll, and extra environment (e.g. DOTNET_TieredPGO=0).</summary>
    private sealed record Side(string Label, string Kind, string Dll, Dictionary<string, string> Env);

    private sealed record Start(string Side, int Index, double ListenMs, double MessageMs, double InvokeMs, double WarmMs, double CpuAtMessageS,
        bool Replied, double Load1)
    {
        public const string CsvHeader = "side,start,listen_ms,first_message_ms,first_invoke_ms,warm_message_ms,host_cpu_s_at_first_message,replied,loadavg1";
        public string Csv() => string.Create(Inv,
            $"{Side},{Index},{ListenMs:0.0},{MessageMs:0.0},{InvokeMs:0.0},{WarmMs:0.0},{CpuAtMessageS:0.000},{Replied},{Load1:0.00}");
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var sides = new List<Side>();
        var starts = 10;
        var csv = "bench/results/coldstart.csv";
        string? traceDir = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            switch (args[i])
            {
                // --side LABEL=KIND:DLL (KIND echo or focus)
                case "--side":
                    var spec = Next();
                    var (label, rest) = (spec[..spec.IndexOf('=')], spec[(spec.IndexOf('=') + 1)..]);
                    var (kind, dll) = (rest[..rest.IndexOf(':')], Path.GetFullPath(rest[(rest.IndexOf(':') + 1)..]));
                    if (kind is not ("echo" or "focus")) throw new ArgumentException($"a side's kind is echo or focus, not {kind}");
                    if (!File.Exists(dll)) throw new FileNotFoundException($"Publish it first: {dll}");
                    sides.Add(new Side(label, kind, dll, []));
                    break;
                // --env LABEL:NAME=VALUE, for the side of that label
                case "--env":
                    var e = Next();
                    var side = sides.Single(s => s.Label == e[..e.IndexOf(':')]);
                    var kv = e[(e.IndexOf(':') + 1)..];
                    side.Env[kv[..kv.IndexOf('=')]] = kv[(kv.IndexOf('=') + 1)..];
                    break;
                case "--starts": starts = int.Parse(Next(), Inv); break;
                case "--csv": csv = Next(); break;
                case "--trace": traceDir = Path.GetFullPath(Next()); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (sides.Count == 0) throw new ArgumentException("coldstart --side LABEL=KIND:DLL [--side ...] [--env LABEL:NAME=VALUE] [--starts N] [--trace DIR]");
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "FocusBot.sln"))) { Directory.SetCurrentDirectory(folder.FullName); break; }
        if (traceDir is not null) Directory.CreateDirectory(traceDir);

        await using var connector = await ConnectorStandIn.StartAsync();
        var work = Directory.CreateTempSubdirectory("focusbot-coldstart-").FullName;
        // One seeded database (the pair bench's: sample roster, 4 reps, 60 situations accepted by the first rep), made by
        // the first FocusBot side and copied before every start.
        var seeder = sides.FirstOrDefault(s => s.Kind == "focus");
        var seed = seeder is null ? null
            : await PairBench.SeedAsync(new PairBench.Side("seed", "focus", seeder.Dll), connector, 4, 60, work);
        var situation = seed?.SituationIds[0] ?? "DM-2026-0001";

        Console.WriteLine($"coldstart: {starts} starts of each of {string.Join(", ", sides.Select(s => $"{s.Label} ({s.Kind}, {s.Dll}{string.Concat(s.Env.Select(kv => $", {kv.Key}={kv.Value}"))})"))}; load average {PairBench.LoadAverage()}");
        Console.WriteLine("side              start  listen ms  1st message ms  1st invoke ms  warm message ms  CPU s at 1st  load1");
        var results = new List<Start>();
        for (var n = 1; n <= starts; n++)
            foreach (var side in sides)
            {
                var trace = traceDir is not null && n == 1 ? Path.Combine(traceDir, $"coldstart-{side.Label}.nettrace") : null;
                var start = await StartOnceAsync(side, n, seed?.DbFiles, situation, connector, Path.Combine(work, $"{side.Label}-{n}"), trace);
                results.Add(start);
                Console.WriteLine(string.Create(Inv,
                    $"{start.Side,-17} {start.Index,5} {start.ListenMs,10:0} {start.MessageMs,15:0} {start.InvokeMs,14:0} {start.WarmMs,16:0.0} {start.CpuAtMessageS,13:0.00} {start.Load1,6:0.00}{(start.Replied ? "" : "  (no reply posted!)")}{(trace is null ? "" : "  (traced: not in the summary)")}"));
            }

        var counted = results.Where(r => traceDir is null || r.Index > 1).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(csv))!);
        await File.WriteAllLinesAsync(csv, [Start.CsvHeader, .. results.Select(r => r.Csv())]);
        Console.WriteLine();
        Console.WriteLine($"median [lowest–highest] (interquartile range) over {counted.Select(r => r.Index).Distinct().Count()} starts, ms from process start; load average at the end {PairBench.LoadAverage()}");
        Console.WriteLine("side              listening                 1st message answered      1st invoke answered       CPU s at 1st message");
        foreach (var side in sides)
        {
            var mine = counted.Where(r => r.Side == side.Label).ToList();
            if (mine.Count == 0) continue;
            string Spread(Func<Start, double> f, string format)
            {
                var v = mine.Select(f).OrderBy(x => x).ToList();
                return string.Create(Inv, $"{PairBench.Median(v).ToString(format, Inv)} [{v[0].ToString(format, Inv)}–{v[^1].ToString(format, Inv)}] ({Quantile(v, 0.25).ToString(format, Inv)}–{Quantile(v, 0.75).ToString(format, Inv)})");
            }
            Console.WriteLine($"{side.Label,-17} {Spread(r => r.ListenMs, "0"),-25} {Spread(r => r.MessageMs, "0"),-25} {Spread(r => r.InvokeMs, "0"),-25} {Spread(r => r.CpuAtMessageS, "0.00")}");
        }
        Console.WriteLine($"csv: {Path.GetFullPath(csv)}");
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        return results.All(r => r.Replied) ? 0 : 1;
    }

    private static async Task<Start> StartOnceAsync(Side side, int index, string? seedFiles, string situation, ConnectorStandIn connector,
        string dir, string? trace)
    {
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "focusbot.db");
        if (seedFiles is not null)
            foreach (var file in Directory.GetFiles(seedFiles, "focusbot.db*")) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        var env = PairBench.HostEnv(db);
        foreach (var (k, v) in side.Env) env[k] = v;
        connector.AddUser(PairBench.UserOf(0), PairBench.EmailOf(0));

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };

        var clock = Stopwatch.StartNew();
        using var process = trace is null
            ? HostProcess.Start(side.Dll, ["--urls", url], env, Path.Combine(dir, "host.log"))
            : StartTraced(side.Dll, url, env, trace, Path.Combine(dir, "host.log"));
        try
        {
            // Listening: the first accepted connection (polled every 5 ms).
            while (true)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try { await socket.ConnectAsync(IPAddress.Loopback, port); break; }
                catch (SocketException) { }
                if (process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException($"{side.Label} did not listen; see {dir}/host.log");
                await Task.Delay(5);
            }
            var listen = clock.Elapsed.TotalMilliseconds;
            var posted = connector.Posted;
            await PostAsync(http, PairBench.Message(PairBench.UserOf(0), PairBench.ConversationOf(0), "open situations", connector.ServiceUrl));
            var message = clock.Elapsed.TotalMilliseconds;
            var pid = trace is null ? process.Id : TracedChild(process.Id);
            var cpu = pid is { } p ? ProcStats.CpuSeconds(p) : 0;
            var replied = connector.Posted > posted;
            await PostAsync(http, PairBench.Invoke(PairBench.UserOf(0), PairBench.ConversationOf(0), "situation.accept",
                new JsonObject { ["situationId"] = situation, ["agencyId"] = "northside-mh" }, connector.ServiceUrl));
            var invoke = clock.Elapsed.TotalMilliseconds;
            var warm = Stopwatch.StartNew();
            await PostAsync(http, PairBench.Message(PairBench.UserOf(0), PairBench.ConversationOf(0), "open situations", connector.ServiceUrl));
            return new Start(side.Label, index, listen, message, invoke, warm.Elapsed.TotalMilliseconds, cpu, replied, PairBench.LoadAverage());
        }
        finally
        {
            if (trace is not null && TracedChild(process.Id) is { } child)
            {
                // dotnet-trace completes its file when the traced host ends: stopped gracefully (SIGTERM), so that the
                // runtime flushes the session.
                using (var term = Process.Start("kill", ["-TERM", child.ToString(Inv)])) await term.WaitForExitAsync();
                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);
            }
            if (!process.HasExited) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); }
        }
    }

    private static async Task PostAsync(HttpClient http, StringContent activity)
    {
        using var answer = await http.PostAsync("/api/messages", activity);
        var body = await answer.Content.ReadAsStringAsync();
        if (answer.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{(int)answer.StatusCode}: {body}");
    }

    /// <summary>The host under dotnet-trace (its child): sampled thread time and every JIT compilation (verbose JIT events).</summary>
    private static Process StartTraced(string dll, string url, Dictionary<string, string> env, string trace, string log)
    {
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace");
        var psi = new ProcessStartInfo(tool, ["collect", "--profile", "dotnet-sampled-thread-time", "--providers", "Microsoft-Windows-DotNETRuntime:0x10:5",
            "-o", trace, "--", "dotnet", dll, "--urls", url])
        { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = Process.Start(psi)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        var gate = new object();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) writer.WriteLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) writer.WriteLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static int? TracedChild(int pid)
    {
        try
        {
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return children.Length == 0 ? null : int.Parse(children[0], Inv);
        }
        catch (IOException) { return null; }
    }

    private static double Quantile(List<double> sorted, double q)
    {
        var at = q * (sorted.Count - 1);
        var lo = (int)Math.Floor(at);
        var hi = Math.Min(sorted.Count - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }

    /// <summary>
    /// `coldstart-jit <trace>`: the methods the JIT compiled in a traced start and the time it took (MethodJittingStarted to
    /// MethodLoadVerbose on the same thread), by area (the first two parts of the method's namespace), with the
    /// time of the last compilation.
    /// </summary>
    public static int Jit(string[] args)
    {
        if (args.Length == 0) throw new ArgumentException("coldstart-jit <trace.nettrace> [--until-ms N]");
        var until = args.Length > 2 && args[1] == "--until-ms" ? double.Parse(args[2], Inv) : double.MaxValue;
        using var source = new EventPipeEventSource(args[0]);
        var started = new Dictionary<(int Thread, long Method), double>();
        var areas = new Dictionary<string, (int Count, double Ms)>();
        double total = 0, first = double.NaN, last = 0;
        var count = 0;
        source.Clr.MethodJittingStarted += e =>
        {
            if (e.TimeStampRelativeMSec <= until) started[(e.ThreadID, e.MethodID)] = e.TimeStampRelativeMSec;
        };
        source.Clr.MethodLoadVerbose += e =>
        {
            if (!started.Remove((e.ThreadID, e.MethodID), out var at)) return;
            var ms = e.TimeStampRelativeMSec - at;
            var parts = (e.MethodNamespace ?? "?").Split('.');
            var area = e.IsDynamic ? "(dynamic methods)" : string.Join('.', parts.Take(parts[0] is "Microsoft" or "System" or "FocusBot" ? 2 : 1));
            var (c, m) = areas.GetValueOrDefault(area);
            areas[area] = (c + 1, m + ms);
            total += ms;
            count++;
            if (double.IsNaN(first)) first = at;
            last = e.TimeStampRelativeMSec;
        };
        // The trace ends where the traced host was killed: its last block may be cut short.
        try { source.Process(); } catch (FormatException) { Console.WriteLine("(the trace's last block was cut short; the events before it are counted)"); }
        Console.WriteLine(string.Create(Inv, $"{count} methods compiled by the JIT, {total:0} ms of JIT time (threads summed), from {first:0} ms to {last:0} ms of the trace"));
        foreach (var (area, (c, m)) in areas.OrderByDescending(a => a.Value.Ms).Take(25))
            Console.WriteLine(string.Create(Inv, $"  {area,-48} {c,6} methods {m,8:0} ms"));
        return 0;
    }
}

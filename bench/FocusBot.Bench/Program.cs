// FocusBot load driver: starts the real host (Release build), a loopback Bot Connector stand-in, and N closed-loop
// conversations posting Teams-shaped message activities to /api/messages for a fixed time. Every interval it samples the
// host's RSS and CPU time from /proc and the turns' latency; it writes a CSV and prints a table and a summary.
// Loopback only, bounded in time: it stops the host and itself when the run ends.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

if (args.Length > 0 && args[0] == "delivery") return await DeliveryBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "pair") return await PairBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "profile") return ProfileReport.Run(args[1..]);
if (args.Length > 0 && args[0] == "province") return await ProvinceBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "longrun") return await LongRunBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "coldstart") return await ColdStartBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "coldstart-jit") return ColdStartBench.Jit(args[1..]);

var options = BenchOptions.Parse(args);
var inv = CultureInfo.InvariantCulture;

// --- 1. The Bot Connector stand-in -------------------------------------------------------------------------------
var connector = await ConnectorStandIn.StartAsync();
Console.WriteLine($"connector stand-in: {connector.ServiceUrl}");

// --- 2. The host --------------------------------------------------------------------------------------------------
// Paths in the options are relative to the repository root, however the driver is started (dotnet run uses the
// project's folder as the working directory).
for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
{
    if (File.Exists(Path.Combine(folder.FullName, "FocusBot.sln")))
    {
        Directory.SetCurrentDirectory(folder.FullName);
        break;
    }
}

Process? host = null;
int hostPid;
string baseUrl;
var workDir = Path.Combine(Path.GetTempPath(), $"focusbot-bench-{Environment.ProcessId}");
Directory.CreateDirectory(workDir);
if (options.ExpectPid is { } pid)
{
    hostPid = pid;
    baseUrl = options.Url ?? throw new ArgumentException("--pid needs --url");
}
else
{
    var port = options.Port ?? FreePort();
    baseUrl = $"http://127.0.0.1:{port}";
    var dll = Path.GetFullPath(options.HostDll);
    if (!File.Exists(dll)) throw new FileNotFoundException($"Build the host first: dotnet build src/FocusBot -c Release ({dll})");
    var db = Path.Combine(workDir, "focusbot.db");
    var env = new Dictionary<string, string>
    {
        ["ConnectionStrings__FocusBot"] = $"Data Source={db}",
        ["Reminders__Enabled"] = "false",
        ["MicrosoftAppId"] = "",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        // Each bench conversation is one user sending in a closed loop: far past any person's rate, by design.
        ["RateLimits__MessagesPerMinute"] = "10000000",
        ["RateLimits__MessagesBurst"] = "10000000",
    };
    foreach (var (k, v) in options.HostEnv) env[k] = v;

    // The sample roster plus one rep per conversation (each chat is its own member, as in Teams: one personal chat per user).
    var roster = Path.Combine(workDir, "roster.json");
    var rosterJson = JsonNode.Parse(File.ReadAllText(options.Roster))!.AsObject();
    var members = rosterJson["members"]!.AsArray();
    if (options.DistinctMembers)
        for (var i = 0; i < options.Conversations; i++)
            members.Add(new JsonObject { ["email"] = Conversation.EmailOf(i, true), ["agency"] = "northside-mh", ["tables"] = new JsonArray("demo"), ["role"] = "rep" });
    File.WriteAllText(roster, rosterJson.ToJsonString());
    var import = Start(dll, ["import-roster", roster], env, Path.Combine(workDir, "import.log"));
    await import.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
    if (import.ExitCode != 0) throw new InvalidOperationException($"import-roster failed: {File.ReadAllText(Path.Combine(workDir, "import.log"))}");

    host = Start(dll, ["--urls", baseUrl], env, Path.Combine(workDir, "host.log"));
    hostPid = host.Id;
    Console.WriteLine($"host pid {hostPid} on {baseUrl}; log {workDir}/host.log");
}

using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Conversations + 8,
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
}) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

try
{
    await WaitHealthyAsync(http, TimeSpan.FromSeconds(60));

    // One warm-up turn per command, so JIT and first-use costs are not the "start" figure.
    var warm = new Conversation(-1, connector, false);
    foreach (var text in Conversation.Texts)
    {
        var r = await http.PostAsync("/api/messages", warm.Message(text, connector.ServiceUrl));
        if (r.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"warm-up '{text}' answered {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }
    if (connector.Posted == 0) throw new InvalidOperationException("warm-up: the bot posted no reply to the connector stand-in");
    await Task.Delay(2000);

    // --- 3. Closed loop ---------------------------------------------------------------------------------------------
    var stats = new Stats();
    var rssStart = ProcStats.RssMb(hostPid);
    var cpuStart = ProcStats.CpuSeconds(hostPid);
    var rows = new List<Row> { new(0, 0, 0, 0, 0, 0, rssStart, 0, 0, 0) };
    Console.WriteLine($"{options.Conversations} conversations, {options.Duration.TotalSeconds:0} s, sample every {options.Interval.TotalSeconds:0} s; RSS start {rssStart:0.0} MB");
    Console.WriteLine(Row.Header);

    using var stop = new CancellationTokenSource(options.Duration);
    var clock = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, options.Conversations)
        .Select(i => Task.Run(() => new Conversation(i, connector, options.DistinctMembers).RunAsync(http, connector.ServiceUrl, stats, stop.Token)))
        .ToArray();

    long lastTurns = 0, lastErrors = 0;
    double lastCpu = cpuStart, lastT = 0;
    while (!stop.IsCancellationRequested)
    {
        try { await Task.Delay(options.Interval, stop.Token); } catch (OperationCanceledException) { }
        var t = clock.Elapsed.TotalSeconds;
        var lat = stats.TakeLatencies();
        var turns = stats.Turns; var errors = stats.Errors;
        var cpu = ProcStats.CpuSeconds(hostPid);
        var dTurns = turns - lastTurns;
        var row = new Row(t, turns, dTurns, dTurns / (t - lastT), Percentile(lat, 0.50), Percentile(lat, 0.95),
            ProcStats.RssMb(hostPid), cpu - cpuStart, dTurns == 0 ? 0 : (cpu - lastCpu) * 1000 / dTurns, errors - lastErrors);
        rows.Add(row);
        Console.WriteLine(row.Format());
        (lastTurns, lastErrors, lastCpu, lastT) = (turns, errors, cpu, t);
    }
    await Task.WhenAll(workers);

    // --- 4. Summary ----------------------------------------------------------------------------------------------
    var csv = Path.GetFullPath(options.Csv);
    Directory.CreateDirectory(Path.GetDirectoryName(csv)!);
    await File.WriteAllLinesAsync(csv, [Row.CsvHeader, .. rows.Select(r => r.Csv())]);

    double Rate(IEnumerable<Row> rs) { var l = rs.ToList(); return l.Sum(r => r.TurnsInterval) / Math.Max(0.001, l.Sum(r => r.Span(rows))); }
    var windows = (int)Math.Ceiling(30 / options.Interval.TotalSeconds);
    var load = rows.Skip(1).ToList();
    var first = Rate(load.Take(windows));
    var last = Rate(load.TakeLast(windows));
    var cpuPerTurn = stats.Turns == 0 ? 0 : (ProcStats.CpuSeconds(hostPid) - cpuStart) * 1000 / stats.Turns;
    var all = stats.AllLatencies();
    await Task.Delay(TimeSpan.FromSeconds(options.Settle));
    var rssAfter = ProcStats.RssMb(hostPid);

    Console.WriteLine();
    Console.WriteLine($"turns {stats.Turns} in {clock.Elapsed.TotalSeconds:0} s ({stats.Turns / clock.Elapsed.TotalSeconds:0.0}/s), errors {stats.Errors}, replies posted to the stand-in {connector.Posted}, member look-ups {connector.Lookups}");
    Console.WriteLine($"turns/s first {windows * options.Interval.TotalSeconds:0} s: {first:0.0}   last {windows * options.Interval.TotalSeconds:0} s: {last:0.0}   (last/first {last / first:0.00})");
    Console.WriteLine($"host CPU per turn: {cpuPerTurn:0.00} ms (host CPU {ProcStats.CpuSeconds(hostPid) - cpuStart:0.0} s)");
    Console.WriteLine($"latency p50 {Percentile(all, 0.5):0.0} ms   p95 {Percentile(all, 0.95):0.0} ms   p99 {Percentile(all, 0.99):0.0} ms");
    Console.WriteLine($"host RSS start {rssStart:0.0} MB   peak {rows.Max(r => r.RssMb):0.0} MB   end {rows[^1].RssMb:0.0} MB   after {options.Settle} s idle {rssAfter:0.0} MB   (VmHWM {ProcStats.HwmMb(hostPid):0.0} MB)");
    Console.WriteLine($"csv: {csv}");
    return stats.Errors == 0 ? 0 : 1;
}
finally
{
    if (host is { HasExited: false })
    {
        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync();
    }
    await connector.DisposeAsync();
    if (host is not null) Console.WriteLine($"host stopped; work dir {workDir}");
}

static Process Start(string dll, string[] args, Dictionary<string, string> env, string logPath)
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

static int FreePort()
{
    using var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    return ((IPEndPoint)l.LocalEndpoint).Port;
}

static async Task WaitHealthyAsync(HttpClient http, TimeSpan timeout)
{
    var until = DateTime.UtcNow + timeout;
    while (true)
    {
        try { if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return; } catch (HttpRequestException) { }
        if (DateTime.UtcNow > until) throw new TimeoutException("host did not become healthy");
        await Task.Delay(250);
    }
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

sealed record Row(double T, long Turns, long TurnsInterval, double TurnsPerS, double P50, double P95, double RssMb, double CpuS,
    double CpuMsPerTurn, long Errors)
{
    public const string Header = "   t s     turns   turns/s   p50 ms   p95 ms   RSS MB   CPU s  CPU ms/turn  errors";
    public const string CsvHeader = "elapsed_s,turns_total,turns_interval,turns_per_s,p50_ms,p95_ms,rss_mb,host_cpu_s,cpu_ms_per_turn,errors";
    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{T,6:0} {Turns,9} {TurnsPerS,9:0.0} {P50,8:0.0} {P95,8:0.0} {RssMb,8:0.0} {CpuS,7:0.0} {CpuMsPerTurn,12:0.00} {Errors,7}");
    public string Csv() => string.Create(CultureInfo.InvariantCulture,
        $"{T:0.0},{Turns},{TurnsInterval},{TurnsPerS:0.00},{P50:0.0},{P95:0.0},{RssMb:0.0},{CpuS:0.00},{CpuMsPerTurn:0.00},{Errors}");
    public double Span(List<Row> rows) { var i = rows.IndexOf(this); return i <= 0 ? 0 : T - rows[i - 1].T; }
}

sealed class Stats
{
    private long _turns, _errors;
    private ConcurrentQueue<double> _window = new();
    private readonly ConcurrentQueue<double> _all = new();
    public long Turns => Interlocked.Read(ref _turns);
    public long Errors => Interlocked.Read(ref _errors);
    public void Ok(double ms) { Interlocked.Increment(ref _turns); _window.Enqueue(ms); _all.Enqueue(ms); }
    public void Error() => Interlocked.Increment(ref _errors);
    public double[] TakeLatencies() { var w = Interlocked.Exchange(ref _window, new()); var a = w.ToArray(); Array.Sort(a); return a; }
    public double[] AllLatencies() { var a = _all.ToArray(); Array.Sort(a); return a; }
}

/// <summary>One closed-loop personal chat: a roster member's next message goes only after the bot answered the last.</summary>
sealed class Conversation
{
    public static readonly string[] Texts = ["help", "open situations", "help", "situation DM-2026-9999"];
    // Members of the sample roster's demo table (samples/roster.json): reps and a co-chair.
    private static readonly string[] Emails =
        ["rep.demo@northside-mh.example", "rep2.demo@northside-mh.example", "rep.demo@harbour-housing.example", "chair.demo@city.example"];
    private readonly int _index;
    private readonly string _userId, _conversationId;

    public static string EmailOf(int index, bool distinct) =>
        distinct && index >= 0 ? $"bench.rep{index}@northside-mh.example" : Emails[(index & int.MaxValue) % Emails.Length];

    public Conversation(int index, ConnectorStandIn connector, bool distinctMembers)
    {
        _index = index;
        _userId = $"29:bench-user-{index}";
        _conversationId = $"a:bench-conv-{index}";
        connector.AddUser(_userId, EmailOf(index, distinctMembers));
    }

    public StringContent Message(string text, string serviceUrl) => new(new JsonObject
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = _userId, ["name"] = "Bench User" },
        ["recipient"] = new JsonObject { ["id"] = "28:focusbot", ["name"] = "FocusBot" },
        ["conversation"] = new JsonObject { ["id"] = _conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    }.ToJsonString(), Encoding.UTF8, "application/json");

    public async Task RunAsync(HttpClient http, string serviceUrl, Stats stats, CancellationToken stop)
    {
        var n = _index; // stagger the mix across conversations
        while (!stop.IsCancellationRequested)
        {
            var content = Message(Texts[n++ % Texts.Length], serviceUrl);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsync("/api/messages", content, CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.OK) stats.Ok(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                else stats.Error();
            }
            catch (Exception) when (!stop.IsCancellationRequested) { stats.Error(); await Task.Delay(100, CancellationToken.None); }
            catch (Exception) { }
        }
    }
}

static class ProcStats
{
    private static readonly double Tick = 100.0; // USER_HZ on Linux (sysconf(_SC_CLK_TCK)); getconf CLK_TCK says 100 here.
    public static double RssMb(int pid) => StatusKb(pid, "VmRSS") / 1024.0;
    public static double HwmMb(int pid) => StatusKb(pid, "VmHWM") / 1024.0;
    private static double StatusKb(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith(field + ":")) return double.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return 0;
    }
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 3 (state) is index 0: utime is field 14 (index 11), stime field 15 (index 12).
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / Tick;
    }
}

sealed record BenchOptions(int Conversations, TimeSpan Duration, TimeSpan Interval, string HostDll, string Roster, string Csv,
    int? Port, int? ExpectPid, string? Url, int Settle, List<(string, string)> HostEnv, bool DistinctMembers = true)
{
    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions(200, TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(10),
            "src/FocusBot/bin/Release/net10.0/FocusBot.dll", "samples/roster.json", "bench/results/run.csv", null, null, null, 10, []);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            o = args[i] switch
            {
                "--conversations" or "-c" => o with { Conversations = int.Parse(Next()) },
                "--duration" or "-d" => o with { Duration = TimeSpan.FromSeconds(Math.Min(300, double.Parse(Next(), CultureInfo.InvariantCulture))) },
                "--interval" => o with { Interval = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--host-dll" => o with { HostDll = Next() },
                "--roster" => o with { Roster = Next() },
                "--csv" => o with { Csv = Next() },
                "--port" => o with { Port = int.Parse(Next()) },
                "--pid" => o with { ExpectPid = int.Parse(Next()) },
                "--url" => o with { Url = Next() },
                "--settle" => o with { Settle = int.Parse(Next()) },
                "--shared-members" => o with { DistinctMembers = false },
                "--host-env" => o with { HostEnv = [.. o.HostEnv, Split(Next())] },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return o;
    }
    private static (string, string) Split(string kv) { var at = kv.IndexOf('='); return (kv[..at], kv[(at + 1)..]); }
}

/// <summary>A loopback Bot Connector: member look-ups answer with the roster e-mail; posts answer 201 {id}.</summary>
sealed partial class ConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _users = new();
    private long _posted, _lookups, _created;
    private ConnectorStandIn(WebApplication app) => _app = app;
    public string ServiceUrl { get; private set; } = "";
    public long Posted => Interlocked.Read(ref _posted);
    public long Lookups => Interlocked.Read(ref _lookups);

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var s = new ConnectorStandIn(builder.Build());
        s._app.Run(s.AnswerAsync);
        await s._app.StartAsync();
        s.ServiceUrl = s._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/') + "/";
        return s;
    }

    public void AddUser(string userId, string email) => _users[userId] = email;

    private async Task AnswerAsync(HttpContext context)
    {
        // Drain the body (the bot's reply), as the real connector would read it.
        await context.Request.Body.CopyToAsync(Stream.Null);
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var method = context.Request.Method;
        int status; string body;
        if (method == HttpMethods.Get && MemberTarget().Match(target) is { Success: true } m)
        {
            Interlocked.Increment(ref _lookups);
            var id = Uri.UnescapeDataString(m.Groups[1].Value);
            var email = _users.TryGetValue(id, out var e) ? e : _users.Values.Contains(id, StringComparer.OrdinalIgnoreCase) ? id : null;
            (status, body) = email is null
                ? (404, """{"error":{"code":"MemberNotFoundInConversation","message":"not found"}}""")
                : (200, new JsonObject { ["id"] = id, ["name"] = "Bench User", ["email"] = email, ["userPrincipalName"] = email,
                    ["aadObjectId"] = Guid.NewGuid().ToString() }.ToJsonString());
        }
        else if (method == HttpMethods.Post && target.TrimEnd('/') == "/v3/conversations")
            (status, body) = (201, $$"""{"id":"a:opened-{{Interlocked.Increment(ref _created)}}"}""");
        else if (method == HttpMethods.Put && UpdatedActivity().Match(target) is { Success: true } u)
            (status, body) = (200, $$"""{"id":"{{Uri.UnescapeDataString(u.Groups[1].Value)}}"}""");
        else
            (status, body) = (201, $$"""{"id":"activity-{{Interlocked.Increment(ref _posted)}}"}""");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    [GeneratedRegex("/members/([^/?]+)$")] private static partial Regex MemberTarget();
    [GeneratedRegex("/activities/([^/?]+)$")] private static partial Regex UpdatedActivity();
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

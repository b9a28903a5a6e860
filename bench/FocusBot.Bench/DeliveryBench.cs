// `delivery` mode of the bench (issue 9): the record invoke's latency against the number of reps it reaches, with a
// slow Bot Connector (every call answered after --latency ms), and the outbox's throughput to --throughput-reps reps
// under Teams' limits (the stand-in answers 429 Retry-After: 1 past 7 posts/s in one conversation or 50/s for the
// app). Each rep has installed FocusBot (their chat's conversation reference stored before the host starts). It prints, per size, the
// invoke's p50/p99 and how long the cards took, and for the throughput run the achieved rate, 429s, lost and
// duplicated cards. Loopback only; the host is the Release build on its own SQLite database per size.
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
using FocusBot.Core.Conversations;
using FocusBot.Data;
using FocusBot.Data.Conversations;
using FocusBot.Teams.Proactive;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;

static partial class DeliveryBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = new List<int> { 1, 10, 40, 200 };
        var samples = 30;
        var latency = TimeSpan.FromMilliseconds(250);
        var throughputReps = 5000;
        var hostDll = "src/FocusBot/bin/Release/net10.0/FocusBot.dll";
        int? concurrency = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            switch (args[i])
            {
                case "--sizes": sizes = [.. Next().Split(',').Select(int.Parse)]; break;
                case "--samples": samples = int.Parse(Next()); break;
                case "--latency": latency = TimeSpan.FromMilliseconds(int.Parse(Next())); break;
                case "--throughput-reps": throughputReps = int.Parse(Next()); break;
                case "--host-dll": hostDll = Next(); break;
                case "--concurrency": concurrency = int.Parse(Next()); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "FocusBot.sln"))) { Directory.SetCurrentDirectory(folder.FullName); break; }
        var dll = Path.GetFullPath(hostDll);
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the host first: dotnet build src/FocusBot -c Release ({dll})");

        Console.WriteLine($"Reminders:DispatchConcurrency {(concurrency is { } c ? c.ToString(Inv) : "host default")}");
        Console.WriteLine($"connector latency {latency.TotalMilliseconds:0} ms per call; Teams' limits at the stand-in: 7 posts/s per conversation, 50/s per app");
        Console.WriteLine("reps   first invoke ms (cold host)   then: record invoke p50 ms   p99 ms   max ms   samples   all cards out after (median, s)   lost   duplicated   429s");
        var ok = true;
        foreach (var reps in sizes)
        {
            await using var run = await Run.StartAsync(dll, reps, latency, concurrency);
            var invoke = new List<double>();
            var allOut = new List<double>();
            for (var s = 0; s < samples; s++)
            {
                var posted = run.Connector.PostsPerConversation();
                var started = Stopwatch.GetTimestamp();
                var answer = await run.RecordAsync();
                invoke.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!Regex.IsMatch(answer, @"DM-\d{4}-\d{4}")) throw new InvalidOperationException($"not recorded: {answer[..Math.Min(answer.Length, 400)]}");
                // Every rep has one more card than before, then the next sample.
                await run.WaitAsync(() => run.Reps.All(r => run.Connector.PostsPerConversation().GetValueOrDefault(r) > posted.GetValueOrDefault(r)), TimeSpan.FromMinutes(5));
                allOut.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
            await Task.Delay(TimeSpan.FromSeconds(3));
            var (lost, duplicated) = run.LostAndDuplicated(samples);
            ok &= lost == 0 && duplicated == 0;
            // The first recording meets a host that has answered nothing yet (JIT, first queries, the co-chair's member
            // look-up): reported apart, so that the percentiles are those of a running host.
            var cold = invoke[0];
            var warm = invoke.Skip(1).Order().ToList();
            allOut.Sort();
            Console.WriteLine(string.Create(Inv, $"{reps,4}   {cold,27:0}   {Percentile(warm, 0.5),26:0} {Percentile(warm, 0.99),8:0} {(warm.Count == 0 ? 0 : warm[^1]),8:0} {warm.Count,9}   {Percentile(allOut, 0.5),31:0.0}   {lost,4}   {duplicated,10}   {run.Connector.Throttled,4}"));
            Console.WriteLine("       every invoke, in order (ms): " + string.Join(' ', invoke.Select(ms => ms.ToString("0", Inv))));
        }

        if (throughputReps > 0)
        {
            await using var run = await Run.StartAsync(dll, throughputReps, latency, concurrency);
            var before = run.Connector.PostsPerConversation();
            var cpuBefore = run.HostCpu();
            var started = Stopwatch.GetTimestamp();
            await run.RecordAsync();
            await run.WaitAsync(() => run.Reps.All(r => run.Connector.PostsPerConversation().GetValueOrDefault(r) > before.GetValueOrDefault(r)), TimeSpan.FromMinutes(10));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var cpuPerCard = (run.HostCpu() - cpuBefore).TotalMilliseconds / throughputReps;
            await Task.Delay(TimeSpan.FromSeconds(5));
            var (lost, duplicated) = run.LostAndDuplicated(1);
            var (first, last) = run.Connector.RepCardWindow(run.Reps);
            var rate = throughputReps / (last - first).TotalSeconds;
            ok &= lost == 0 && duplicated == 0;
            Console.WriteLine();
            Console.WriteLine(string.Create(Inv, $"throughput: {throughputReps} rep cards of one recording in {seconds:0.0} s after the invoke; first to last card {(last - first).TotalSeconds:0.0} s = {rate:0.0}/s ({rate / 50 * 100:0}% of Teams' 50/s per app); 429s {run.Connector.Throttled}; lost {lost}; duplicated {duplicated}; host CPU {cpuPerCard:0.0} ms per card"));
        }
        return ok ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>One host on a fresh SQLite database whose demo table's lead agency has <c>reps</c> reps, each installed.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private readonly Process _host;
        private readonly HttpClient _http;
        private readonly string _workDir;
        public TeamsStandIn Connector { get; }
        public List<string> Reps { get; }

        private Run(Process host, HttpClient http, string workDir, TeamsStandIn connector, List<string> reps) =>
            (_host, _http, _workDir, Connector, Reps) = (host, http, workDir, connector, reps);

        /// <param name="concurrency">Reminders:DispatchConcurrency for the host; null: the host's default.</param>
        public static async Task<Run> StartAsync(string dll, int reps, TimeSpan latency, int? concurrency)
        {
            var connector = await TeamsStandIn.StartAsync(latency);
            var workDir = Directory.CreateTempSubdirectory("focusbot-delivery-bench-").FullName;
            var env = new Dictionary<string, string>
            {
                ["ConnectionStrings__FocusBot"] = $"Data Source={Path.Combine(workDir, "focusbot.db")}",
                ["MicrosoftAppId"] = "",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["RateLimits__MessagesPerMinute"] = "10000000",
                ["RateLimits__MessagesBurst"] = "10000000",
            };
            if (concurrency is { } places) env["Reminders__DispatchConcurrency"] = places.ToString(Inv);
            // The sample roster, with the lead agency's reps replaced by `reps` generated ones.
            var roster = JsonNode.Parse(File.ReadAllText("samples/roster.json"))!.AsObject();
            // No meeting reminders: the measurement is the situation's cards alone, not a digest to every rep at once.
            foreach (var table in roster["tables"]!.AsArray()) table!["meeting"]!["remindBefore"] = new JsonArray();
            var members = roster["members"]!.AsArray();
            foreach (var m in members.Where(m => (string?)m!["agency"] == "northside-mh").ToList()) members.Remove(m);
            var emails = Enumerable.Range(1, reps).Select(n => $"bench.rep{n}@northside-mh.example").ToList();
            foreach (var email in emails)
                members.Add(new JsonObject { ["email"] = email, ["agency"] = "northside-mh", ["tables"] = new JsonArray("demo"), ["role"] = "rep" });
            var rosterFile = Path.Combine(workDir, "roster.json");
            File.WriteAllText(rosterFile, roster.ToJsonString());
            var import = Start(dll, ["import-roster", rosterFile], env, Path.Combine(workDir, "import.log"));
            await import.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);
            if (import.ExitCode != 0) throw new InvalidOperationException($"import-roster failed: {File.ReadAllText(Path.Combine(workDir, "import.log"))}");

            await RememberPersonalChatsAsync(Path.Combine(workDir, "focusbot.db"), emails, connector.ServiceUrl);

            var baseUrl = $"http://127.0.0.1:{FreePort()}";
            var host = Start(dll, ["--urls", baseUrl], env, Path.Combine(workDir, "host.log"));
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
            var until = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try { if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
                if (DateTime.UtcNow > until) throw new TimeoutException($"host did not become healthy; see {workDir}/host.log");
                await Task.Delay(250);
            }
            connector.AddUser("29:chair", "chair.demo@city.example");
            for (var n = 0; n < emails.Count; n++) connector.AddUser($"29:rep-{n}", emails[n]);
            return new Run(host, http, workDir, connector, [.. emails.Select((_, n) => $"a:rep-{n}")]);
        }

        /// <summary>
        /// Each rep has installed FocusBot: their 1:1 chat's conversation reference is stored as an install would store
        /// it (conversation <c>a:rep-N</c>, user <c>29:rep-N</c>), written straight to the database: 5,000 install
        /// turns at 250 ms per connector call would take longer than the measurement.
        /// </summary>
        private static async Task RememberPersonalChatsAsync(string databaseFile, List<string> emails, string serviceUrl)
        {
            var options = new DbContextOptionsBuilder<SqliteFocusBotDbContext>();
            options.UseSqliteDatabase($"Data Source={databaseFile}");
            await using var db = new SqliteFocusBotDbContext(options.Options);
            db.Conversations.AddRange(emails.Select((email, n) => new StoredConversation
            {
                Kind = ConversationKind.Personal,
                Key = ConversationAddress.Personal(email).Key,
                UpdatedAt = DateTimeOffset.UtcNow,
                ReferenceJson = StoredReference.Write(new ConversationReference
                {
                    ChannelId = "msteams",
                    ServiceUrl = serviceUrl,
                    Bot = new ChannelAccount("28:focusbot", "FocusBot"),
                    User = new ChannelAccount($"29:rep-{n}", "Bench User"),
                    Conversation = new ConversationAccount(id: $"a:rep-{n}", conversationType: "personal", tenantId: "tenant-1"),
                }),
            }));
            await db.SaveChangesAsync();
        }

        /// <summary>The co-chair records a situation led by the agency of the reps (a new form each time): the invoke's answer.</summary>
        public async Task<string> RecordAsync()
        {
            var invoke = Activity("invoke", "29:chair", "a:chair");
            invoke["name"] = "adaptiveCard/action";
            invoke["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute", ["verb"] = "situation.record", ["data"] = new JsonObject
                    {
                        ["table"] = "demo", ["type"] = "person", ["ageGroup"] = "18-24", ["gender"] = "female",
                        ["riskFactors"] = "housing", ["summary"] = "Synthetic bench situation.", ["originatingAgency"] = "tps-99",
                        ["aerMet"] = "true", ["leadAgency"] = "northside-mh", ["assistingAgencies"] = "harbour-housing", ["submissionId"] = Guid.NewGuid().ToString(),
                    },
                },
                ["trigger"] = "manual",
            };
            var answer = await _http.PostAsync("/api/messages", Json(invoke));
            return $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}";
        }

        /// <summary>Over the reps: situation cards missing and cards beyond the <paramref name="expected"/> each should have.</summary>
        public (int Lost, int Duplicated) LostAndDuplicated(int expected)
        {
            var posts = Connector.PostsPerConversation();
            var cards = Reps.Select(r => posts.GetValueOrDefault(r)).ToList();
            return (cards.Sum(c => Math.Max(0, expected - c)), cards.Sum(c => Math.Max(0, c - expected)));
        }

        /// <summary>CPU time the host process has used so far (user + system).</summary>
        public TimeSpan HostCpu()
        {
            _host.Refresh();
            return _host.TotalProcessorTime;
        }

        public async Task WaitAsync(Func<bool> done, TimeSpan limit)
        {
            var until = DateTime.UtcNow + limit;
            while (!done())
            {
                if (DateTime.UtcNow > until || _host.HasExited) throw new TimeoutException($"not done in {limit}; see {_workDir}/host.log");
                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_host.HasExited) { _host.Kill(entireProcessTree: true); await _host.WaitForExitAsync(); }
            _http.Dispose();
            await Connector.DisposeAsync();
            Directory.Delete(_workDir, recursive: true);
        }

        private static JsonObject Activity(string type, string userId, string conversationId) => new()
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = "",
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Bench User" },
            ["recipient"] = new JsonObject { ["id"] = "28:focusbot", ["name"] = "FocusBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };

        private StringContent Json(JsonObject activity)
        {
            activity["serviceUrl"] = Connector.ServiceUrl;
            return new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        }

        private static Process Start(string dll, string[] args, Dictionary<string, string> env, string logPath)
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

        private static int FreePort()
        {
            using var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            return ((IPEndPoint)l.LocalEndpoint).Port;
        }
    }

    /// <summary>
    /// A loopback Bot Connector that answers every call after a fixed latency, counts posts per conversation, and
    /// enforces Teams' limits: past 7 posts in the last second to one conversation, or 50 in the last second for the
    /// app, a post is answered 429 Retry-After: 1 (and not counted as delivered).
    /// </summary>
    private sealed partial class TeamsStandIn : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly TimeSpan _latency;
        private readonly ConcurrentDictionary<string, string> _users = new();
        private readonly ConcurrentDictionary<string, int> _posts = new();
        private readonly ConcurrentDictionary<string, DateTimeOffset> _lastPost = new();
        private readonly Dictionary<string, Queue<long>> _windows = new();
        private readonly Queue<long> _appWindow = new();
        private long _posted, _throttled;

        private TeamsStandIn(WebApplication app, TimeSpan latency) => (_app, _latency) = (app, latency);
        public string ServiceUrl { get; private set; } = "";
        public long Throttled => Interlocked.Read(ref _throttled);

        public static async Task<TeamsStandIn> StartAsync(TimeSpan latency)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var s = new TeamsStandIn(builder.Build(), latency);
            s._app.Run(s.AnswerAsync);
            await s._app.StartAsync();
            s.ServiceUrl = s._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/') + "/";
            return s;
        }

        public void AddUser(string userId, string email) => _users[userId] = email;

        public Dictionary<string, int> PostsPerConversation() => new(_posts);

        /// <summary>When the first and the last card reached these conversations (their newest post each).</summary>
        public (DateTimeOffset First, DateTimeOffset Last) RepCardWindow(IEnumerable<string> conversations)
        {
            var times = conversations.Select(c => _lastPost[c]).ToList();
            return (times.Min(), times.Max());
        }

        private bool Admit(string conversation)
        {
            var now = Stopwatch.GetTimestamp();
            var second = Stopwatch.Frequency;
            lock (_windows)
            {
                var window = _windows.TryGetValue(conversation, out var w) ? w : _windows[conversation] = new Queue<long>();
                while (window.Count > 0 && now - window.Peek() >= second) window.Dequeue();
                while (_appWindow.Count > 0 && now - _appWindow.Peek() >= second) _appWindow.Dequeue();
                if (window.Count >= 7 || _appWindow.Count >= 50) return false;
                window.Enqueue(now);
                _appWindow.Enqueue(now);
                return true;
            }
        }

        private async Task AnswerAsync(HttpContext context)
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = await reader.ReadToEndAsync();
            await Task.Delay(_latency);
            var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            var method = context.Request.Method;
            int status; string body;
            if (method == HttpMethods.Get && MemberTarget().Match(target) is { Success: true } m)
            {
                var id = Uri.UnescapeDataString(m.Groups[1].Value);
                var email = _users.TryGetValue(id, out var e) ? e : _users.Values.Contains(id, StringComparer.OrdinalIgnoreCase) ? id : null;
                (status, body) = email is null
                    ? (404, """{"error":{"code":"MemberNotFoundInConversation","message":"not found"}}""")
                    : (200, new JsonObject { ["id"] = id, ["name"] = "Bench User", ["email"] = email, ["userPrincipalName"] = email,
                        ["aadObjectId"] = Guid.NewGuid().ToString() }.ToJsonString());
            }
            else if (method == HttpMethods.Put && UpdatedActivity().Match(target) is { Success: true } u)
                (status, body) = (200, $$"""{"id":"{{Uri.UnescapeDataString(u.Groups[1].Value)}}"}""");
            else if (method == HttpMethods.Post && PostTarget().Match(target) is { Success: true } p)
            {
                var conversation = Uri.UnescapeDataString(p.Groups[1].Value);
                if (!Admit(conversation))
                {
                    Interlocked.Increment(ref _throttled);
                    context.Response.Headers.RetryAfter = "1";
                    (status, body) = (429, """{"error":{"code":"Throttled","message":"too many requests"}}""");
                }
                else
                {
                    // Only the situation cards are counted (not the welcome, co-chair notices or meeting reminders).
                    if (request.Contains("\"text\":\"Situation "))
                    {
                        _posts.AddOrUpdate(conversation, 1, (_, n) => n + 1);
                        _lastPost[conversation] = DateTimeOffset.UtcNow;
                    }
                    (status, body) = (201, $$"""{"id":"activity-{{Interlocked.Increment(ref _posted)}}"}""");
                }
            }
            else
                (status, body) = (201, """{"id":"a:opened"}""");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }

        [GeneratedRegex("/members/([^/?]+)$")] private static partial Regex MemberTarget();
        [GeneratedRegex("/activities/([^/?]+)$")] private static partial Regex UpdatedActivity();
        [GeneratedRegex("^/v3/conversations/([^/]+)/activities(/[^/?]+)?/?(\\?.*)?$")] private static partial Regex PostTarget();
        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}

// `profile <trace.nettrace>` mode of the bench: reads a sampled thread-time trace (dotnet-trace --profile dotnet-sampled-thread-time)
// and prints where the samples are, grouped by assembly/namespace area, and the methods with the most inclusive samples.
// Samples whose stack shows a waiting thread (thread pool, timers, socket loop) are left out, so the shares approximate
// where busy managed threads spend their time.
using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;

static class ProfileReport
{
    public static int Run(string[] args)
    {
        if (args.Length == 0) throw new ArgumentException("profile <trace.nettrace> [--top N] [--focus text]");
        var top = 40;
        string? focus = null;
        var waitsOnly = false;
        var blocked = new Dictionary<string, long>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--top") top = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--focus") focus = args[++i];
            else if (args[i] == "--with-lock-waits") waitsOnly = true;
        }
        var etlx = TraceLog.CreateFromEventPipeDataFile(args[0]);
        using var log = new TraceLog(etlx);
        var inclusive = new Dictionary<string, long>();
        var exclusive = new Dictionary<string, long>();
        var areas = new Dictionary<string, long>();
        long samples = 0;
        foreach (var e in log.Events)
        {
            if (e.ProviderName != "Microsoft-DotNETCore-SampleProfiler" || e.EventName != "Thread/Sample") continue;
            var stack = e.CallStack();
            if (stack is null) continue;
            var frames = new List<string>();
            for (var s = stack; s is not null; s = s.Caller)
                frames.Add(s.CodeAddress.FullMethodName is { Length: > 0 } name ? $"{s.CodeAddress.ModuleName}!{name}" : s.CodeAddress.ModuleName ?? "?");
            // Idle thread-pool and timer threads waiting: not CPU.
            if (frames.Count == 0 || frames.Any(f => f.Contains("WaitHandle.Wait", StringComparison.Ordinal) || f.Contains("LowLevelLifoSemaphore", StringComparison.Ordinal)
                || f.Contains("Monitor.Wait", StringComparison.Ordinal) || f.Contains("Thread.Sleep", StringComparison.Ordinal)
                || f.Contains("SocketAsyncEngine.EventLoop", StringComparison.Ordinal) || f.Contains("WaitForSignal", StringComparison.Ordinal)
                || f.Contains("FileSystem.Watcher", StringComparison.Ordinal)))
                continue;
            // Blocked on a lock (thread time, not CPU): counted apart, by the frame that took the lock.
            if (frames[0].Contains("Monitor.Enter_Slowpath", StringComparison.Ordinal) && !waitsOnly)
            {
                var taker = frames.FirstOrDefault(f => !f.StartsWith("System.Private.CoreLib!", StringComparison.Ordinal)) ?? "?";
                blocked[taker] = blocked.GetValueOrDefault(taker) + 1;
                continue;
            }
            if (focus is not null && !frames.Any(f => f.Contains(focus, StringComparison.Ordinal))) continue;
            samples++;
            exclusive[frames[0]] = exclusive.GetValueOrDefault(frames[0]) + 1;
            foreach (var f in frames.Distinct()) inclusive[f] = inclusive.GetValueOrDefault(f) + 1;
            var area = AreaOf(frames);
            areas[area] = areas.GetValueOrDefault(area) + 1;
        }
        Console.WriteLine($"{samples} busy samples{(focus is null ? "" : $" with {focus} on the stack")}");
        Console.WriteLine();
        Console.WriteLine("area (first matching frame from the top of the stack)   share");
        foreach (var (area, n) in areas.OrderByDescending(a => a.Value))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{area,-55} {100.0 * n / samples,5:0.0}%"));
        Console.WriteLine();
        Console.WriteLine($"{blocked.Values.Sum()} samples blocked on a lock (not counted above), by the first frame outside CoreLib:");
        foreach (var (name, n) in blocked.OrderByDescending(a => a.Value).Take(8)) Console.WriteLine($"{n,7}  {Trim(name)}");
        Console.WriteLine();
        Console.WriteLine($"top {top} methods by inclusive share (exclusive share)");
        foreach (var (name, n) in inclusive.OrderByDescending(a => a.Value).Take(top))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{100.0 * n / samples,5:0.0}% ({100.0 * exclusive.GetValueOrDefault(name) / samples,4:0.0}%)  {Trim(name)}"));
        return 0;
    }

    private static string Trim(string name) => name.Length > 170 ? name[..170] : name;

    /// <summary>Where a sample's time goes, judged by the innermost frame that belongs to a known area.</summary>
    private static string AreaOf(List<string> frames)
    {
        foreach (var f in frames)
        {
            if (f.Contains("clrjit", StringComparison.OrdinalIgnoreCase)) return "JIT (clrjit)";
            if (f.Contains("Newtonsoft.Json", StringComparison.Ordinal)) return "Newtonsoft.Json (Bot Framework serialization)";
            if (f.Contains("Microsoft.Data.Sqlite", StringComparison.Ordinal) || f.Contains("SQLitePCL", StringComparison.Ordinal) || f.Contains("e_sqlite3", StringComparison.Ordinal)) return "SQLite (ADO.NET and engine)";
            if (f.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)) return "EF Core (query pipeline, materialization, change tracking)";
            if (f.Contains("System.Text.Json", StringComparison.Ordinal)) return "System.Text.Json (cards, activity shape check)";
            if (f.Contains("FocusBot.Teams!FocusBot.Teams.Cards", StringComparison.Ordinal)) return "FocusBot cards";
            if (f.Contains("Microsoft.Bot.", StringComparison.Ordinal)) return "Bot Framework (other)";
            if (f.Contains("FocusBot", StringComparison.Ordinal)) return "FocusBot (other)";
            if (f.Contains("System.Net.Http", StringComparison.Ordinal) || f.Contains("System.Net.Sockets", StringComparison.Ordinal)) return "HttpClient / sockets (the reply to the connector)";
            if (f.Contains("Microsoft.AspNetCore", StringComparison.Ordinal) || f.Contains("Kestrel", StringComparison.Ordinal)) return "ASP.NET Core / Kestrel";
            if (f.Contains("Microsoft.Extensions.Logging", StringComparison.Ordinal) || f.Contains("OpenTelemetry", StringComparison.Ordinal)) return "logging / telemetry";
        }
        return "runtime / GC / other: " + frames[0].Split('!')[0];
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FocusBot.Testing;

namespace FocusBot.Tests.Host;

/// <summary>
/// The built host (src/FocusBot/bin/&lt;configuration&gt;/net10.0/FocusBot.dll, as a user runs it) in a process of its own,
/// started in a folder of the test's choosing, with its output captured. Disposing stops it (and its folder is the
/// caller's to remove).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private HostProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_error) _error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The folder of the FocusBot.dll under test (the app's own folder).</summary>
    public static string AppFolder { get; } = Path.GetDirectoryName(FindHost())!;

    public string Output { get { lock (_output) return _output.ToString(); } }
    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <summary>Starts FocusBot.dll with these arguments in <paramref name="workingDirectory"/>; <paramref name="environment"/> adds or clears (null) variables.</summary>
    public static HostProcess Start(string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppFolder, "FocusBot.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // A clean slate: no address, environment or database inherited from whoever runs the tests.
        foreach (var name in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_ENVIRONMENT",
                     "ConnectionStrings__FocusBot", "Database__Provider", "MicrosoftAppId", "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT" })
            start.Environment.Remove(name);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Reminders__Enabled"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        return new HostProcess(Process.Start(start)!);
    }

    /// <summary>Runs a command to its end and returns its exit code (the process is killed if it outlives <paramref name="limit"/>).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, IEnumerable<string> arguments,
        IDictionary<string, string?>? environment = null, TimeSpan? limit = null)
    {
        await using var host = Start(workingDirectory, arguments, environment);
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(2));
        await host._process.WaitForExitAsync(timeout.Token);
        host._process.WaitForExit(); // drains the redirected output
        return (host._process.ExitCode, host.Output, host.Error);
    }

    /// <summary>Waits until <c>GET {baseUrl}/healthz</c> answers 200; throws with the host's output if it exits first.</summary>
    public async Task WaitForHealthAsync(string baseUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"FocusBot exited ({_process.ExitCode}):\n{Output}\n{Error}");
            try
            {
                if ((await http.GetAsync($"{baseUrl}/healthz", limit.Token)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!limit.IsCancellationRequested) { }
            await Task.Delay(200, limit.Token);
        }
    }

    /// <summary>Kills the host at once (SIGKILL, as <c>kill -9</c>): no shutdown, no flush, nothing finished.</summary>
    public void KillNow()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>
    /// Asks the host to stop as a deployment does (SIGTERM) and waits for it to exit (killed if it outlives
    /// <paramref name="limit"/>); returns its exit code.
    /// </summary>
    public async Task<int> StopGracefullyAsync(TimeSpan limit)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!)
            await kill.WaitForExitAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            KillNow();
            throw new TimeoutException($"the host did not stop within {limit} of SIGTERM:\n{Output[^Math.Min(Output.Length, 4000)..]}");
        }
        return _process.ExitCode;
    }

    /// <summary>A TCP port that is free on loopback now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static string FindHost()
    {
        // tests/FocusBot.Tests/bin/<configuration>/<tfm>/ → src/FocusBot/bin/<configuration>/<tfm>/FocusBot.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var solution = Path.GetDirectoryName(SampleRoster.FindRepositoryFile("FocusBot.sln"))!;
        var dll = Path.Combine(solution, "src", "FocusBot", "bin", configuration, framework, "FocusBot.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The host is not built: {dll}");
    }
}

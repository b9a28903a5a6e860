using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FocusBot.Testing;

/// <summary>
/// A PostgreSQL server for tests. CI starts one and names it in <c>FOCUSBOT_TEST_POSTGRES</c> (an admin connection
/// string); without it, a throwaway cluster is started from the machine's PostgreSQL binaries in a temp folder, on
/// a free loopback port, and removed when the test process exits. Each caller gets a fresh database of its own.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "FOCUSBOT_TEST_POSTGRES";
    private static readonly Lazy<Task<string>> AdminConnection = new(StartAsync);

    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await AdminConnection.Value;
        var name = $"focusbot_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var bin = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL tests need a server: set {Variable} to an admin connection string, or install PostgreSQL " +
            "(Debian: apt-get install postgresql) so that a throwaway one can be started.");
        var folder = Directory.CreateTempSubdirectory("focusbot-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"-R postgres {folder}", asRoot: false);

        Run(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust --no-sync -E UTF8", asRoot);
        Run(Path.Combine(bin, "pg_ctl"),
            $"-D {data} -l {Path.Combine(folder, "log")} -w -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start",
            asRoot);
        StopWhenThisProcessEnds(bin, data, folder, asRoot);
        await Task.CompletedTask;
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>
    /// The test host may end without running exit handlers (the test runner kills it, or a person presses Ctrl-C): a
    /// watchdog process stops the server and removes its folder (~230 MB) once this process is gone, however it ended.
    /// </summary>
    private static void StopWhenThisProcessEnds(string bin, string data, string folder, bool asRoot)
    {
        var stop = asRoot ? $"runuser -u postgres -- {Path.Combine(bin, "pg_ctl")}" : Path.Combine(bin, "pg_ctl");
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
                     $"{stop} -D '{data}' -m immediate stop; rm -rf '{folder}'";
        var start = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            // Our own pipes, not the test runner's: the runner must not wait for the watchdog's output to close.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process.Start(start)!.Dispose();
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static void Run(string program, string arguments, bool asRoot)
    {
        // initdb refuses to run as root: run the server as the postgres user that Debian's package creates.
        var start = asRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using FocusBot.Hosting;
using FocusBot.Testing;
using Microsoft.Extensions.Configuration;

namespace FocusBot.Tests.Host;

/// <summary>
/// The host as a person runs it: the built FocusBot.dll in its own process, started from a folder outside the
/// repository (DESIGN.md, "Running").
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("focusbot-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Dictionary<string, string?> OwnDatabase() => new() { ["ConnectionStrings__FocusBot"] = $"Data Source={Path.Combine(_folder, "focusbot.db")}" };

    private static void AssertOneLineRefusal(string error)
    {
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Unhandled exception", error);
    }

    [Fact]
    public async Task Help_lists_every_verb_and_starts_nothing()
    {
        var (exit, output, _) = await HostProcess.RunAsync(_folder, ["--help"]);

        Assert.Equal(0, exit);
        foreach (var verb in new[] { "--demo", "import-roster PATH", "provision-meetings", "package-app", "--urls" })
            Assert.Contains(verb, output);
        Assert.DoesNotContain("Now listening", output);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task An_unknown_verb_is_an_error_with_the_list_of_verbs()
    {
        var (exit, output, error) = await HostProcess.RunAsync(_folder, ["import-rooster", "roster.json"]);

        Assert.Equal(2, exit);
        AssertOneLineRefusal(error);
        Assert.Contains("import-rooster", error);
        Assert.Contains("import-roster PATH", error);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task Import_roster_reads_a_relative_path_from_the_folder_the_command_was_typed_in()
    {
        File.Copy(SampleRoster.Path, Path.Combine(_folder, "my-roster.json"));

        var (exit, output, error) = await HostProcess.RunAsync(_folder, ["import-roster", "my-roster.json"], OwnDatabase());

        Assert.True(exit == 0, error);
        Assert.Contains("Roster imported: 2 tables", output);
        Assert.DoesNotContain("info:", output); // a one-shot command prints its result, not its log
    }

    [Fact]
    public async Task A_missing_roster_file_is_refused_in_one_line_naming_where_it_was_looked_for()
    {
        var (exit, _, error) = await HostProcess.RunAsync(_folder, ["import-roster", "nowhere.json"], OwnDatabase());

        Assert.Equal(HostRefusal.ExitCode, exit);
        AssertOneLineRefusal(error);
        Assert.Contains(Path.Combine(_folder, "nowhere.json"), error);
    }

    [Fact]
    public async Task Without_authentication_a_non_loopback_address_is_refused_in_one_line()
    {
        var (exit, output, error) = await HostProcess.RunAsync(_folder, ["--urls", $"http://0.0.0.0:{HostProcess.FreePort()}"], OwnDatabase());

        Assert.Equal(HostRefusal.ExitCode, exit);
        AssertOneLineRefusal(error);
        Assert.Contains("Refusing to listen on http://0.0.0.0", error);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task A_container_platforms_port_counts_as_every_interface_and_is_refused_without_authentication()
    {
        var (exit, _, error) = await HostProcess.RunAsync(_folder, [],
            new Dictionary<string, string?>(OwnDatabase()) { ["ASPNETCORE_HTTP_PORTS"] = HostProcess.FreePort().ToString() });

        Assert.Equal(HostRefusal.ExitCode, exit);
        AssertOneLineRefusal(error);
        Assert.Contains("http://*:", error);
    }

    [Theory]
    [InlineData("Database:Provider", "Oracle")]
    // Values the configuration binder cannot convert: the host must not crash (exit 134) nor start and fail every request.
    [InlineData("Privacy:RetentionMonths", "abc")]
    [InlineData("Reminders:PollInterval", "soon")]
    [InlineData("RateLimits:ApiBurst", "many")]
    // Catalogue entries and lists the binder would silently leave out (the default catalogue would be used instead).
    [InlineData("Catalogue:Services:0:label", "Harm reduction", "Catalogue:Services:0:id")]
    [InlineData("Catalogue:Outcomes:0:id", "moved-away", "Catalogue:Outcomes:0:label")]
    [InlineData("Catalogue:Service:0:id", "harm-reduction", "Catalogue:Service is not a catalogue")]
    public async Task An_invalid_setting_is_refused_in_one_line(string setting, string value, string? named = null)
    {
        var (exit, output, error) = await HostProcess.RunAsync(_folder, [$"--{setting}", value, "--urls", $"http://127.0.0.1:{HostProcess.FreePort()}"], OwnDatabase());

        Assert.Equal(HostRefusal.ExitCode, exit);
        AssertOneLineRefusal(error);
        Assert.Contains(named ?? setting, error);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task ASPNETCORE_URLS_is_honoured()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var host = HostProcess.Start(_folder, [], new Dictionary<string, string?>(OwnDatabase()) { ["ASPNETCORE_URLS"] = url });

        await host.WaitForHealthAsync(url);
    }

    [Fact]
    public async Task Urls_on_the_command_line_are_honoured()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var host = HostProcess.Start(_folder, ["--urls", url], OwnDatabase());

        await host.WaitForHealthAsync(url);
    }

    [Fact]
    public async Task ASPNETCORE_HTTP_PORTS_is_honoured_when_authentication_is_on()
    {
        var port = HostProcess.FreePort();
        await using var host = HostProcess.Start(_folder, [], new Dictionary<string, string?>(OwnDatabase())
        {
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(),
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-00000000b0d1",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-0000000000aa",
            ["Backend__Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-0000000000aa/v2.0",
            ["Backend__Audience"] = "api://focusbot-test",
        });

        await host.WaitForHealthAsync($"http://127.0.0.1:{port}");
    }

    [Fact]
    public async Task Demo_started_outside_the_repository_uses_the_apps_folder_its_settings_and_its_sample_roster()
    {
        // A relative database file: it belongs in the app's folder, not in the folder the command was typed in.
        var databaseName = $"focusbot-cli-test-{Guid.NewGuid():N}.db";
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        try
        {
            await using (var host = HostProcess.Start(_folder, ["--demo", "--urls", url],
                             new Dictionary<string, string?> { ["ConnectionStrings__FocusBot"] = $"Data Source={databaseName}" }))
            {
                await host.WaitForHealthAsync(url);

                Assert.Contains("7 members", host.Output);
                Assert.Contains($"Content root path: {HostProcess.AppFolder}", host.Output);
                Assert.True(File.Exists(Path.Combine(HostProcess.AppFolder, databaseName)));
                Assert.Empty(Directory.GetFiles(_folder));
                // appsettings.json's log levels apply: no SQL statement is logged.
                Assert.DoesNotContain("Executed DbCommand", host.Output);
            }
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path.Combine(HostProcess.AppFolder, databaseName + suffix));
        }
    }

    [Theory]
    [InlineData(null, null, null, "http://127.0.0.1:3978")]
    [InlineData("http://127.0.0.1:5055", null, null, "http://127.0.0.1:5055")]
    [InlineData(null, "8080", null, "http://*:8080")]
    [InlineData("http://127.0.0.1:5055", "8080", null, "http://127.0.0.1:5055")]
    [InlineData(null, null, "http://127.0.0.1:6000", "http://127.0.0.1:6000")]
    public void The_address_follows_ASP_NET_Core_and_is_127_0_0_1_3978_only_when_none_is_given(
        string? urls, string? httpPorts, string? kestrelEndpoint, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = urls,
            ["http_ports"] = httpPorts,
            ["Kestrel:Endpoints:Http:Url"] = kestrelEndpoint,
        }).Build();

        Assert.Equal([expected], ListeningAddresses.Effective(configuration));
    }

    [Fact]
    public void The_shipped_settings_name_no_address()
    {
        var settings = File.ReadAllText(Path.Combine(HostProcess.AppFolder, "appsettings.json"));

        Assert.DoesNotContain("\"Urls\"", settings, StringComparison.OrdinalIgnoreCase);
    }
}

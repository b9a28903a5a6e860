using System.Text;
using FocusBot.Core.Meetings;
using FocusBot.Core.Roster;
using FocusBot.Meetings;
using FocusBot.Testing;
using FocusBot.Tests.Host;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Meetings;

public sealed class ProvisionMeetingsCommandTests : IAsyncLifetime
{
    private FocusBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await FocusBotApp.StartAsync();
        using var client = _app.CreateClient();
        var roster = await File.ReadAllTextAsync(SampleRoster.Path);
        (await client.PutAsync("/api/v1/roster", new StringContent(roster, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Without_Graph_nothing_is_done_and_the_reason_is_given()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var error = new StringWriter();

        var exit = await ProvisionMeetingsCommand.RunAsync(scope.ServiceProvider, TextWriter.Null, error, default);

        Assert.Equal(1, exit); // a refusal (README: 1 when refused, 2 when the command line is not understood)
        Assert.Contains("Microsoft Graph is not configured", error.ToString());
    }

    [Fact]
    public async Task Each_tables_series_id_is_stored_and_a_calendar_failure_is_named_per_table()
    {
        var provisioner = new ScriptedProvisioner();
        await using var host = _app.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IMeetingSeriesProvisioner>(provisioner)));
        await using var scope = host.Services.CreateAsyncScope();
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await ProvisionMeetingsCommand.RunAsync(scope.ServiceProvider, output, error, default);

        Assert.Equal(1, exit);
        Assert.Contains("demo: weekly series series-demo in focus-demo@city.example's calendar.", output.ToString());
        Assert.Contains("lakeside: Graph refused: add Calendars.ReadWrite.", error.ToString());
        var roster = scope.ServiceProvider.GetRequiredService<IRosterStore>();
        Assert.Equal("series-demo", (await roster.FindTableAsync("demo", default))!.Meeting.CalendarEventId);
        Assert.Null((await roster.FindTableAsync("lakeside", default))!.Meeting.CalendarEventId);
    }

    private sealed class ScriptedProvisioner : IMeetingSeriesProvisioner
    {
        public Task<string> EnsureRecurringMeetingAsync(Table table, CancellationToken cancellationToken) =>
            table.Id == "lakeside"
                ? throw new CalendarUnavailableException("Graph refused: add Calendars.ReadWrite.")
                : Task.FromResult($"series-{table.Id}");
    }
}

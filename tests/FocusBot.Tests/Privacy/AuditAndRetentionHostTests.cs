using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocusBot.Core.Audit;
using FocusBot.Hosting;
using FocusBot.Privacy;
using FocusBot.Situations;
using FocusBot.Tests.Situations;
using FocusBot.Data.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Privacy;

/// <summary>The host's read audit through the API, <c>GET /api/v1/audit</c>, the <c>purge</c> verb and the daily run.</summary>
public sealed class AuditAndRetentionHostTests : IAsyncLifetime
{
    private SituationsHost _host = null!;

    // The worker is off so that the test, not a background pass, decides when the daily run happens.
    public async Task InitializeAsync() =>
        _host = await SituationsHost.StartAsync(settings: new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonArray> AuditAsync(string query = "")
    {
        var response = await _host.Client.GetAsync($"/api/v1/audit{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    [Fact]
    public async Task Reading_a_situation_through_the_api_writes_one_row_and_the_audit_lists_it()
    {
        var id = await _host.RecordAsync();
        Assert.Empty(await AuditAsync());

        (await _host.Client.GetAsync($"/api/v1/situations/{id}")).EnsureSuccessStatusCode();

        var row = Assert.Single(await AuditAsync($"?situation={id}"))!;
        Assert.Equal(("read", "api", id, ApiCaller.DevelopmentEmail, "admin"),
            ((string?)row["action"], (string?)row["through"], (string?)row["situation"], (string?)row["member"], (string?)row["role"]));
        Assert.Equal(_host.Clock.GetUtcNow(), (DateTimeOffset)row["at"]!);
    }

    [Fact]
    public async Task Listing_situations_is_a_read_of_each_one_listed_and_a_miss_is_no_read()
    {
        var first = await _host.RecordAsync();
        var second = await _host.RecordAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync("/api/v1/situations/DM-2026-9999")).StatusCode);

        (await _host.Client.GetAsync("/api/v1/situations?table=demo")).EnsureSuccessStatusCode();

        var rows = await AuditAsync();
        Assert.Equal([first, second], rows.Select(r => (string?)r!["situation"]).Order());
        Assert.All(rows, r => Assert.Equal("api-list", (string?)r!["through"]));
    }

    [Fact]
    public async Task The_audit_is_filtered_by_member_and_period_and_bad_filters_are_named()
    {
        var id = await _host.RecordAsync();
        (await _host.Client.GetAsync($"/api/v1/situations/{id}")).EnsureSuccessStatusCode();
        _host.Clock.Advance(TimeSpan.FromDays(2));
        (await _host.Client.GetAsync($"/api/v1/situations/{id}")).EnsureSuccessStatusCode();

        Assert.Equal(2, (await AuditAsync($"?member={ApiCaller.DevelopmentEmail}")).Count);
        Assert.Empty(await AuditAsync("?member=someone@else.example"));
        Assert.Single(await AuditAsync("?from=2026-03-03"));
        Assert.Single(await AuditAsync("?to=2026-03-03"));
        Assert.Single(await AuditAsync($"?from={Uri.EscapeDataString(_host.Clock.GetUtcNow().ToString("O"))}"));

        var bad = await _host.Client.GetAsync("/api/v1/audit?from=yesterday&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("from"));
    }

    [Fact]
    public async Task Purge_dry_run_lists_what_it_would_erase_and_changes_nothing_then_purge_erases_and_is_audited()
    {
        var id = await _host.RecordAsync();
        await _host.ConcludeAsync(id, "risk-lowered-connected");
        _host.Clock.Advance(TimeSpan.FromDays(2 * 366));

        var dryRun = new StringWriter();
        await using (var scope = _host.Services.CreateAsyncScope())
            Assert.Equal(0, await PurgeCommand.RunAsync(scope.ServiceProvider, dryRun: true, dryRun, default));
        var stillThere = await (await _host.Client.GetAsync($"/api/v1/situations/{id}")).Content.ReadFromJsonAsync<JsonObject>();

        var purge = new StringWriter();
        await using (var scope = _host.Services.CreateAsyncScope())
            Assert.Equal(0, await PurgeCommand.RunAsync(scope.ServiceProvider, dryRun: false, purge, default));
        var erased = await (await _host.Client.GetAsync($"/api/v1/situations/{id}")).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Contains($"Would erase the summary, notes, next steps, decline reasons and e-mails of 1 situation(s)", dryRun.ToString());
        Assert.Contains($"  {id} (table demo, concluded 2026-03-02)", dryRun.ToString());
        Assert.Contains("Nothing was changed (--dry-run)", dryRun.ToString());
        Assert.NotNull((string?)stillThere!["summary"]);
        Assert.Contains("Erased the summary, notes, next steps, decline reasons and e-mails of 1 situation(s)", purge.ToString());
        Assert.Null((string?)erased!["summary"]);
        Assert.Contains(await AuditAsync($"?situation={id}"), r => (string?)r!["action"] == "purge" && (string?)r["through"] == "purge-command");
    }

    [Fact]
    public async Task Purge_with_nothing_due_says_so()
    {
        var output = new StringWriter();
        await using var scope = _host.Services.CreateAsyncScope();

        Assert.Equal(0, await PurgeCommand.RunAsync(scope.ServiceProvider, dryRun: true, output, default));
        Assert.StartsWith("Nothing to erase: no situation concluded on or before 2024-03-02", output.ToString());
    }

    [Fact]
    public async Task The_daily_run_purges_once_a_day_whatever_the_number_of_passes()
    {
        var id = await _host.RecordAsync();
        await _host.ConcludeAsync(id, "risk-lowered-connected");
        _host.Clock.Advance(TimeSpan.FromDays(2 * 366));
        var daily = _host.Services.GetRequiredService<DailyRetention>();

        var first = await daily.RunIfDueAsync("worker-a", default);
        var second = await daily.RunIfDueAsync("worker-b", default);
        _host.Clock.Advance(DailyRetention.Interval);
        var nextDay = await daily.RunIfDueAsync("worker-b", default);

        Assert.Equal(1, first!.Erased);
        Assert.Null(second);
        Assert.NotNull(nextDay);
        Assert.Equal(0, nextDay.Erased);
        Assert.Contains(await AuditAsync($"?situation={id}"), r => (string?)r!["through"] == "retention-job");
    }

    [Fact]
    public async Task The_daily_run_forgets_form_submissions_older_than_the_window_and_keeps_the_recent_ones()
    {
        // Reminders:ProcessedSubmissionsKeptFor is 30 days by default.
        var now = _host.Clock.GetUtcNow();
        await using (var db = _host.Database.CreateContext())
        {
            db.ProcessedSubmissions.AddRange(
                new ProcessedSubmission { Key = "situation.record:old", Outcome = "DM-2026-0001", At = now.AddDays(-31) },
                new ProcessedSubmission { Key = "situation.record:recent", Outcome = "DM-2026-0002", At = now.AddDays(-29) });
            await db.SaveChangesAsync();
        }

        Assert.NotNull(await _host.Services.GetRequiredService<DailyRetention>().RunIfDueAsync("worker-a", default));

        await using (var db = _host.Database.CreateContext())
            Assert.Equal(["situation.record:recent"], await db.ProcessedSubmissions.Select(s => s.Key).ToListAsync());
    }

    [Fact]
    public void The_purge_verb_and_its_dry_run_are_read_from_the_command_line()
    {
        Assert.Equal((HostVerb.Purge, true), (HostCommand.Parse(["purge", "--dry-run"]).Verb, HostCommand.Parse(["purge", "--dry-run"]).DryRun));
        Assert.Equal((HostVerb.Purge, false), (HostCommand.Parse(["purge"]).Verb, HostCommand.Parse(["purge"]).DryRun));
        Assert.Equal((HostVerb.Purge, true), (HostCommand.Parse(["--dry-run", "purge"]).Verb, HostCommand.Parse(["--dry-run", "purge"]).DryRun));
        Assert.NotNull(HostCommand.Parse(["--demo", "--dry-run"]).Problem);
    }

    [Theory]
    [InlineData("--dry-rn")]
    [InlineData("--dryrun")]
    [InlineData("--dry-run=true")]
    [InlineData("--Dry-Run")]
    [InlineData("-dry-run")]
    public void A_mistyped_dry_run_is_refused_and_never_read_as_a_real_purge(string typo)
    {
        var command = HostCommand.Parse(["purge", typo]);

        Assert.Contains(typo, command.Problem);
        Assert.Contains("--dry-run", command.Problem);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--force")]
    [InlineData("-x")]
    public void Purge_with_an_option_it_does_not_know_is_refused(string option)
    {
        var command = HostCommand.Parse(["purge", option]);

        Assert.Contains($"Unknown option '{option}' for purge", command.Problem);
    }

    [Fact]
    public void Purge_still_takes_settings_and_host_options()
    {
        var command = HostCommand.Parse(["purge", "--Database:Provider", "Postgres", "--Privacy:RetentionMonths=24", "--environment", "Production"]);

        Assert.Null(command.Problem);
        Assert.Equal(["--Database:Provider", "Postgres", "--Privacy:RetentionMonths=24", "--environment", "Production"], command.RemainingArgs);
    }
}

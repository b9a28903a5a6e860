using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocusBot.Core.Reminders;
using FocusBot.Health;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Tests.Host;

public sealed class HealthTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_with_each_check_named()
    {
        await using var app = await FocusBotApp.StartAsync();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        var ready = await client.GetFromJsonAsync<JsonObject>("/healthz/ready");
        Assert.Equal("healthy", (string?)ready!["status"]);
        foreach (var check in new[] { "database", "migrations", "reminders" })
            Assert.Equal("healthy", (string?)ready["checks"]![check]!["status"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_database_without_the_migrations_is_not_ready_but_the_process_is_live()
    {
        await using var app = await FocusBotApp.StartAsync();
        using var client = app.CreateClient();
        // The database file is replaced by an empty one (as a restore of the wrong file would).
        var file = new SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource;
        SqliteConnection.ClearAllPools();
        File.Delete(file);

        var response = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("unhealthy", (string?)body!["checks"]!["migrations"]!["status"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }

    [Fact]
    public async Task A_reminder_worker_that_has_not_ended_a_pass_for_too_long_is_reported_stuck()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-08T06:00:00Z"));
        var options = new ReminderOptions { PollInterval = TimeSpan.FromMinutes(1), ClaimTimeout = TimeSpan.FromMinutes(5) };
        var heartbeat = new ReminderWorkerHeartbeat(time);
        var check = new ReminderWorkerCheck(heartbeat, options, new ConfigurationBuilder().Build(), time);

        time.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new())).Status);
        heartbeat.PassEnded();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
    }

    [Fact]
    public async Task A_disabled_reminder_worker_is_not_a_stuck_one()
    {
        var time = new FakeTimeProvider();
        var disabled = new ConfigurationBuilder().AddInMemoryCollection([new("Reminders:Enabled", "false")]).Build();
        var check = new ReminderWorkerCheck(new ReminderWorkerHeartbeat(time), new ReminderOptions(), disabled, time);

        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Testing;
using FocusBot.Tests.Situations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FocusBot.Tests.Host;

/// <summary>
/// With OpenTelemetry on, a situation's summary, an update's note and next step, a decline's reason and a typed
/// message travel through the bot; none of their words may reach a span, a metric or a log record.
/// </summary>
public sealed class TelemetryRedactionTests
{
    private const string Marker = "zebracorn";
    private const string Summary = "Sleeping rough behind the zebracorn quilt shop; crisis calls rising.";
    private const string Note = "Met at the zebracorn drop-in; agreed to a housing assessment.";
    private const string NextStep = "Zebracorn worker to call back on Friday.";
    private const string Reason = "Our zebracorn caseload is full this month.";

    [Fact]
    public async Task No_typed_text_reaches_a_span_a_metric_or_a_log()
    {
        var spans = new List<Activity>();
        var logs = new List<LogRecord>();
        var metrics = new List<Metric>();
        var console = new CapturingLoggerProvider();
        await using var connector = await ConnectorStandIn.StartAsync();
        connector.AddUser("29:rep", "Sam Example", SituationsHost.NorthsideRep);
        connector.AddUser("29:harbour", "Lee Example", SituationsHost.HarbourRep);
        connector.AddUser("29:chair", "Kim Example", SituationsHost.CoChair);
        await using var app = new FocusBotApp(await TestDatabase.CreateAsync(Data.DatabaseProvider.Sqlite));
        // A host setting: read while Program registers its services (as an environment variable would be).
        var host = app.WithWebHostBuilder(builder => builder.UseSetting("Telemetry:Enabled", "true").ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
            services.AddLogging(logging => logging
                .AddOpenTelemetry(options => options.AddInMemoryExporter(logs))
                .AddProvider(console));
        }));
        using var client = host.CreateClient();
        (await client.PutAsync("/api/v1/roster", new StringContent(await File.ReadAllTextAsync(SampleRoster.Path), Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();

        var recorded = await client.PostAsJsonAsync("/api/v1/situations", SituationsHost.DemoRequest(Summary));
        recorded.EnsureSuccessStatusCode();
        var id = (string)(await recorded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var turns = new[]
        {
            Activities.Message(connector.ServiceUrl, "29:rep", $"hello {Marker} bot, is anyone there?"),
            Activities.Invoke(connector.ServiceUrl, "29:rep", "situation.accept", new() { ["situationId"] = id, ["agencyId"] = "northside-mh" }),
            Activities.Invoke(connector.ServiceUrl, "29:harbour", "situation.decline",
                new() { ["situationId"] = id, ["agencyId"] = "harbour-housing", ["reason"] = Reason }, "a:personal-2"),
            Activities.Invoke(connector.ServiceUrl, "29:rep", "situation.postUpdate",
                new() { ["situationId"] = id, ["kind"] = "contacted", ["note"] = Note, ["nextStep"] = NextStep, ["barriers"] = "" }),
            Activities.Message(connector.ServiceUrl, "29:chair", $"situation {id}", "a:personal-3"),
        };
        foreach (var turn in turns) (await Activities.PostAsync(client, turn)).EnsureSuccessStatusCode();
        (await client.GetAsync($"/api/v1/situations/{id}")).EnsureSuccessStatusCode();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        host.Services.GetRequiredService<LoggerProvider>().ForceFlush();
        // The host's worker goes on exporting while the test reads: read copies.
        spans = Snapshot(spans);
        logs = Snapshot(logs);
        metrics = Snapshot(metrics);

        // The words did travel: the co-chair's card shows the note and the summary.
        var shown = string.Join("\n", connector.Activities.Select(a => a.Body));
        Assert.Contains("zebracorn drop-in", shown);
        Assert.Contains("zebracorn quilt shop", shown);
        // Telemetry was recorded: each turn with its kind, the database and the connector calls.
        var turnSpans = spans.Where(s => s.OperationName == "focusbot.turn").ToList();
        Assert.Contains(turnSpans, s => (string?)s.GetTagItem("focusbot.command") == "adaptiveCard/action:situation.postUpdate");
        Assert.Contains(turnSpans, s => (string?)s.GetTagItem("focusbot.command") == "ShowSituation");
        Assert.Contains(turnSpans, s => (string?)s.GetTagItem("focusbot.command") == "Unknown");
        Assert.Contains(spans, s => s.Source.Name.Contains("EntityFrameworkCore"));
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && ((string?)s.GetTagItem("url.full"))?.Contains("/v3/conversations/") == true);
        Assert.Contains(metrics, m => m.Name == "focusbot.turns");
        Assert.NotEmpty(logs);

        // ... and none of the typed words is in any of it.
        Assert.All(spans, span => AssertClean(SpanText(span), $"span {span.OperationName}"));
        Assert.All(logs, log => AssertClean(LogText(log), $"log {log.CategoryName}"));
        Assert.All(metrics, metric => AssertClean(MetricText(metric), $"metric {metric.Name}"));
        Assert.All(console.Lines, line => AssertClean(line, "log line"));
    }

    /// <summary>A copy of what an in-memory exporter collected so far (it may still be adding from another thread).</summary>
    private static List<T> Snapshot<T>(List<T> exported) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return [.. new List<T>(exported).Where(item => item is not null)];
            }
            catch (ArgumentException) when (attempt < 10)
            {
                // It grew while being copied: copy again.
            }
        }
    }

    private static void AssertClean(string text, string where) =>
        Assert.False(text.Contains(Marker, StringComparison.OrdinalIgnoreCase), $"typed text in {where}: {text}");

    private static string SpanText(Activity span) => string.Join("|", [
        span.DisplayName, span.OperationName, span.StatusDescription ?? "",
        .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
        .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")),
        .. span.Baggage.Select(b => $"{b.Key}={b.Value}"),
    ]);

    private static string LogText(LogRecord log) => string.Join("|", [
        log.FormattedMessage ?? "", log.Body ?? "", log.Exception?.ToString() ?? "",
        .. (log.Attributes ?? []).Select(a => $"{a.Key}={a.Value}"),
    ]);

    private static string MetricText(Metric metric)
    {
        var text = new StringBuilder(metric.Name);
        foreach (ref readonly var point in metric.GetMetricPoints())
            foreach (var tag in point.Tags) text.Append($"|{tag.Key}={tag.Value}");
        return text.ToString();
    }

    /// <summary>Every log line as a console would print it, exceptions included.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly List<string> _lines = [];
        public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }
        public ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines) _lines.Add($"{formatter(state, exception)} {exception}");
        }
    }
}

public sealed class TelemetryUrlTests
{
    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/users/organizer.demo%40city.example/calendar/events?$filter=x",
        "https://graph.microsoft.com/v1.0/users/{masked}/calendar/events")]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/a%3Aconv-1/activities/17",
        "https://smba.trafficmanager.net/amer/v3/conversations/{masked}/activities/17")]
    [InlineData("https://smba.example/v3/conversations/19:abc@thread.tacv2/activities",
        "https://smba.example/v3/conversations/{masked}/activities")]
    public void Addresses_and_conversation_ids_are_masked_and_the_query_dropped(string url, string expected) =>
        Assert.Equal(expected, FocusBot.Telemetry.TelemetryUrl.Mask(new Uri(url)));
}

using System.Collections.Concurrent;
using System.Net;
using FocusBot.Teams.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Tests.Proactive;

/// <summary>
/// A Bot Connector call that times out is retried, and the timeout is logged as what it is, an expected condition:
/// a warning, never an error (issue 9: "expected conditions log one line at Information or Warning, not fail:").
/// </summary>
public sealed class ConnectorTimeoutLoggingTests
{
    [Fact]
    public async Task A_timed_out_attempt_is_retried_and_logged_as_a_warning_not_an_error()
    {
        var logs = new CapturedLogs();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:Retry:AttemptTimeout"] = "00:00:00.2",
            ["Teams:Retry:BaseDelay"] = "00:00:00",
            ["Teams:Retry:MaxDelay"] = "00:00:00.1",
        }).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddConnectorResilience(configuration);
        var connector = new SlowFirstAnswer();
        services.AddHttpClient(ConnectorHttpClientFactory.ClientName).ConfigurePrimaryHttpMessageHandler(() => connector);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpClientFactory.ClientName);

        var answer = await client.PostAsync("http://connector.invalid/v3/conversations/a:1/activities", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal(2, connector.Calls);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("OnTimeout"));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private sealed class SlowFirstAnswer : HttpMessageHandler
    {
        private int _calls;
        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1) await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"id":"1"}""") };
        }
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(CapturedLogs logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}

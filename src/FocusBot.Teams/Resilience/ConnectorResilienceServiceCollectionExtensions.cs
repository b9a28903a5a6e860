using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Telemetry;

namespace FocusBot.Teams.Resilience;

public static class ConnectorResilienceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Bot Connector's HttpClient with <see cref="ConnectorRetryPolicy"/> and a
    /// <see cref="BotFrameworkAuthentication"/> that uses it, so every adapter built on it retries the Teams way.
    /// </summary>
    public static IServiceCollection AddConnectorResilience(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectorRetryOptions>()
            .Bind(configuration.GetSection(ConnectorRetryOptions.Section))
            .Validate(retry => retry.MaxAttempts >= 1 && retry.BaseDelay >= TimeSpan.Zero && retry.MaxDelay >= retry.BaseDelay
                    && retry.AttemptTimeout > TimeSpan.Zero,
                $"{ConnectorRetryOptions.Section}: MaxAttempts must be at least 1, MaxDelay at least BaseDelay, AttemptTimeout positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(ConnectorHttpClientFactory.ClientName)
            // The attempt timeout and the caller's token bound each call; HttpClient's own 100 s would cut retries short.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("teams-connector", (pipeline, context) =>
                ConnectorRetryPolicy.Configure(
                    pipeline,
                    context.ServiceProvider.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value,
                    context.ServiceProvider.GetRequiredService<TimeProvider>()));

        // A timed-out attempt is retried like a 503: an expected condition, logged as a warning, not as an error
        // (Polly logs OnTimeout at Error by default). Applies to every resilience pipeline of the host.
        services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = args =>
            args.Event.EventName == "OnTimeout" ? ResilienceEventSeverity.Warning : args.Event.Severity);

        services.TryAddSingleton<ConnectorHttpClientFactory>();
        services.TryAddSingleton<BotFrameworkAuthentication>(provider => new ConfigurationBotFrameworkAuthentication(
            configuration,
            httpClientFactory: provider.GetRequiredService<ConnectorHttpClientFactory>(),
            logger: provider.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        return services;
    }
}

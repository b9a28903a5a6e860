using System.Net;
using FocusBot.Core.Telemetry;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FocusBot.Teams.Resilience;

/// <summary>
/// Microsoft's guidance for Teams bots, in one place: retry 429 after the wait Teams names (except for a dispatcher's
/// send, see <see cref="ThrottlingReleasedToCaller"/>), retry 412/502/503/504 and transport failures with exponential
/// backoff and jitter, and never retry what cannot succeed (400/401/403/404).
/// </summary>
public static class ConnectorRetryPolicy
{
    private static readonly HashSet<HttpStatusCode> Transient =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    private static bool IsTransient(HttpStatusCode status) => Transient.Contains(status);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ConnectorRetryOptions options, TimeProvider clock)
    {
        if (options.MaxAttempts > 1)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                // Polly does not cap a generated delay by MaxDelay, so the cap is applied here.
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfter.Of(args.Outcome.Result, clock.GetUtcNow()) is { } wait
                        ? (TimeSpan?)(wait > options.MaxDelay ? options.MaxDelay : wait)
                        : null),
            });
        }

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome)
    {
        // Each 429 Teams answers is counted (the metric focusbot.connector.throttled), retried or not.
        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            FocusBotTelemetry.Throttled.Add(1);
            // A dispatcher's send: released with Retry-After by the dispatcher, not waited out here.
            if (ThrottlingReleasedToCaller.IsActive) return false;
        }
        return outcome switch
        {
            { Result: { } response } => IsTransient(response.StatusCode),
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            _ => false,
        };
    }
}

using FocusBot.Core.Reminders;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FocusBot.Health;

/// <summary>
/// When the reminder worker last finished a pass (UTC), per process: the readiness check reads it to tell a stuck
/// worker (a pass that never ends) from a quiet one. Counts from the process start until the first pass ends.
/// </summary>
public sealed class ReminderWorkerHeartbeat(TimeProvider time)
{
    private long _lastPassTicks = time.GetUtcNow().UtcTicks;

    /// <summary>The end of the last pass, or the process start when none has ended yet (UTC).</summary>
    public DateTimeOffset LastPass => new(Interlocked.Read(ref _lastPassTicks), TimeSpan.Zero);

    /// <summary>Records that a pass (successful or not) has just ended.</summary>
    public void PassEnded() => Interlocked.Exchange(ref _lastPassTicks, time.GetUtcNow().UtcTicks);
}

/// <summary>
/// Unhealthy when the reminder worker is enabled and has not finished a pass for longer than three poll intervals
/// plus the claim timeout (a pass may legitimately wait on Teams' retries that long); healthy when it is disabled.
/// </summary>
public sealed class ReminderWorkerCheck(ReminderWorkerHeartbeat heartbeat, ReminderOptions options, IConfiguration configuration, TimeProvider time)
    : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!configuration.GetValue(ReminderOptions.Section + ":Enabled", true))
            return Task.FromResult(HealthCheckResult.Healthy("the reminder worker is disabled on this instance"));

        var since = time.GetUtcNow() - heartbeat.LastPass;
        var limit = options.PollInterval * 3 + options.ClaimTimeout;
        return Task.FromResult(since <= limit
            ? HealthCheckResult.Healthy($"last pass {since.TotalSeconds:0} s ago")
            : HealthCheckResult.Unhealthy($"no pass has ended for {since.TotalMinutes:0} min (limit {limit.TotalMinutes:0} min)"));
    }
}

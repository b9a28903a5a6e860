using FocusBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FocusBot.Health;

/// <summary>
/// Unhealthy while the database lacks migrations this build has (another instance is still migrating, or a newer
/// build's database was restored), so that a load balancer sends no traffic to an instance that would fail.
/// </summary>
public sealed class MigrationsAppliedCheck(FocusBotDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("every migration is applied")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, the first {pending[0]}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the applied migrations could not be read ({exception.GetType().Name})");
        }
    }
}

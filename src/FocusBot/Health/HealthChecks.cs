using FocusBot.Data;

namespace FocusBot.Health;

/// <summary>Registers the readiness checks: database reachable, migrations applied, reminder worker not stuck.</summary>
public static class HealthChecks
{
    /// <summary>The tag of the checks <c>/healthz/ready</c> runs.</summary>
    public const string Ready = "ready";

    /// <summary>The checks and the reminder worker's heartbeat; map them with <see cref="HealthEndpoints.MapHealth"/>.</summary>
    public static IServiceCollection AddFocusBotHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<ReminderWorkerHeartbeat>();
        services.AddHealthChecks()
            .AddDbContextCheck<FocusBotDbContext>("database", tags: [Ready])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [Ready])
            .AddCheck<ReminderWorkerCheck>("reminders", tags: [Ready]);
        return services;
    }
}

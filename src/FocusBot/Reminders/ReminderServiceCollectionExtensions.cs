using FocusBot.Core.Deliveries;
using FocusBot.Core.Meetings;
using FocusBot.Core.Reminders;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// The dispatcher worker (settings under <c>Reminders</c>): the outbox of everything the bot sends, reminders
    /// planned and sent, co-chairs told of problems, and waking at once when a situation changes. Call after the Teams
    /// registrations (it replaces their dispatch signal).
    /// </summary>
    public static IServiceCollection AddFocusBotReminders(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new ReminderOptions();
        configuration.GetSection(ReminderOptions.Section).Bind(options);
        Validate(options);
        services.Replace(ServiceDescriptor.Singleton(options));
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<ReplanSignal>();
        services.AddScoped<ReminderPlanning>();
        services.AddScoped<ReminderDispatcher>();
        services.AddScoped<CoChairNotices>();
        services.Replace(ServiceDescriptor.Singleton<ICalendarProblemReporter, CoChairCalendarProblemReporter>());
        // A committed decision wakes this instance's worker: its outbox rows go out now, its table is re-planned.
        services.Replace(ServiceDescriptor.Singleton<IDispatchSignal>(sp => sp.GetRequiredService<ReplanSignal>()));
        services.AddScoped<OutboxDispatcher>();
        services.AddSingleton<OutboxPump>();
        services.AddSingleton<ClaimLease>();
        if (configuration.GetValue(ReminderOptions.Section + ":Enabled", true)) services.AddHostedService<ReminderWorker>();
        // A graceful stop waits for the sends on their way to be recorded (no duplicate on a normal redeploy).
        services.Configure<HostOptions>(host =>
        {
            if (host.ShutdownTimeout < options.FinishSendsOnStop + ShutdownMargin) host.ShutdownTimeout = options.FinishSendsOnStop + ShutdownMargin;
        });
        return services;
    }

    private static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(5);

    private static void Validate(ReminderOptions options)
    {
        var problems = new List<string>();
        if (options.PollInterval < TimeSpan.FromSeconds(1)) problems.Add("PollInterval must be at least 1 second");
        if (options.ReplanInterval < TimeSpan.Zero) problems.Add("ReplanInterval must not be negative");
        if (options.PlanningHorizon < TimeSpan.FromDays(1)) problems.Add("PlanningHorizon must be at least a day");
        if (options.ClaimTimeout < TimeSpan.FromSeconds(10)) problems.Add("ClaimTimeout must be at least 10 seconds");
        if (options.BatchSize is < 1 or > 1000) problems.Add("BatchSize must be between 1 and 1000");
        if (options.MaxAttempts < 1) problems.Add("MaxAttempts must be at least 1");
        if (options.DispatchConcurrency is < 1 or > 256) problems.Add("DispatchConcurrency must be between 1 and 256");
        if (options.ProcessedSubmissionsKeptFor < TimeSpan.FromDays(1)) problems.Add("ProcessedSubmissionsKeptFor must be at least a day");
        if (options.FinishSendsOnStop < TimeSpan.FromSeconds(1) || options.FinishSendsOnStop > TimeSpan.FromMinutes(5))
            problems.Add("FinishSendsOnStop must be between 1 second and 5 minutes");
        if (options.ConfirmationRecheck < TimeSpan.FromMilliseconds(100)) problems.Add("ConfirmationRecheck must be at least 100 ms");
        if (options.Staleness < TimeSpan.Zero || options.NudgeBeforeUpdateDue < TimeSpan.Zero || options.UnacceptedAfter < TimeSpan.Zero)
            problems.Add("Staleness, NudgeBeforeUpdateDue and UnacceptedAfter must not be negative");
        if (problems.Count > 0) throw new InvalidOperationException($"{ReminderOptions.Section}: {string.Join("; ", problems)}.");
    }
}

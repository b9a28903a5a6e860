using FocusBot.Core.Meetings;
using FocusBot.Core.Reminders;
using FocusBot.Core.Situations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Reminders (settings under <c>Reminders</c>): planning, the worker, co-chairs told of calendar problems, and
    /// re-planning when a situation changes. Call after the Teams registrations (it wraps their situation notifier).
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
        DecorateSituationNotifier(services);
        if (configuration.GetValue(ReminderOptions.Section + ":Enabled", true)) services.AddHostedService<ReminderWorker>();
        return services;
    }

    private static void DecorateSituationNotifier(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(ISituationNotifier))
            ?? throw new InvalidOperationException("Register the situation notifier (AddFocusBotTeams) before AddFocusBotReminders.");
        services.Remove(inner);
        services.Add(ServiceDescriptor.Describe(typeof(ISituationNotifier), provider => new ReplanningSituationNotifier(
            (ISituationNotifier)(inner.ImplementationInstance
                ?? inner.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, inner.ImplementationType!)),
            provider.GetRequiredService<ReplanSignal>()), inner.Lifetime));
    }

    private static void Validate(ReminderOptions options)
    {
        var problems = new List<string>();
        if (options.PollInterval < TimeSpan.FromSeconds(1)) problems.Add("PollInterval must be at least 1 second");
        if (options.ReplanInterval < TimeSpan.Zero) problems.Add("ReplanInterval must not be negative");
        if (options.PlanningHorizon < TimeSpan.FromDays(1)) problems.Add("PlanningHorizon must be at least a day");
        if (options.ClaimTimeout < TimeSpan.FromSeconds(10)) problems.Add("ClaimTimeout must be at least 10 seconds");
        if (options.BatchSize is < 1 or > 1000) problems.Add("BatchSize must be between 1 and 1000");
        if (options.MaxAttempts < 1) problems.Add("MaxAttempts must be at least 1");
        if (options.Staleness < TimeSpan.Zero || options.NudgeBeforeUpdateDue < TimeSpan.Zero || options.UnacceptedAfter < TimeSpan.Zero)
            problems.Add("Staleness, NudgeBeforeUpdateDue and UnacceptedAfter must not be negative");
        if (problems.Count > 0) throw new InvalidOperationException($"{ReminderOptions.Section}: {string.Join("; ", problems)}.");
    }
}

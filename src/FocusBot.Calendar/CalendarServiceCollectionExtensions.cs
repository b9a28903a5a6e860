using FocusBot.Core.Meetings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace FocusBot.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Meetings from Microsoft Graph, falling back to the roster's schedule, when <c>Graph:ClientId</c> (or
    /// <c>Graph:UseManagedIdentity</c>) is set; else from the roster's schedule alone. The host may replace the
    /// logging <see cref="ICalendarProblemReporter"/> by registering its own first.
    /// </summary>
    public static IServiceCollection AddFocusBotCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GraphOptions.SectionName);
        services.AddOptions<GraphOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RosterScheduleCalendar>();
        services.TryAddSingleton<ICalendarProblemReporter, LoggingCalendarProblemReporter>();

        if (!(section.Get<GraphOptions>() ?? new GraphOptions()).IsConfigured)
        {
            services.AddSingleton<IMeetingCalendar>(provider => provider.GetRequiredService<RosterScheduleCalendar>());
            return services;
        }

        // Keyed so that a GraphServiceClient the host registers for other work is neither taken nor replaced.
        services.AddKeyedSingleton(nameof(FocusBot.Calendar), (provider, _) =>
        {
            var options = provider.GetRequiredService<IOptions<GraphOptions>>().Value;
            return GraphServiceClientFactory.Create(options, GraphCredential.From(options));
        });
        services.AddSingleton(provider => new GraphMeetingCalendar(
            GraphClient(provider), provider.GetRequiredService<IOptions<GraphOptions>>(),
            provider.GetRequiredService<ILogger<GraphMeetingCalendar>>()));
        services.AddSingleton<IMeetingSeriesProvisioner>(provider => new GraphMeetingSeriesProvisioner(
            GraphClient(provider), provider.GetRequiredService<RosterScheduleCalendar>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IOptions<GraphOptions>>(),
            provider.GetRequiredService<ILogger<GraphMeetingSeriesProvisioner>>()));
        services.AddSingleton<IMeetingCalendar>(provider => new FallbackMeetingCalendar(
            provider.GetRequiredService<GraphMeetingCalendar>(), provider.GetRequiredService<RosterScheduleCalendar>(),
            provider.GetRequiredService<ICalendarProblemReporter>(),
            provider.GetRequiredService<ILogger<FallbackMeetingCalendar>>()));
        return services;
    }

    private static GraphServiceClient GraphClient(IServiceProvider provider) =>
        provider.GetRequiredKeyedService<GraphServiceClient>(nameof(FocusBot.Calendar));
}

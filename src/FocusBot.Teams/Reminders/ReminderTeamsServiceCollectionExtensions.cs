using FocusBot.Core.Agenda;
using FocusBot.Core.Meetings;
using FocusBot.Core.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Teams.Reminders;

public static class ReminderTeamsServiceCollectionExtensions
{
    /// <summary>
    /// The agenda command and the reminder messages. Meetings come from the roster's schedule unless the host
    /// registers a calendar (Microsoft Graph) after this.
    /// </summary>
    public static IServiceCollection AddAgendaAndReminderMessages(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReminderOptions>();
        services.TryAddSingleton<RosterScheduleCalendar>();
        services.TryAddSingleton<IMeetingCalendar>(provider => provider.GetRequiredService<RosterScheduleCalendar>());
        services.TryAddScoped<AgendaService>();
        services.TryAddScoped<AgendaCommand>();
        services.TryAddScoped<IReminderComposer, ReminderComposer>();
        return services;
    }
}

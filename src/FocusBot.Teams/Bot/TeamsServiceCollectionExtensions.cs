using FocusBot.Teams.Commands;
using FocusBot.Core.Situations;
using FocusBot.Teams.Identity;
using FocusBot.Teams.Situations;
using FocusBot.Teams.Proactive;
using FocusBot.Teams.Reminders;
using FocusBot.Teams.Resilience;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Bot;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Framework adapter and FocusBot's turn handler. Authentication follows the standard settings
    /// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>);
    /// with no <c>MicrosoftAppId</c> it is off (local development only).
    /// </summary>
    public static IServiceCollection AddFocusBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddConnectorResilience(configuration);
        // Ours adds certificate credentials to the standard settings; it uses the same retrying connector client.
        services.Replace(ServiceDescriptor.Singleton<BotFrameworkAuthentication>(sp => BotAuthentication.Create(configuration, sp)));
        services.AddSingleton<CloudAdapter>(sp => new FocusBotAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<FocusBotAdapter>>()));
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        services.AddProactiveMessaging(configuration);

        services.AddSingleton<ITeamsUserDirectory, TeamsUserDirectory>();
        services.AddScoped<MemberResolver>();
        services.AddScoped<CommandDispatcher>();
        services.AddAgendaAndReminderMessages();
        services.AddScoped<Core.Deliveries.IDeliveryComposer, SituationDeliveryComposer>();
        services.TryAddSingleton<Core.Deliveries.IDispatchSignal, Core.Deliveries.NoDispatchSignal>();
        services.AddScoped<SituationCardActions>();
        services.AddScoped<UpdateCardActions>();
        services.AddScoped<SituationLists>();
        services.AddScoped<Figures.StatsCommand>();
        services.AddScoped<ConversationLifecycle>();
        services.TryAddScoped<Core.Reminders.CoChairNotices>();
        services.AddScoped<IBot, FocusBotActivityHandler>();
        return services;
    }
}

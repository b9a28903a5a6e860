using FocusBot.Core.Audit;
using FocusBot.Teams.Commands;
using FocusBot.Core.Roster;
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
    /// <summary>The <c>RateLimits</c> section, with the defaults of <see cref="RateLimitOptions"/> for what is not set.</summary>
    public static RateLimitOptions RateLimits(IConfiguration configuration)
    {
        var options = new RateLimitOptions();
        configuration.GetSection(RateLimitOptions.SectionName).Bind(options);
        return options;
    }

    /// <summary>
    /// The one member lookup of the bot, the API and the tabs, serving the tenant <c>MicrosoftAppTenantId</c> (any
    /// tenant when it is not set: local development).
    /// </summary>
    public static IServiceCollection AddMemberLookup(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddScoped(sp => new MemberLookup(sp.GetRequiredService<IRosterStore>(), configuration["MicrosoftAppTenantId"]));
        return services;
    }

    /// <summary>
    /// The Bot Framework adapter and FocusBot's turn handler. Authentication follows the standard settings
    /// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>);
    /// with no <c>MicrosoftAppId</c> it is off (local development only).
    /// </summary>
    public static IServiceCollection AddFocusBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddConnectorResilience(configuration);
        services.AddBotSigningKeysClient();
        // Read now, so that a value that is not a number stops the host at start instead of failing every request.
        var rateLimits = RateLimits(configuration);
        services.AddSingleton(_ => rateLimits);
        services.AddSingleton<TeamsUserRateLimiter>();
        services.AddSingleton<ReusedConnectorClients>();
        // Ours adds certificate credentials to the standard settings; it uses the same retrying connector client.
        services.Replace(ServiceDescriptor.Singleton<BotFrameworkAuthentication>(sp => BotAuthentication.Create(configuration, sp)));
        services.AddSingleton<CloudAdapter>(sp => new FocusBotAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<FocusBotAdapter>>()));
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        services.AddProactiveMessaging(configuration);

        services.AddSingleton<ITeamsUserDirectory, TeamsUserDirectory>();
        services.AddMemberLookup(configuration);
        services.AddScoped<MemberResolver>();
        services.AddScoped<CommandDispatcher>();
        services.AddAgendaAndReminderMessages();
        services.AddScoped<Core.Deliveries.IDeliveryComposer, SituationDeliveryComposer>();
        services.TryAddSingleton<Core.Deliveries.IDispatchSignal, Core.Deliveries.NoDispatchSignal>();
        services.AddScoped<SituationCardActions>();
        services.TryAddScoped<SituationReads>();
        services.AddScoped<UpdateCardActions>();
        services.AddScoped<SituationLists>();
        services.TryAddScoped<Core.Situations.SituationListing>();
        services.TryAddScoped<Core.Figures.FigureReports>();
        services.AddScoped<Figures.StatsCommand>();
        services.AddScoped<ConversationLifecycle>();
        services.TryAddScoped<Core.Reminders.CoChairNotices>();
        services.AddScoped<IBot, FocusBotActivityHandler>();
        return services;
    }
}

using FocusBot.Core.Conversations;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Proactive;

public static class ProactiveServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IChatSender"/> (Teams) with its pacer, personal-chat opener and unreachable tracking.
    /// Needs <c>AddConnectorResilience</c>, an <see cref="IConversationStore"/> and an <c>IRosterStore</c>. Uses the
    /// host's <see cref="CloudAdapter"/> if one is registered first, else one built on the resilient authentication.
    /// </summary>
    public static IServiceCollection AddProactiveMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PacingOptions>()
            .Bind(configuration.GetSection(PacingOptions.Section))
            .Validate(pacing => pacing.PerConversationPerSecond >= 1 && pacing.PerAppPerSecond >= 1,
                $"{PacingOptions.Section}: both limits must be at least 1 a second.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new BotApplicationId(configuration["MicrosoftAppId"] ?? string.Empty));
        // Built by hand: left to DI, CloudAdapter's widest constructor would make its own authentication from the
        // default HttpClient, without the retry policy.
        services.TryAddSingleton(provider => new CloudAdapter(
            provider.GetRequiredService<BotFrameworkAuthentication>(),
            provider.GetRequiredService<ILogger<CloudAdapter>>()));
        services.TryAddSingleton<SendPacer>();
        services.TryAddSingleton<IUnreachableReporter, LoggingUnreachableReporter>();

        // Scoped, because the stores they use may be (EF Core).
        services.TryAddScoped<UnreachableMembers>();
        services.TryAddScoped<PersonalChatOpener>();
        services.TryAddScoped<IChatSender, TeamsChatSender>();
        return services;
    }
}

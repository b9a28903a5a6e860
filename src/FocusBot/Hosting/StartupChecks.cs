using FocusBot.Teams.Bot;

namespace FocusBot.Hosting;

public static class StartupChecks
{
    /// <summary>Bot Framework's endpoint settings: setting one switches it to a mode that needs the rest.</summary>
    public static readonly string[] BotEndpointSettings =
        ["ToBotFromChannelOpenIdMetadataUrl", "ToBotFromChannelTokenIssuer", "ToChannelFromBotLoginUrl", "ToChannelFromBotOAuthScope", "OAuthUrl"];

    /// <summary>
    /// The Bot Framework endpoint settings that are missing when some are set (none when none or all are): with only
    /// some, Bot Framework refuses every token or fails every turn.
    /// </summary>
    public static IReadOnlyList<string> MissingBotEndpointSettings(IConfiguration configuration)
    {
        var missing = BotEndpointSettings.Where(key => string.IsNullOrWhiteSpace(configuration[key])).ToList();
        return missing.Count == BotEndpointSettings.Length ? [] : missing;
    }

    /// <summary>Refuses to start with some of Bot Framework's endpoint settings but not all (one line naming them).</summary>
    public static void RefuseIncompleteBotEndpointSettings(WebApplication app)
    {
        var missing = MissingBotEndpointSettings(app.Configuration);
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Some of Bot Framework's endpoint settings are set but not {string.Join(", ", missing)}; set all of them or none.");
    }

    /// <summary>
    /// Says loudly when authentication is off, and then refuses (<see cref="HostRefusalException"/>) any address but loopback: an open bot endpoint or
    /// backend must never be reachable from the network.
    /// </summary>
    public static void RefuseOpenEndpointsOffLoopback(WebApplication app)
    {
        var botAuth = BotAuthentication.IsEnabled(app.Configuration);
        var backendAuth = BackendPolicies.IsEnabled(app.Configuration);
        if (botAuth && backendAuth) return;

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FocusBot.Security");
        if (!botAuth)
            logger.LogWarning("*** BOT AUTHENTICATION IS OFF: no MicrosoftAppId is set. Any caller can post activities. " +
                              "Local development and Agents Playground only; listening on loopback only. ***");
        if (!backendAuth)
            logger.LogWarning("*** BACKEND AUTHENTICATION IS OFF: Backend:Authority/Backend:Audience are not set. " +
                              "The REST API is open; listening on loopback only. ***");

        var exposed = LoopbackGuard.NonLoopbackUrls(string.Join(';', ListeningAddresses.Effective(app.Configuration)));
        if (exposed.Count > 0)
        {
            throw new HostRefusalException(
                $"Refusing to listen on {string.Join(", ", exposed)} with authentication off. Use a loopback address " +
                "(http://127.0.0.1:3978) or configure MicrosoftAppId/MicrosoftAppPassword/MicrosoftAppTenantId and " +
                "Backend:Authority/Backend:Audience.");
        }
    }
}

using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace FocusBot.Tabs;

/// <summary>
/// Single sign-on for the Teams tabs: the token TeamsJS's <c>authentication.getAuthToken()</c> gives the page, sent as a
/// bearer token to <c>/tabs/api</c> and validated here (signature against Entra ID's keys, lifetime, issuer of the served
/// tenant, audience <c>api://&lt;Teams:BotDomain&gt;/&lt;tab app id&gt;</c>), the app the manifest's
/// <c>webApplicationInfo</c> names (<see cref="AppId"/>): <c>Teams:TabAppId</c>, else the bot's own app registration
/// (<c>MicrosoftAppId</c>), except when the bot is a managed identity (<c>MicrosoftAppType=UserAssignedMSI</c>, the Azure
/// deployment), which cannot expose an API: then only <c>Teams:TabAppId</c>. Sign-on is on when that app id,
/// <c>Teams:BotDomain</c> and <c>MicrosoftAppTenantId</c> are all set; off, the tab API answers only loopback requests
/// that name their user with <see cref="TabCaller.DevUserHeader"/>, and only while the host's authentication is off.
/// </summary>
public static class TabSignOn
{
    /// <summary>The authentication scheme of the tab API (separate from the REST API's, whose audience is another app).</summary>
    public const string Scheme = "TabSso";

    /// <summary>The setting naming the app registration the tabs sign on to, when it is not the bot's.</summary>
    public const string TabAppIdSetting = "Teams:TabAppId";

    /// <summary>
    /// The Entra app (client) id the tabs sign on to: <c>Teams:TabAppId</c>; else <c>MicrosoftAppId</c> unless the bot's
    /// identity is a managed identity (<c>MicrosoftAppType</c> <c>UserAssignedMSI</c>: it has no app registration on which
    /// to expose an API); else null (sign-on off).
    /// </summary>
    public static string? AppId(IConfiguration configuration) =>
        NonEmpty(configuration[TabAppIdSetting])
        ?? (BotIsManagedIdentity(configuration) ? null : NonEmpty(configuration["MicrosoftAppId"]));

    /// <summary>Whether the bot's identity is a user-assigned managed identity (<c>MicrosoftAppType=UserAssignedMSI</c>).</summary>
    public static bool BotIsManagedIdentity(IConfiguration configuration) =>
        string.Equals(NonEmpty(configuration["MicrosoftAppType"]), "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>api://&lt;domain&gt;/&lt;app id&gt;</c>, the manifest's <c>webApplicationInfo.resource</c>; null when sign-on is off.</summary>
    public static string? Audience(IConfiguration configuration) =>
        IsEnabled(configuration) ? $"api://{configuration["Teams:BotDomain"]!.Trim()}/{AppId(configuration)}" : null;

    public static bool IsEnabled(IConfiguration configuration) =>
        AppId(configuration) is not null && NonEmpty(configuration["Teams:BotDomain"]) is not null
        && NonEmpty(configuration["MicrosoftAppTenantId"]) is not null;

    /// <summary>Registers the <see cref="Scheme"/> bearer scheme when sign-on is on (Entra ID's v1 and v2 issuers of the served tenant).</summary>
    public static IServiceCollection AddTabSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TabCaller>();
        if (!IsEnabled(configuration)) return services;

        var tenant = configuration["MicrosoftAppTenantId"]!.Trim();
        var appId = AppId(configuration)!;
        services.AddAuthentication().AddJwtBearer(Scheme, options =>
        {
            options.Authority = $"https://login.microsoftonline.com/{tenant}/v2.0";
            options.MapInboundClaims = false;
            // A v2 token names the app by its id, a v1 token by its Application ID URI; both are this app.
            options.TokenValidationParameters.ValidAudiences = [Audience(configuration)!, appId];
            options.TokenValidationParameters.ValidIssuers =
                [$"https://login.microsoftonline.com/{tenant}/v2.0", $"https://sts.windows.net/{tenant}/"];
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(5);
        });
        return services;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

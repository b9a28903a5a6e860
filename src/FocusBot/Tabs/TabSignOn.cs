using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace FocusBot.Tabs;

/// <summary>
/// Single sign-on for the Teams tabs: the token TeamsJS's <c>authentication.getAuthToken()</c> gives the page, sent as a
/// bearer token to <c>/tabs/api</c> and validated here (signature against Entra ID's keys, lifetime, issuer of the served
/// tenant, audience <c>api://&lt;Teams:BotDomain&gt;/&lt;MicrosoftAppId&gt;</c>): the tabs sign on to the bot's own Entra
/// app registration, as the manifest's <c>webApplicationInfo</c> says. Sign-on is on when <c>MicrosoftAppId</c>,
/// <c>Teams:BotDomain</c> and <c>MicrosoftAppTenantId</c> are all set; off, the tab API answers only loopback requests
/// that name their user with <see cref="TabCaller.DevUserHeader"/>, and only while the host's authentication is off.
/// </summary>
public static class TabSignOn
{
    /// <summary>The authentication scheme of the tab API (separate from the REST API's, whose audience is another app).</summary>
    public const string Scheme = "TabSso";

    /// <summary>The Entra app id the tabs sign on to, or null.</summary>
    public static string? AppId(IConfiguration configuration) => NonEmpty(configuration["MicrosoftAppId"]);

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

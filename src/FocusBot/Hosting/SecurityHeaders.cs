namespace FocusBot.Hosting;

/// <summary>
/// Security headers on every response of the host, errors included. The Content-Security-Policy lets only this host
/// and Microsoft 365's hosts (Teams, Outlook, the Microsoft 365 app, per Microsoft's tab requirements) frame its pages,
/// so the tabs can be shown in Teams and nowhere else; X-Frame-Options is left out because it cannot name them.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'self' https://*.cloud.microsoft https://teams.microsoft.com https://*.teams.microsoft.com " +
        "https://*.skype.com https://*.microsoft365.com https://*.office.com https://outlook.office.com https://outlook.office365.com";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        await next();
    });
}

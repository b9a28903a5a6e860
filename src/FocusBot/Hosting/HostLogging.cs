namespace FocusBot.Hosting;

/// <summary>Log levels that do not depend on appsettings.json being found.</summary>
public static class HostLogging
{
    private static readonly Dictionary<string, string?> QuietDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // Every SQL statement at Information otherwise; failed commands still log at Error.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        // Each retry of a handled 429/503 would log a stack trace at Warning; our own code logs the outcome in one line.
        ["Logging:LogLevel:Polly"] = "Error",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    /// <summary>
    /// Puts quiet log levels under every other setting (appsettings.json, environment variables and the command line
    /// still decide). A one-shot command (import-roster, package-app, provision-meetings) prints its own result, so
    /// its log says only what went wrong.
    /// </summary>
    public static WebApplicationBuilder UseFocusBotLogLevels(this WebApplicationBuilder builder, HostVerb verb)
    {
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = QuietDefaults });
        if (verb is not (HostVerb.Run or HostVerb.Demo))
            builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning);
        return builder;
    }
}

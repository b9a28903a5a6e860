namespace FocusBot.Hosting;

/// <summary>
/// Where the host listens, by ASP.NET Core's own conventions: <c>--urls</c>, <c>ASPNETCORE_URLS</c> (or
/// <c>DOTNET_URLS</c>), <c>ASPNETCORE_HTTP_PORTS</c>/<c>ASPNETCORE_HTTPS_PORTS</c> (every interface, as container
/// platforms set them) or <c>Kestrel:Endpoints</c>. <see cref="Default"/> only when none of them is given.
/// </summary>
public static class ListeningAddresses
{
    /// <summary>The address when nothing else is configured: this machine only.</summary>
    public const string Default = "http://127.0.0.1:3978";

    /// <summary>Listens on <see cref="Default"/> when the configuration names no address of its own.</summary>
    public static WebApplicationBuilder UseDefaultAddressUnlessGiven(this WebApplicationBuilder builder)
    {
        if (Configured(builder.Configuration).Count == 0) builder.WebHost.UseUrls(Default);
        return builder;
    }

    /// <summary>
    /// The addresses the host will listen on, as URLs (ports become <c>http://*:PORT</c>, i.e. every interface);
    /// <see cref="Default"/> when none is configured.
    /// </summary>
    public static IReadOnlyList<string> Effective(IConfiguration configuration) =>
        Configured(configuration) is { Count: > 0 } configured ? configured : [Default];

    private static List<string> Configured(IConfiguration configuration)
    {
        var addresses = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"]).OfType<string>().ToList();
        if (addresses.Count > 0) return addresses;

        // Kestrel's rule: URLS wins over the ports.
        addresses = Split(configuration[WebHostDefaults.ServerUrlsKey]).ToList();
        if (addresses.Count > 0) return addresses;

        return Split(configuration[WebHostDefaults.HttpPortsKey]).Select(port => $"http://*:{port}")
            .Concat(Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(port => $"https://*:{port}"))
            .ToList();
    }

    private static string[] Split(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

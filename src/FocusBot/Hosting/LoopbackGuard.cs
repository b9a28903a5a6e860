using System.Net;

namespace FocusBot.Hosting;

/// <summary>
/// Without authentication the bot endpoint and the backend are open to anyone who can reach them, so the host
/// then refuses to listen on anything but this machine.
/// </summary>
public static class LoopbackGuard
{
    public static IReadOnlyList<string> NonLoopbackUrls(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(url => !IsLoopback(url))
            .ToList();

    private static bool IsLoopback(string url)
    {
        // Kestrel's wildcards ("http://*:80", "http://+:80") are not valid URIs; they mean every interface.
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard").Replace("://+", "://wildcard"), UriKind.Absolute, out var uri)) return false;
        if (uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}

using System.Net.Http;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace FocusBot.Teams.Bot;

/// <summary>
/// The HTTP client with which Bot Framework fetches the channel's OpenID metadata, signing keys and endorsements.
/// Left to itself, Bot Framework 4.23 uses a process-wide <c>HttpClient</c> of its own with the default 100-second
/// timeout, which nobody can configure. It keeps one metadata manager per metadata URL for the whole process, made by
/// the first <see cref="JwtTokenExtractor"/> built for that URL; <see cref="Claim"/> builds that first one with our
/// client (a 10-second timeout, connections renewed every 5 minutes so DNS changes are seen), before any request.
/// </summary>
public static class BotSigningKeys
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client used for the metadata (tests give it their own handler).</summary>
    public const string ClientName = "BotFrameworkOpenIdMetadata";

    public static IServiceCollection AddBotSigningKeysClient(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            // Held for the life of the process by Bot Framework's cache, so the handler is never rotated; the pooled
            // connection lifetime does what rotation would.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        return services;
    }

    /// <summary>
    /// The metadata URL Bot Framework will use for tokens from the channel: <c>ToBotFromChannelOpenIdMetadataUrl</c>,
    /// else the public cloud's.
    /// </summary>
    public static string MetadataUrl(IConfiguration configuration) =>
        configuration["ToBotFromChannelOpenIdMetadataUrl"] is { Length: > 0 } url ? url : AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;

    /// <summary>Makes Bot Framework fetch <paramref name="metadataUrl"/> (and its keys and endorsements) with <paramref name="client"/>.</summary>
    public static void Claim(string metadataUrl, HttpClient client) =>
        _ = new JwtTokenExtractor(client, new TokenValidationParameters(), metadataUrl, AuthenticationConstants.AllowedSigningAlgorithms);
}

using System.Security.Cryptography.X509Certificates;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using FocusBot.Teams.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Bot;

/// <summary>Builds Bot Framework authentication from settings: secret, certificate or managed identity.</summary>
public static class BotAuthentication
{
    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    /// <summary>
    /// Bot Framework's authentication from the standard settings (and <c>ToBotFromChannelOpenIdMetadataUrl</c> and the
    /// other endpoint settings when set), wrapped in <see cref="TeamsRequestAuthentication"/>. Outgoing credentials: a
    /// <see cref="ServiceClientCredentialsFactory"/> registered in <paramref name="services"/> if any, else a
    /// certificate (<c>MicrosoftAppCertificatePath</c>), else the password or managed identity settings.
    /// </summary>
    public static BotFrameworkAuthentication Create(IConfiguration configuration, IServiceProvider services)
    {
        // Every connector call the adapter makes (turn replies included) goes through our retry policy.
        var httpClientFactory = services.GetRequiredService<ConnectorHttpClientFactory>();
        var logger = services.GetService<ILogger<BotFrameworkAuthentication>>();
        BotSigningKeys.Claim(BotSigningKeys.MetadataUrl(configuration),
            services.GetRequiredService<IHttpClientFactory>().CreateClient(BotSigningKeys.ClientName));

        var credentials = services.GetService<ServiceClientCredentialsFactory>();
        var certificatePath = configuration["MicrosoftAppCertificatePath"];
        if (credentials is null && IsEnabled(configuration) && !string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["MicrosoftAppCertificatePassword"]);
            credentials = new CertificateServiceClientCredentialsFactory(
                certificate, configuration["MicrosoftAppId"], configuration["MicrosoftAppTenantId"], httpClient: null, logger);
        }
        var inner = new ConfigurationBotFrameworkAuthentication(configuration, credentials, httpClientFactory: httpClientFactory, logger: logger);
        return new TeamsRequestAuthentication(inner, configuration["MicrosoftAppTenantId"], services.GetRequiredService<TeamsUserRateLimiter>(),
            services.GetRequiredService<ReusedConnectorClients>());
    }
}

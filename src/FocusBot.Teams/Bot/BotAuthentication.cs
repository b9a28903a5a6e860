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

    public static BotFrameworkAuthentication Create(IConfiguration configuration, IServiceProvider services)
    {
        // Every connector call the adapter makes (turn replies included) goes through our retry policy.
        var httpClientFactory = services.GetRequiredService<ConnectorHttpClientFactory>();
        var logger = services.GetService<ILogger<BotFrameworkAuthentication>>();
        var certificatePath = configuration["MicrosoftAppCertificatePath"];
        if (IsEnabled(configuration) && !string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["MicrosoftAppCertificatePassword"]);
            var credentials = new CertificateServiceClientCredentialsFactory(
                certificate, configuration["MicrosoftAppId"], configuration["MicrosoftAppTenantId"], httpClient: null, logger);
            return new ConfigurationBotFrameworkAuthentication(configuration, credentials, httpClientFactory: httpClientFactory, logger: logger);
        }
        return new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: httpClientFactory, logger: logger);
    }
}

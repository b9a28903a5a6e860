using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace FocusBot.Calendar;

/// <summary>The Azure.Identity credential the settings ask for.</summary>
public static class GraphCredential
{
    public static TokenCredential From(GraphOptions options)
    {
        if (options.UseManagedIdentity)
        {
            var identity = string.IsNullOrWhiteSpace(options.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(options.ClientId);
            return new ManagedIdentityCredential(identity);
        }
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (string.IsNullOrEmpty(options.CertificatePassword))
            {
                // Azure.Identity reads PEM as well as PFX from a path, but a protected PFX only as a loaded certificate.
                return new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath);
            }
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            return new ClientCertificateCredential(options.TenantId, options.ClientId, certificate);
        }
        return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
    }
}

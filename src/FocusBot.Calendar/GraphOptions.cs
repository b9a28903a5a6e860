namespace FocusBot.Calendar;

/// <summary>How FocusBot signs in to Microsoft Graph to read and create the tables' meetings (section <c>Graph</c>).</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>Entra tenant of the app registration; not needed with a managed identity.</summary>
    public string? TenantId { get; set; }
    /// <summary>The app registration's client id, or a user-assigned managed identity's client id.</summary>
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>A PFX or PEM file holding the app's certificate and private key.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    /// <summary>Sign in as the host's managed identity (system-assigned unless <see cref="ClientId"/> names one).</summary>
    public bool UseManagedIdentity { get; set; }
    public string BaseUrl { get; set; } = DefaultBaseUrl;
    /// <summary>Retries of a throttled or unavailable request (429, 503, 504), honouring Retry-After; at most 10.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Whether Graph is to be used at all; otherwise meetings come from the roster's schedule.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) || UseManagedIdentity;
}

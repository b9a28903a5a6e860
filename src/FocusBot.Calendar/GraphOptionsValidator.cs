using Microsoft.Extensions.Options;

namespace FocusBot.Calendar;

/// <summary>Rejects a Graph configuration that could never sign in, naming each setting to fix.</summary>
public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    // Kiota's retry handler refuses more than this.
    private const int MostRetries = 10;

    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var ways = new[]
        {
            !string.IsNullOrWhiteSpace(options.ClientSecret),
            !string.IsNullOrWhiteSpace(options.CertificatePath),
            options.UseManagedIdentity,
        }.Count(chosen => chosen);
        if (ways != 1)
        {
            failures.Add("Set exactly one of Graph:ClientSecret, Graph:CertificatePath or Graph:UseManagedIdentity=true.");
        }
        if (!options.UseManagedIdentity && string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add("Graph:TenantId is required with a client secret or certificate.");
        }
        if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !File.Exists(options.CertificatePath))
        {
            failures.Add($"Graph:CertificatePath '{options.CertificatePath}' does not exist.");
        }
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl)
            || !(baseUrl.Scheme == Uri.UriSchemeHttps || baseUrl.IsLoopback))
        {
            failures.Add("Graph:BaseUrl must be an absolute https URL (http only for a loopback stand-in).");
        }
        if (options.MaxRetries is < 0 or > MostRetries)
        {
            failures.Add($"Graph:MaxRetries must be between 0 and {MostRetries}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

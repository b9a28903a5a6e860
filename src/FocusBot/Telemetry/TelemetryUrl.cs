namespace FocusBot.Telemetry;

/// <summary>
/// An outgoing call's URL as telemetry records it: scheme, host and path, with the query dropped and every path
/// segment that holds an e-mail address or a Teams conversation id (Graph's <c>/users/{upn}</c>, the connector's
/// <c>/v3/conversations/{id}</c>) replaced by <c>{masked}</c>.
/// </summary>
public static class TelemetryUrl
{
    /// <summary>The masked URL, or null for a missing or relative one.</summary>
    public static string? Mask(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri) return null;
        var segments = uri.AbsolutePath.Split('/')
            .Select(segment => Uri.UnescapeDataString(segment) is var text && (text.Contains('@') || text.Contains(':')) ? "{masked}" : segment);
        return $"{uri.Scheme}://{uri.Authority}{string.Join('/', segments)}";
    }
}

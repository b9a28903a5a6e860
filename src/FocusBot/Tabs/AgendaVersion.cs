using System.Security.Cryptography;
using System.Text.Json;

namespace FocusBot.Tabs;

/// <summary>
/// The meeting side panel's poll made cheap: the agenda answers with a strong <c>ETag</c>, a hash of exactly what it
/// shows (so anything that changes the agenda, a situation's change or the clock making an update overdue, changes it),
/// and a request whose <c>If-None-Match</c> names the current one gets 304 with no body.
/// </summary>
public static class AgendaVersion
{
    /// <summary>The agenda's ETag: <c>"&lt;32 hex digits&gt;"</c> (the first half of the SHA-256 of its JSON).</summary>
    public static string Of(TabAgendaDto agenda)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(agenda, JsonSerializerOptions.Web);
        return $"\"{Convert.ToHexStringLower(SHA256.HashData(json))[..32]}\"";
    }

    /// <summary>304 when the request's <c>If-None-Match</c> names the agenda's ETag (or <c>*</c>), else 200 with it; both carry the ETag.</summary>
    public static IResult Answer(HttpContext http, TabAgendaDto agenda)
    {
        var etag = Of(agenda);
        http.Response.Headers.ETag = etag;
        // The browser may keep it, but asks every time.
        http.Response.Headers.CacheControl = "private, no-cache";
        var unchanged = http.Request.Headers.IfNoneMatch.SelectMany(v => (v ?? "").Split(','))
            .Select(t => t.Trim()).Select(t => t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t)
            .Any(t => t == etag || t == "*");
        return unchanged ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(agenda);
    }
}

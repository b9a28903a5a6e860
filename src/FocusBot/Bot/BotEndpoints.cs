using System.Text.Json;
using FocusBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace FocusBot.Bot;

/// <summary><c>POST /api/messages</c>: where Teams delivers activities to the bot.</summary>
public static class BotEndpoints
{
    /// <summary>Teams caps a message at about 100 KB; activities carry a little more around it.</summary>
    public const long MaxActivityBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync)
            .ExcludeFromDescription()
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot,
        IConfiguration configuration, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(http.Request, MaxActivityBytes, cancellationToken);
        if (body is null) return RequestBody.TooLarge(MaxActivityBytes);

        var problem = ActivityShape.Check(body, configuration["MicrosoftAppTenantId"]);
        if (problem is not null)
        {
            loggers.CreateLogger("FocusBot.Bot").LogWarning("Refused an activity: {Problem}", problem.Detail);
            return Results.Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail);
        }

        http.Request.Body = new MemoryStream(body);
        http.Request.ContentLength = body.Length;
        await adapter.ProcessAsync(http.Request, http.Response, bot, cancellationToken);
        return Results.Empty;
    }
}

/// <summary>
/// The checks made before an activity reaches Bot Framework, so that a malformed request gets a 400 (not a 500)
/// and an activity from another tenant is refused.
/// </summary>
public static class ActivityShape
{
    public sealed record Problem(int Status, string Title, string Detail);

    public static Problem? Check(byte[] body, string? allowedTenantId)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return new(400, "Malformed activity", "The request body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new(400, "Malformed activity", "An activity must be a JSON object.");
            if (!IsNonEmptyString(root, "type"))
                return new(400, "Malformed activity", "The activity has no \"type\".");
            if (!root.TryGetProperty("conversation", out var conversation) || conversation.ValueKind != JsonValueKind.Object ||
                !IsNonEmptyString(conversation, "id"))
                return new(400, "Malformed activity", "The activity has no \"conversation.id\".");
            if (!IsNonEmptyString(root, "serviceUrl") ||
                !Uri.TryCreate(root.GetProperty("serviceUrl").GetString(), UriKind.Absolute, out var serviceUrl) ||
                serviceUrl.Scheme is not ("https" or "http"))
                return new(400, "Malformed activity", "The activity has no valid \"serviceUrl\".");
            if (!root.TryGetProperty("from", out var from) || from.ValueKind != JsonValueKind.Object || !IsNonEmptyString(from, "id"))
                return new(400, "Malformed activity", "The activity has no \"from.id\".");

            if (!string.IsNullOrWhiteSpace(allowedTenantId))
            {
                var tenant = TenantOf(root);
                if (tenant is null || !tenant.Equals(allowedTenantId, StringComparison.OrdinalIgnoreCase))
                    return new(403, "Tenant not allowed", "This bot serves one Microsoft 365 tenant only.");
            }
        }
        return null;
    }

    private static string? TenantOf(JsonElement root)
    {
        if (root.TryGetProperty("conversation", out var conversation) && conversation.TryGetProperty("tenantId", out var id) &&
            id.ValueKind == JsonValueKind.String)
            return id.GetString();
        if (root.TryGetProperty("channelData", out var channelData) && channelData.ValueKind == JsonValueKind.Object &&
            channelData.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object &&
            tenant.TryGetProperty("id", out var tenantId) && tenantId.ValueKind == JsonValueKind.String)
            return tenantId.GetString();
        return null;
    }

    private static bool IsNonEmptyString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());
}

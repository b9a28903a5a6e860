using System.Text.Json;
using FocusBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using FocusBot.Teams.Bot;

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
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(http.Request, MaxActivityBytes, cancellationToken);
        if (body is null) return RequestBody.TooLarge(MaxActivityBytes);

        var logger = loggers.CreateLogger("FocusBot.Bot");
        var problem = ActivityShape.Check(body);
        if (problem is not null)
        {
            logger.LogWarning("Refused an activity: {Problem}", problem.Detail);
            return Results.Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail);
        }

        http.Request.Body = new MemoryStream(body);
        http.Request.ContentLength = body.Length;
        try
        {
            await adapter.ProcessAsync(http.Request, http.Response, bot, cancellationToken);
        }
        catch (ActivityRefusedException refused)
        {
            // Refusals are what the endpoint is for, not faults: one line each, no stack trace.
            logger.LogWarning("Refused an activity ({Status}): {Reason}", refused.Status, refused.Message);
            return Refused(http, refused);
        }
        return Results.Empty;
    }

    /// <summary>The answer to a refused activity: its status and a title, never the reason (which stays in the log).</summary>
    private static IResult Refused(HttpContext http, ActivityRefusedException refused)
    {
        var retryAfter = refused.RetryAfter ?? (refused.Status == StatusCodes.Status503ServiceUnavailable ? TimeSpan.FromSeconds(30) : null);
        if (retryAfter is { } wait) http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var title = refused.Status switch
        {
            StatusCodes.Status401Unauthorized => "Not authenticated",
            StatusCodes.Status403Forbidden => "Not allowed",
            StatusCodes.Status429TooManyRequests => "Too many requests",
            _ => "Authentication unavailable",
        };
        return Results.Problem(statusCode: refused.Status, title: title);
    }
}

/// <summary>
/// The checks made before an activity reaches Bot Framework, so that a malformed request gets a 400 (not a 500).
/// They look at the shape only: the tenant and the channel are checked after the token
/// (<see cref="TeamsRequestAuthentication"/>), so that an anonymous caller cannot learn which tenant the bot serves.
/// </summary>
public static class ActivityShape
{
    public sealed record Problem(int Status, string Title, string Detail);

    public static Problem? Check(byte[] body)
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
        }
        return null;
    }

    private static bool IsNonEmptyString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());
}

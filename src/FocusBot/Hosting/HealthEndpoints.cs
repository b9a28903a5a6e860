using FocusBot.Data;

namespace FocusBot.Hosting;

public static class HealthEndpoints
{
    /// <summary><c>GET /healthz</c>: 200 when the database answers, 503 when it does not.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (FocusBotDbContext db, CancellationToken cancellationToken) =>
                await db.Database.CanConnectAsync(cancellationToken)
                    ? Results.Ok(new { status = "healthy", database = "reachable" })
                    : Results.Json(new { status = "unhealthy", database = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithTags("Health")
            .AllowAnonymous();
        return app;
    }
}

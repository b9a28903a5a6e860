using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FocusBot.Health;

/// <summary>
/// Health endpoints for load balancers and container platforms (ASP.NET Core health checks):
/// <c>/healthz/live</c> (the process answers; no check runs), <c>/healthz/ready</c> (every check tagged
/// <see cref="HealthChecks.Ready"/>: database reachable, migrations applied, reminder worker not stuck) and
/// <c>/healthz</c> (the same as ready, kept for existing scripts). Each answers 200 when healthy, 503 otherwise,
/// with <c>{ "status": "healthy|unhealthy", "checks": { name: { status, description } } }</c>.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps the three endpoints, anonymous (a platform's probe has no token).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/live", Options(_ => false)).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/healthz/ready", Options(check => check.Tags.Contains(HealthChecks.Ready))).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/healthz", Options(check => check.Tags.Contains(HealthChecks.Ready))).AllowAnonymous().DisableHttpMetrics();
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteAsync,
        AllowCachingResponses = false,
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = Word(report.Status),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new { status = Word(entry.Value.Status), description = entry.Value.Description }),
        }));
    }

    private static string Word(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}

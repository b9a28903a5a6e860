using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using FocusBot.Tabs;
using FocusBot.Teams.Bot;
using Microsoft.AspNetCore.RateLimiting;

namespace FocusBot.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter on the REST API (<c>/api/v1</c>) and the tab API (<c>/tabs/api</c>): one token bucket per caller, keyed on the token's
/// tenant and object id (else its subject), or on the remote address when there is no token; limits from
/// <see cref="RateLimitOptions"/>. A caller over the limit gets 429 with Retry-After (seconds); the tab API's callers
/// also get a problem in their language (<see cref="TabApiEndpoints.TryRefuseTooManyRequestsAsync"/>).
/// </summary>
public static class ApiRateLimits
{
    public const string PolicyName = "per-caller";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, http =>
            {
                var options = http.RequestServices.GetRequiredService<RateLimitOptions>();
                return RateLimitPartition.GetTokenBucketLimiter(PartitionOf(http.User, http.Connection.RemoteIpAddress?.ToString()),
                    _ => RateLimitOptions.Bucket(options.ApiPerMinute, options.ApiBurst));
            });
            limiter.OnRejected = async (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TabApiEndpoints.TryRefuseTooManyRequestsAsync(context.HttpContext, seconds);
            };
        });
        return services;
    }

    /// <summary>The caller's bucket: <c>oid:{tid}/{oid}</c>, <c>sub:{sub}</c>, or <c>address:{remote address}</c>.</summary>
    public static string PartitionOf(ClaimsPrincipal user, string? remoteAddress)
    {
        if (user.Identity?.IsAuthenticated == true)
        {
            if (user.FindFirstValue("oid") is { Length: > 0 } objectId) return $"oid:{user.FindFirstValue("tid")}/{objectId}";
            if (user.FindFirstValue("sub") is { Length: > 0 } subject) return $"sub:{subject}";
        }
        return $"address:{remoteAddress ?? "unknown"}";
    }
}

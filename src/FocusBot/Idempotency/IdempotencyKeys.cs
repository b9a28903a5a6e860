using System.Security.Cryptography;
using System.Text;
using FocusBot.Hosting;

namespace FocusBot.Idempotency;

/// <summary>
/// The REST API's <c>Idempotency-Key</c> request header (IETF draft "The Idempotency-Key HTTP Header Field"): optional
/// on every endpoint that records or changes something. The same key from the same caller within
/// <see cref="IdempotencyOptions.KeptFor"/> has one effect and gets the first answer again (status and body, with
/// <c>Idempotent-Replayed: true</c>); the same key with another request is 422; while the first request with the key is
/// still being handled, a second waits for its answer (up to <see cref="InFlightWait"/>, then 409 with Retry-After).
/// Without the header a request is handled as always.
/// </summary>
public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>The longest key accepted (Stripe's and the draft's examples are UUIDs; 255 leaves room for any scheme).</summary>
    public const int MaxKeyLength = 255;

    /// <summary>How long a second request with a key waits for the first one's answer before it is told to retry.</summary>
    public static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A claim never answered after this long belongs to a request that died (its process stopped): the key may be
    /// used again. A recording under such a key is still recorded once (<see cref="SubmissionIdOf"/>).
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    private const string SubmissionItem = "FocusBot.IdempotencySubmission";

    /// <summary>Reads <c>Backend:IdempotencyKeyHours</c> (1 to 720, default 24); a bad value stops the host at start.</summary>
    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var hours = configuration.GetValue(IdempotencyOptions.HoursSetting, IdempotencyOptions.DefaultHours);
        if (hours is < 1 or > 720)
            throw new InvalidOperationException($"{IdempotencyOptions.HoursSetting} must be between 1 and 720 (hours); it is {hours}.");
        services.AddSingleton(new IdempotencyOptions(TimeSpan.FromHours(hours)));
        return services;
    }

    /// <summary>Makes an endpoint honour <c>Idempotency-Key</c>, and says so in the OpenAPI document (the header, 409 and 422).</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder endpoint) => endpoint
        .AddEndpointFilter<IdempotencyKeyFilter>()
        .WithMetadata(new IdempotentEndpoint())
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// A submission id (a GUID) made from the caller's key and the request, for the workflow's own once-only record
    /// (<c>processed_submissions</c>, written with the situation): even if the process dies between recording and
    /// remembering the answer, the same request again records nothing new. Null without a key.
    /// </summary>
    public static string? SubmissionIdOf(HttpContext http) => http.Items[SubmissionItem] as string;

    internal static void SetSubmissionId(HttpContext http, string keyId, string requestHash) =>
        http.Items[SubmissionItem] = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{keyId}\n{requestHash}")).AsSpan(0, 16)).ToString();

    /// <summary>What identifies a caller's key: SHA-256 (hex) of the caller (as the rate limiter sees them) and the key.</summary>
    internal static string KeyId(HttpContext http, string key) => Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes($"{ApiRateLimits.PartitionOf(http.User, http.Connection.RemoteIpAddress?.ToString())}\n{key}")));

    /// <summary>SHA-256 (hex) of what was asked: method, path and query, and the body's bytes.</summary>
    internal static string RequestHash(HttpRequest request, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Null when the key is usable, else why not.</summary>
    internal static string? ProblemWith(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count > 1) return $"Send one {HeaderName} header, not {values.Count}.";
        var key = values[0];
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            return $"{HeaderName} must be 1 to {MaxKeyLength} visible ASCII characters (a UUID is best).";
        return null;
    }
}

/// <summary>How long an idempotency key and its answer are kept (<c>Backend:IdempotencyKeyHours</c>, default 24 hours).</summary>
/// <remarks>The answer holds the situation as it was returned (summary included), hence a short window.</remarks>
public sealed record IdempotencyOptions(TimeSpan KeptFor)
{
    public const string HoursSetting = "Backend:IdempotencyKeyHours";
    public const int DefaultHours = 24;
}

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c> (read by <see cref="IdempotencyKeyOpenApi"/>).</summary>
public sealed class IdempotentEndpoint;

using System.Threading.RateLimiting;

namespace FocusBot.Teams.Bot;

/// <summary>
/// Per-caller limits (section <c>RateLimits</c>): a token bucket per caller that holds <c>Burst</c> requests and
/// refills at <c>PerMinute</c>. The defaults are far above what a table's real use needs: a person in Teams types or
/// clicks a few times a minute, and Teams itself sends a handful of events around each (120 a minute, 60 at once for
/// the bot); a dashboard view makes about ten API calls and a co-chair's script a few hundred (600 a minute, 200 at
/// once). A caller over the limit gets 429 with Retry-After.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Activities per minute from one Teams user (<c>from.id</c>) to <c>/api/messages</c>.</summary>
    public int MessagesPerMinute { get; set; } = 120;
    /// <summary>Activities one Teams user may send at once before the per-minute rate applies.</summary>
    public int MessagesBurst { get; set; } = 60;
    /// <summary>API requests per minute from one caller (the token's object id or subject; without a token, the address).</summary>
    public int ApiPerMinute { get; set; } = 600;
    /// <summary>API requests one caller may make at once before the per-minute rate applies.</summary>
    public int ApiBurst { get; set; } = 200;

    /// <summary>A token bucket refilled one request at a time, <paramref name="perMinute"/> times a minute.</summary>
    public static TokenBucketRateLimiterOptions Bucket(int perMinute, int burst) => new()
    {
        TokenLimit = Math.Max(1, burst),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>The per-Teams-user limit on incoming activities, shared by every request of this instance.</summary>
public sealed class TeamsUserRateLimiter(RateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetTokenBucketLimiter(user, _ => RateLimitOptions.Bucket(options.MessagesPerMinute, options.MessagesBurst)));

    /// <summary>Null when the user may go on, else how long they should wait.</summary>
    public TimeSpan? Refusal(string teamsUserId)
    {
        using var lease = _limiter.AttemptAcquire(teamsUserId);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}

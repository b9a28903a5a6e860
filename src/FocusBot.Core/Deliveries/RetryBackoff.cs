namespace FocusBot.Core.Deliveries;

/// <summary>
/// When a failed send is tried again: never before the recipient's Retry-After, else exponentially later with each
/// attempt (2 s, 4 s, 8 s, ... up to 5 minutes), with a little jitter so that a throttled fan-out does not return as
/// one burst. Used for outbox rows and reminders alike.
/// </summary>
public static class RetryBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    /// <param name="attempts">Attempts made so far (1 after the first failure).</param>
    /// <param name="retryAfter">What Teams asked for (429/503 Retry-After), if anything.</param>
    /// <returns>The UTC instant before which the row must not be claimed again.</returns>
    public static DateTimeOffset NextAttempt(DateTimeOffset now, int attempts, TimeSpan? retryAfter)
    {
        var exponential = TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks << Math.Clamp(attempts - 1, 0, 20)));
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
        var wait = retryAfter is { } asked && asked > exponential ? asked : exponential + jitter;
        return now + wait;
    }
}

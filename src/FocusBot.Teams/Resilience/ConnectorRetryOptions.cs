namespace FocusBot.Teams.Resilience;

/// <summary>Bounds of the retry policy for Bot Connector calls (settings section <c>Teams:Retry</c>).</summary>
public sealed class ConnectorRetryOptions
{
    public const string Section = "Teams:Retry";

    /// <summary>Requests per call, the first one included.</summary>
    public int MaxAttempts { get; set; } = 5;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>The longest single wait, whether from backoff or from Teams' <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long one request may take before it counts as failed and is retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

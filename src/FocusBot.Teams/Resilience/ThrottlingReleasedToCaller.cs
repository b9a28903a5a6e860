namespace FocusBot.Teams.Resilience;

/// <summary>
/// Marks the Bot Connector calls made inside it (on this async flow) as calls whose caller honours a throttle itself:
/// a 429 is not waited out and retried by <see cref="ConnectorRetryPolicy"/> but handed back with its Retry-After.
/// The outbox and reminder dispatchers send this way (through <c>TeamsChatSender</c>): they release a throttled row
/// to be claimed again after Retry-After, so that one throttled conversation never holds up the rest of a pass
/// (with one send on its way at a time, a wait inside the send would stop every other). Turn replies keep the retry.
/// </summary>
public static class ThrottlingReleasedToCaller
{
    private static readonly AsyncLocal<bool> Releasing = new();

    /// <summary>Whether the current call is inside <see cref="Begin"/>.</summary>
    public static bool IsActive => Releasing.Value;

    /// <summary>Starts such calls on the current async flow; disposing the result ends them.</summary>
    public static IDisposable Begin()
    {
        var before = Releasing.Value;
        Releasing.Value = true;
        return new Restore(before);
    }

    private sealed class Restore(bool before) : IDisposable
    {
        public void Dispose() => Releasing.Value = before;
    }
}

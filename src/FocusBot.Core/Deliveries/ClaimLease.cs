using System.Collections.Concurrent;
using FocusBot.Core.Reminders;

namespace FocusBot.Core.Deliveries;

/// <summary>
/// Keeps a worker's claims on outbox rows and reminders alive while it works. Each claim is taken for
/// <see cref="ReminderOptions.ClaimTimeout"/>; the worker renews all of its claims every third of that
/// (<see cref="RenewEvery"/>) for as long as a pass runs, so a slow send (Retry-After, a 15 s timeout and its retries)
/// keeps its rows however long it takes, while the rows of an instance that died are taken over by another instance
/// within one <see cref="ReminderOptions.ClaimTimeout"/> of its last renewal (README, "Delivery").
/// </summary>
/// <remarks>
/// One per process (a singleton): it remembers, per worker id, until when the last renewal extended that worker's
/// claims, so a dispatcher can tell whether a row it claimed earlier is still its own without reading it again.
/// </remarks>
public sealed class ClaimLease(ReminderOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _renewedUntil = new();

    /// <summary>How often a working worker renews its claims: a third of <see cref="ReminderOptions.ClaimTimeout"/>.</summary>
    public TimeSpan RenewEvery => options.ClaimTimeout / 3;

    /// <summary>
    /// Extends every claim <paramref name="workerId"/> holds, on outbox rows and on reminders, to now +
    /// <see cref="ReminderOptions.ClaimTimeout"/>; returns how many rows were extended. Throws what the stores throw
    /// (e.g. the database is unreachable); the claims then lapse at their last expiry, as a dead worker's do.
    /// </summary>
    public async Task<int> RenewAsync(string workerId, IDeliveryStore deliveries, IReminderStore reminders, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var renewed = await deliveries.RenewClaimsAsync(workerId, now, options.ClaimTimeout, cancellationToken)
            + await reminders.RenewClaimsAsync(workerId, now, options.ClaimTimeout, cancellationToken);
        _renewedUntil[workerId] = now + options.ClaimTimeout;
        return renewed;
    }

    /// <summary>
    /// Whether a claim of <paramref name="workerId"/> that was taken until <paramref name="claimedUntil"/> (UTC) still
    /// holds now: before that time, or before the end of the worker's last renewal, whichever is later.
    /// </summary>
    public bool StillHeld(string workerId, DateTimeOffset? claimedUntil)
    {
        var until = claimedUntil ?? DateTimeOffset.MinValue;
        if (_renewedUntil.TryGetValue(workerId, out var renewed) && renewed > until) until = renewed;
        return time.GetUtcNow() < until;
    }
}

using FocusBot.Core.Audit;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Idempotency;
using FocusBot.Core.Privacy;
using FocusBot.Core.Reminders;
using FocusBot.Idempotency;

namespace FocusBot.Privacy;

/// <summary>
/// The daily retention purge, run from the host's worker (it also forgets form submissions older than
/// <see cref="ReminderOptions.ProcessedSubmissionsKeptFor"/>, and the API's idempotency keys older than
/// <see cref="IdempotencyOptions.KeptFor"/>): each pass asks the database for the day's claim (one
/// instance wins it; a claim whose holder died lapses after <see cref="Lease"/>), purges, and sets the next run a day
/// later. Never throws except when stopping: a failed purge is logged and tried again when the lease lapses.
/// </summary>
public sealed class DailyRetention(IServiceScopeFactory scopes, TimeProvider time, ILogger<DailyRetention> logger)
{
    /// <summary>How often the purge runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>How long a claim holds before another instance may take the run over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromHours(1);

    /// <summary>Purges if the day's run is due and this worker claims it; returns the report, or null when it did not run.</summary>
    public async Task<PurgeReport?> RunIfDueAsync(string workerId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IRetentionStore>();
            var claim = await store.TryClaimDailyRunAsync(workerId, time.GetUtcNow(), Lease, cancellationToken);
            if (claim is null) return null;

            var report = await scope.ServiceProvider.GetRequiredService<RetentionPurge>().PurgeAsync(AuditChannel.RetentionJob, cancellationToken);
            var keptFor = (scope.ServiceProvider.GetService<ReminderOptions>() ?? new ReminderOptions()).ProcessedSubmissionsKeptFor;
            var forgotten = await scope.ServiceProvider.GetRequiredService<IDeliveryStore>()
                .ForgetSubmissionsBeforeAsync(time.GetUtcNow() - keptFor, cancellationToken);
            var keysKeptFor = (scope.ServiceProvider.GetService<IdempotencyOptions>() ?? new IdempotencyOptions(TimeSpan.FromHours(IdempotencyOptions.DefaultHours))).KeptFor;
            var keysForgotten = await scope.ServiceProvider.GetRequiredService<IIdempotencyKeyStore>()
                .ForgetBeforeAsync(time.GetUtcNow() - keysKeptFor, cancellationToken);
            await store.CompleteDailyRunAsync(claim.Value, time.GetUtcNow() + Interval, cancellationToken);
            if (report.Erased > 0)
                logger.LogInformation("Retention: erased the text of {Erased} situation(s) concluded on or before {Cutoff:u}", report.Erased, report.Cutoff);
            if (forgotten > 0)
                logger.LogInformation("Retention: forgot {Forgotten} form submission(s) acted on more than {KeptFor} ago", forgotten, keptFor);
            if (keysForgotten > 0)
                logger.LogInformation("Retention: forgot {Forgotten} API idempotency key(s) (and their answers) older than {KeptFor}", keysForgotten, keysKeptFor);
            return report;
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(failure, "Retention purge failed; it is tried again within {Lease}", Lease);
            return null;
        }
    }
}

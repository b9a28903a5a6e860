using FocusBot.Core.Deliveries;
using FocusBot.Core.Reminders;
using FocusBot.Health;
using FocusBot.Privacy;

namespace FocusBot.Reminders;

/// <summary>
/// The one place where messages leave the process: sends the outbox (what decisions caused: situation cards, card
/// redraws, co-chair notices), re-plans the tables every few minutes (and a table at once when one of its situations
/// changes), then sends the reminders that are due. Woken at once by a committed decision on this instance; other
/// instances find the rows at their next poll. Every instance runs one; the database's claims keep each row to one of
/// them. It never stops on an error: each pass is caught and logged.
/// </summary>
public sealed class ReminderWorker(
    IServiceScopeFactory scopes, ReplanSignal signal, ReminderOptions options, TimeProvider time, ILogger<ReminderWorker> logger,
    ReminderWorkerHeartbeat heartbeat, OutboxPump pump, ClaimLease lease)
    : BackgroundService
{
    private readonly string _workerId = $"{Environment.ProcessId}/{Guid.NewGuid():N}/{Environment.MachineName}" is var id && id.Length > 200 ? id[..200] : id;
    private DateTimeOffset _nextFullPlan = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Reminder worker {WorkerId} started: every {PollInterval}, re-planning every {ReplanInterval}",
            _workerId, options.PollInterval, options.ReplanInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            try
            {
                await signal.WaitAsync(NextWait(time.GetUtcNow(), await NextOutboxRowDueAsync(stoppingToken), options.PollInterval), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// How long to sleep after a pass (<paramref name="now"/> and <paramref name="nextDue"/> in UTC): until the next
    /// outbox row falls due when that is sooner than <paramref name="pollInterval"/> (a co-chair's confirmation looks
    /// again after <see cref="ReminderOptions.ConfirmationRecheck"/>, not after the next poll), at least 100 ms.
    /// </summary>
    public static TimeSpan NextWait(DateTimeOffset now, DateTimeOffset? nextDue, TimeSpan pollInterval)
    {
        if (nextDue is not { } due || due - now >= pollInterval) return pollInterval;
        var untilDue = due - now;
        return untilDue < MinimumWait ? MinimumWait : untilDue;
    }

    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(100);

    private async Task<DateTimeOffset?> NextOutboxRowDueAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IDeliveryStore>().NextDueAtAsync(cancellationToken);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(failure, "Could not read when the next outbox row is due; polling in {PollInterval}", options.PollInterval);
            return null;
        }
    }

    /// <summary>
    /// One pass: re-plan what needs it, send what is due, its claims renewed all along (<see cref="ClaimLease"/>).
    /// Never throws, except when stopping.
    /// </summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // The claims are renewed until the pass ends, including while a stop lets the sends on their way finish.
        using var passOver = new CancellationTokenSource();
        var renewing = RenewClaimsUntilAsync(passOver.Token);
        // A stop claims nothing more; the sends on their way get FinishSendsOnStop to finish and be recorded.
        using var finishing = new CancellationTokenSource();
        await using var stopAsked = cancellationToken.Register(() => finishing.CancelAfter(options.FinishSendsOnStop));
        try
        {
            var changed = signal.Drain();
            var outbox = await pump.SendAllDueAsync(_workerId, cancellationToken, finishing.Token);
            if (outbox.Values.Any(n => n > 0))
                logger.LogInformation("Outbox: {Counts}", string.Join(", ", outbox.Where(c => c.Value > 0).Select(c => $"{c.Value} {Describe(c.Key)}")));
            if (cancellationToken.IsCancellationRequested)
            {
                logger.LogInformation("Reminder worker {WorkerId} stopping: the sends on their way were finished and recorded", _workerId);
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var planning = scope.ServiceProvider.GetRequiredService<ReminderPlanning>();
            if (time.GetUtcNow() >= _nextFullPlan)
            {
                await planning.PlanAllAsync(cancellationToken);
                _nextFullPlan = time.GetUtcNow() + options.ReplanInterval;
            }
            else
            {
                foreach (var tableId in changed) await planning.PlanTableAsync(tableId, cancellationToken);
            }

            var summary = await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().SendDueAsync(_workerId, finishing.Token, cancellationToken);
            if (summary != new DispatchSummary(0, 0, 0, 0, 0))
                logger.LogInformation("Reminders: {Sent} sent, {Skipped} skipped as stale, {Cancelled} cancelled, {Failed} failed, {Retrying} to retry",
                    summary.Sent, summary.Skipped, summary.Cancelled, summary.Failed, summary.Retrying);

            // The daily retention purge rides on this loop; it claims its own run, so one instance does it.
            await (scope.ServiceProvider.GetService<DailyRetention>()?.RunIfDueAsync(_workerId, cancellationToken) ?? Task.CompletedTask);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(failure, "Reminder pass failed; the next one runs in {PollInterval}", options.PollInterval);
        }
        finally
        {
            await passOver.CancelAsync();
            await renewing;
            heartbeat.PassEnded();
        }
    }

    /// <summary>Renews this worker's claims every <see cref="ClaimLease.RenewEvery"/> until <paramref name="passOver"/> is cancelled; a failed renewal is logged and tried again.</summary>
    private async Task RenewClaimsUntilAsync(CancellationToken passOver)
    {
        while (true)
        {
            try
            {
                await Task.Delay(lease.RenewEvery, time, passOver);
                await using var scope = scopes.CreateAsyncScope();
                await lease.RenewAsync(_workerId, scope.ServiceProvider.GetRequiredService<IDeliveryStore>(),
                    scope.ServiceProvider.GetRequiredService<IReminderStore>(), passOver);
            }
            catch (OperationCanceledException) when (passOver.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                logger.LogWarning(failure, "Could not renew the claims of worker {WorkerId}; they lapse at their expiry unless a later renewal succeeds", _workerId);
            }
        }
    }

    private static string Describe(DeliveryState state) => state switch
    {
        DeliveryState.Pending => "to retry",
        DeliveryState.Claimed => "left to claim again",
        _ => state.ToString().ToLowerInvariant(),
    };
}

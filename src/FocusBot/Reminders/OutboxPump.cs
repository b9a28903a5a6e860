using FocusBot.Core.Deliveries;
using FocusBot.Core.Reminders;

namespace FocusBot.Reminders;

/// <summary>
/// Sends the outbox until nothing is due: keeps up to <see cref="ReminderOptions.DispatchConcurrency"/> rows on their
/// way at once and claims more as soon as a quarter of them have finished, so that one slow send never holds back the
/// rest of a batch (a fan-out to thousands of reps runs at the pacer's rate, not at the slowest send's).
/// </summary>
/// <remarks>
/// It claims no more messages than it has free places for, so a claimed row starts at once and its claim (see
/// <see cref="ReminderOptions.ClaimTimeout"/>) never runs out while it waits its turn here. Each row is delivered in its
/// own scope (its own database context).
/// </remarks>
public sealed class OutboxPump(IServiceScopeFactory scopes, ReminderOptions options)
{
    /// <summary>
    /// Claims and delivers messages for <paramref name="workerId"/> until a claim finds none and none is on its way;
    /// returns how many rows ended in each state. Once <paramref name="stopping"/> is cancelled it claims nothing more
    /// and returns when the sends on their way have finished and been recorded (a graceful stop: Teams may already
    /// have them, and a row left claimed would be sent again); those run under <paramref name="finishing"/>, cancelled
    /// only when they may take no longer.
    /// </summary>
    public async Task<Dictionary<DeliveryState, int>> SendAllDueAsync(string workerId, CancellationToken stopping, CancellationToken finishing)
    {
        var counts = Enum.GetValues<DeliveryState>().ToDictionary(s => s, _ => 0);
        var running = new List<Task<(DeliveryState State, int Rows)>>();
        var refillAt = Math.Max(1, options.DispatchConcurrency / 4);
        var moreDue = true;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                while (moreDue && !stopping.IsCancellationRequested && options.DispatchConcurrency - running.Count is var free && (free >= refillAt || running.Count == 0))
                {
                    var batch = await ClaimAsync(workerId, Math.Min(free, options.BatchSize), finishing);
                    running.AddRange(batch.Select(message => DeliverAsync(message, finishing)));
                    // Nothing due now: finish what is on its way, then look once more (a row may have come due meanwhile).
                    moreDue = batch.Count > 0;
                }
                if (running.Count == 0) break;

                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                var (state, rows) = await finished;
                counts[state] += rows;
                moreDue = moreDue || running.Count == 0;
            }
        }
        finally
        {
            // Stopping (or a claim failed): what is on its way is finished and recorded before the pass ends.
            await Task.WhenAll(running.Select(task => task.ContinueWith(_ => { }, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)));
        }
        foreach (var task in running.Where(t => t.IsCompletedSuccessfully)) counts[task.Result.State] += task.Result.Rows;
        return counts;
    }

    private async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(string workerId, int count, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().ClaimAsync(workerId, count, cancellationToken);
    }

    private async Task<(DeliveryState, int)> DeliverAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverAsync(message, cancellationToken), message.Rows.Count);
    }
}

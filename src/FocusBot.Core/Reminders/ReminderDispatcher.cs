using FocusBot.Core.Telemetry;
using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using Microsoft.Extensions.Logging;

namespace FocusBot.Core.Reminders;

/// <summary>What one pass of the dispatcher did.</summary>
public sealed record DispatchSummary(int Sent, int Skipped, int Cancelled, int Failed, int Retrying);

/// <summary>
/// Sends the reminders that are due: claims a batch, composes each from the state of things now, sends it through
/// the same chat port, pacer and <see cref="RetryBackoff"/> as the outbox (<see cref="OutboxDispatcher"/>), and marks
/// it. Reminders keep their own rows because they are plans (re-planned, cancelled, skipped when stale); the worker
/// runs both dispatchers in one loop. Several dispatchers (threads, instances) may run on one database; the store's
/// claims keep each reminder to one of them.
/// </summary>
public sealed class ReminderDispatcher(
    IReminderStore store,
    IReminderComposer composer,
    IChatSender chat,
    CoChairNotices coChairs,
    ReminderOptions options,
    ClaimLease lease,
    TimeProvider time,
    ILogger<ReminderDispatcher> logger)
{
    /// <summary>
    /// Claims and sends due reminders for <paramref name="workerId"/>, one at a time, until none is left. Once
    /// <paramref name="stopClaiming"/> is cancelled (a graceful stop) it starts no other: the one on its way finishes
    /// and is recorded under <paramref name="cancellationToken"/>; the rest of a claimed batch waits for its claim to lapse.
    /// </summary>
    public async Task<DispatchSummary> SendDueAsync(string workerId, CancellationToken cancellationToken, CancellationToken stopClaiming = default)
    {
        int sent = 0, skipped = 0, cancelled = 0, failed = 0, retrying = 0;
        while (!cancellationToken.IsCancellationRequested && !stopClaiming.IsCancellationRequested)
        {
            var batch = await store.ClaimDueAsync(workerId, time.GetUtcNow(), options.BatchSize, options.ClaimTimeout, cancellationToken);
            if (batch.Count == 0) break;
            var lapsed = false;
            foreach (var reminder in batch)
            {
                // Past the claim (not renewed in time) another worker may have taken it: leave the rest of the batch to be claimed again.
                if (!lease.StillHeld(workerId, reminder.ClaimExpiresAt) || stopClaiming.IsCancellationRequested)
                {
                    lapsed = true;
                    break;
                }

                switch (await HandleAsync(reminder, cancellationToken))
                {
                    case ReminderState.Sent: sent++; break;
                    case ReminderState.SkippedStale: skipped++; break;
                    case ReminderState.Cancelled: cancelled++; break;
                    case ReminderState.Failed: failed++; break;
                    default: retrying++; break;
                }
            }
            // A short batch is not the end: other workers may hold the rest. Stop only when nothing is left to claim.
            if (lapsed) break;
        }
        return new DispatchSummary(sent, skipped, cancelled, failed, retrying);
    }

    /// <summary>A reminder found due only after it stopped making sense: meeting reminders once the meeting started, others after <see cref="ReminderOptions.Staleness"/>.</summary>
    public bool IsStale(Reminder reminder, DateTimeOffset now) =>
        reminder.IsAboutMeeting ? now >= reminder.Occurrence : now - reminder.DueAt > options.Staleness;

    private async Task<ReminderState> HandleAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        var token = reminder.ClaimToken!.Value;
        try
        {
            if (IsStale(reminder, time.GetUtcNow()))
            {
                logger.LogInformation("Reminder {ReminderId} ({Kind}, table {TableId}) was due {DueAt:O}: too late to send, skipped",
                    reminder.Id, reminder.Kind, reminder.TableId, reminder.DueAt);
                return await FinishAsync(reminder, token, ReminderState.SkippedStale, null, cancellationToken);
            }

            if (reminder.Attempts > options.MaxAttempts)
            {
                logger.LogError("Reminder {ReminderId} ({Kind}, table {TableId}) gave up after {Attempts} attempts: {Error}",
                    reminder.Id, reminder.Kind, reminder.TableId, reminder.Attempts - 1, reminder.LastError);
                return await FinishAsync(reminder, token, ReminderState.Failed, reminder.LastError ?? "too many attempts", cancellationToken);
            }

            var composed = await composer.ComposeAsync(reminder, cancellationToken);
            switch (composed.Outcome)
            {
                case ComposeOutcome.NoLongerApplies:
                    return await FinishAsync(reminder, token, ReminderState.Cancelled, composed.Reason, cancellationToken);
                case ComposeOutcome.Undeliverable:
                    await TellCoChairsAsync(reminder, UndeliveredBecause.NoChannel, null, composed.Reason!, cancellationToken);
                    return await FinishAsync(reminder, token, ReminderState.Failed, composed.Reason, cancellationToken);
            }

            var result = await chat.SendAsync(composed.To!, composed.Message!, cancellationToken);
            switch (result.Status)
            {
                case DeliveryStatus.Delivered:
                    FocusBotTelemetry.ReminderLag.Record((time.GetUtcNow() - reminder.DueAt).TotalSeconds,
                        new KeyValuePair<string, object?>("focusbot.reminder.kind", reminder.Kind.ToString()));
                    return await FinishAsync(reminder, token, ReminderState.Sent, null, cancellationToken);
                case DeliveryStatus.NoConversation or DeliveryStatus.Unreachable:
                    var reason = UndeliverableReason(composed.To!, result);
                    logger.LogWarning("Reminder {ReminderId} ({Kind}, table {TableId}) cannot reach {Address}: {Reason}",
                        reminder.Id, reminder.Kind, reminder.TableId, composed.To, reason);
                    await TellCoChairsAsync(reminder, CoChairProblem.CauseOf(composed.To!, result.Status),
                        composed.To!.Kind == ConversationKind.Personal ? composed.To.Key : null, reason, cancellationToken);
                    return await FinishAsync(reminder, token, ReminderState.Failed, reason, cancellationToken);
                default:
                    await store.ReleaseAsync(reminder.Id, token, result.Detail ?? result.Status.ToString(),
                        RetryBackoff.NextAttempt(time.GetUtcNow(), reminder.Attempts, result.RetryAfter), time.GetUtcNow(), cancellationToken);
                    return ReminderState.Planned;
            }
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(failure, "Reminder {ReminderId} ({Kind}, table {TableId}) failed; it will be tried again",
                reminder.Id, reminder.Kind, reminder.TableId);
            await store.ReleaseAsync(reminder.Id, token, Shorten(failure.Message),
                RetryBackoff.NextAttempt(time.GetUtcNow(), reminder.Attempts, null), time.GetUtcNow(), cancellationToken);
            return ReminderState.Planned;
        }
    }

    private async Task<ReminderState> FinishAsync(Reminder reminder, Guid token, ReminderState state, string? error, CancellationToken cancellationToken)
    {
        if (!await store.FinishAsync(reminder.Id, token, state, error is null ? null : Shorten(error), time.GetUtcNow(), cancellationToken))
            logger.LogWarning("Reminder {ReminderId}: its claim expired before it was marked {State}", reminder.Id, state);
        return state;
    }

    /// <param name="cause">With the target, what the co-chairs are told once about; a code, never a sentence, so rewording
    /// one does not tell them again, and each co-chair reads it in their own language.</param>
    /// <param name="reason">For the log only.</param>
    private async Task TellCoChairsAsync(Reminder reminder, UndeliveredBecause cause, string? memberEmail, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await coChairs.TellOnceAsync(reminder.TableId, $"reminder-undeliverable|{reminder.Target}|{CauseCode(cause)}",
                CoChairProblem.NotDelivered(null, cause, memberEmail, reminder: true), cancellationToken);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(failure, "Could not tell the co-chairs of table {TableId} that {Reason}", reminder.TableId, reason);
        }
    }


    /// <summary>The subject's code for a cause, as it was written before causes were typed (so a problem already told is not told again).</summary>
    private static string CauseCode(UndeliveredBecause cause) => cause switch
    {
        UndeliveredBecause.NoChannel => "no-channel",
        UndeliveredBecause.ChannelRefused => "channel-refused",
        UndeliveredBecause.NoConversation => "no-conversation",
        _ => "unreachable",
    };

    private static string UndeliverableReason(ConversationAddress to, DeliveryResult result) => to.Kind == ConversationKind.Channel
        ? "the table's channel refused the bot (was FocusBot removed from the team?). A co-chair can type \"link <table>\" in the right channel."
        : result.Status == DeliveryStatus.NoConversation
            ? $"{to.Key} has no chat with FocusBot yet. Please ask them to install FocusBot in Teams."
            : $"Teams refused to deliver to {to.Key} (FocusBot blocked or removed). Please reach them another way.";

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500];
}

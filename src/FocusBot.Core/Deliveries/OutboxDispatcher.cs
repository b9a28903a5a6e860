using FocusBot.Core.Conversations;
using FocusBot.Core.Reminders;
using Microsoft.Extensions.Logging;

namespace FocusBot.Core.Deliveries;

/// <summary>
/// Delivers the outbox: claims due rows, has each one's message written from the current state, sends or redraws it
/// through the chat port (paced to Teams' limits), and marks it. A throttled or failing send is released with a
/// backoff (honouring Retry-After); a recipient Teams refuses for good fails the row and the co-chairs are told once.
/// Several dispatchers (threads, instances) may run on one database; the store's claims keep each row to one of them.
/// A crash after Teams accepted a message but before the row was marked may repeat that one message, never more.
/// </summary>
public sealed class OutboxDispatcher(
    IDeliveryStore store,
    IDeliveryComposer composer,
    IChatSender chat,
    IConversationStore conversations,
    CoChairNotices coChairs,
    ReminderOptions options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>
    /// Claims up to <paramref name="count"/> (at least 1) of the next due messages for <paramref name="workerId"/>,
    /// oldest first (empty when nothing is due): each a row, or a co-chair's notices gathered into one message.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(string workerId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return ClaimedMessage.Of(await store.ClaimDueAsync(workerId, time.GetUtcNow(), count, options.ClaimTimeout, cancellationToken));
    }

    /// <summary>
    /// Delivers one claimed message and marks all of its rows alike; returns their new state
    /// (<see cref="DeliveryState.Pending"/>: released for a later attempt). Never throws, except when stopping.
    /// </summary>
    public async Task<DeliveryState> DeliverAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delivery = message.Lead;
        if (time.GetUtcNow() >= delivery.ClaimExpiresAt) return DeliveryState.Claimed;
        var token = delivery.ClaimToken!.Value;
        var ids = message.Rows.Select(r => r.Id).ToList();
        var attempts = message.Rows.Max(r => r.Attempts);
        try
        {
            if (attempts > options.MaxAttempts)
            {
                var reason = $"gave up after {attempts - 1} attempts: {delivery.LastError ?? "no answer"}";
                logger.LogWarning("Delivery {DeliveryId} ({About} to {Recipient}) {Reason}", delivery.Id, Describe(message), delivery.Recipient, reason);
                await TellCoChairsAsync(delivery, UndeliveredBecause.KeptFailing, null, cancellationToken);
                return await FinishAsync(message, token, DeliveryState.Failed, reason, cancellationToken);
            }

            var composed = message.IsGathered
                ? await composer.ComposeGatheredAsync(message.Rows, cancellationToken)
                : await composer.ComposeAsync(delivery, cancellationToken);
            switch (composed.Result)
            {
                case ComposeResult.NoLongerApplies:
                    return await FinishAsync(message, token, DeliveryState.Cancelled, composed.Reason!, cancellationToken);
                case ComposeResult.Undeliverable:
                    logger.LogInformation("Delivery {DeliveryId} ({About}) has nowhere to go: {Reason}", delivery.Id, Describe(message), composed.Reason);
                    await TellCoChairsAsync(delivery, composed.Cause ?? UndeliveredBecause.NoChannel, null, cancellationToken);
                    return await FinishAsync(message, token, DeliveryState.Failed, composed.Reason!, cancellationToken);
                case ComposeResult.NotYet:
                    await store.ReleaseAsync(ids, token, composed.Reason!, time.GetUtcNow() + options.ConfirmationRecheck, time.GetUtcNow(), cancellationToken);
                    return DeliveryState.Pending;
            }

            var to = composed.To!;
            // Gone (channel deleted, team archived, app removed): nothing is sent there until it is linked or installed again.
            if (await conversations.UnreachableReasonAsync(to, cancellationToken) is { } gone)
            {
                var reason = to.Kind == ConversationKind.Channel
                    ? $"the table's channel cannot be posted to: {gone}. A co-chair can type \"@FocusBot link {delivery.TableId}\" in the table's channel."
                    : $"{to.Key} cannot be reached: {gone}.";
                await TellCoChairsAsync(delivery, to.Kind == ConversationKind.Channel ? UndeliveredBecause.ChannelGone : UndeliveredBecause.Unreachable,
                    to.Kind == ConversationKind.Personal ? to.Key : null, cancellationToken,
                    subject: to.Kind == ConversationKind.Channel ? CoChairNotices.ChannelGoneSubject(to.Key) : null);
                return await FinishAsync(message, token, DeliveryState.Failed, reason, cancellationToken);
            }

            var result = composed.UpdateActivityId is { } activityId
                ? await chat.UpdateAsync(to, activityId, composed.Message!, cancellationToken)
                : await chat.SendAsync(to, composed.Message!, cancellationToken);
            switch (result.Status)
            {
                case DeliveryStatus.Delivered:
                    var marked = message.IsGathered
                        ? await store.MarkSentTogetherAsync(ids, token, result.ActivityId, time.GetUtcNow(), cancellationToken)
                        : await store.MarkSentAsync(delivery, to, result.ActivityId, time.GetUtcNow(), cancellationToken, composed.DrawnFromVersion);
                    if (!marked) logger.LogWarning("Delivery {DeliveryId}: its claim expired before it was marked sent", delivery.Id);
                    return DeliveryState.Sent;
                case DeliveryStatus.NoConversation or DeliveryStatus.Unreachable:
                    var reason = UndeliverableReason(to, result);
                    logger.LogInformation("Delivery {DeliveryId} ({About}) cannot reach {Address}: {Detail}", delivery.Id, Describe(message), to, result.Detail ?? result.Status.ToString());
                    await TellCoChairsAsync(delivery, CoChairProblem.CauseOf(to, result.Status), to.Kind == ConversationKind.Personal ? to.Key : null, cancellationToken);
                    return await FinishAsync(message, token, DeliveryState.Failed, reason, cancellationToken);
                default:
                    // Released with Teams' Retry-After (or a backoff), never waited out here: the other rows go on meanwhile.
                    var retryAt = RetryBackoff.NextAttempt(time.GetUtcNow(), attempts, result.RetryAfter);
                    logger.LogInformation("Delivery {DeliveryId} ({About} to {Address}) will be tried again at {RetryAt:O}: {Detail}", delivery.Id, Describe(message), to, retryAt, result.Detail);
                    await store.ReleaseAsync(ids, token, result.Detail ?? result.Status.ToString(), retryAt, time.GetUtcNow(), cancellationToken);
                    return DeliveryState.Pending;
            }
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(failure, "Delivery {DeliveryId} ({About}) failed; it will be tried again", delivery.Id, Describe(message));
            await store.ReleaseAsync(ids, token, failure.Message, RetryBackoff.NextAttempt(time.GetUtcNow(), attempts, null), time.GetUtcNow(), cancellationToken);
            return DeliveryState.Pending;
        }
    }

    /// <summary>The lead row's <see cref="Delivery.About"/>, and how many notices were gathered with it.</summary>
    private static string Describe(ClaimedMessage message) =>
        message.IsGathered ? $"{message.Lead.About} and {message.Rows.Count - 1} more notices gathered with it" : message.Lead.About;

    private async Task<DeliveryState> FinishAsync(ClaimedMessage message, Guid token, DeliveryState state, string reason, CancellationToken cancellationToken)
    {
        if (!await store.FinishAsync(message.Rows.Select(r => r.Id).ToList(), token, state, reason, time.GetUtcNow(), cancellationToken))
            logger.LogWarning("Delivery {DeliveryId}: its claim expired before it was marked {State}", message.Lead.Id, state);
        return state;
    }

    /// <summary>
    /// Once per table, recipient and cause; never about a message that was itself for the co-chairs (they would not get
    /// that either). The notice is a code (<see cref="CoChairProblem"/>), worded for each co-chair when sent.
    /// </summary>
    private async Task TellCoChairsAsync(Delivery delivery, UndeliveredBecause cause, string? memberEmail, CancellationToken cancellationToken,
        string? subject = null)
    {
        if (delivery.Kind is not (DeliveryKind.SituationCard or DeliveryKind.CardRefresh)) return;
        await coChairs.TellOnceAsync(delivery.TableId, subject ?? $"undeliverable|{delivery.Recipient}|{cause}",
            CoChairProblem.NotDelivered(delivery.SituationId, cause, memberEmail), cancellationToken);
    }


    private static string UndeliverableReason(ConversationAddress to, DeliveryResult result) => to.Kind == ConversationKind.Channel
        ? "the table's channel refused the bot (deleted, archived, or FocusBot removed from the team). A co-chair can type \"@FocusBot link <table>\" in the right channel."
        : result.Status == DeliveryStatus.NoConversation
            ? $"{to.Key} has no chat with FocusBot yet. Please ask them to install FocusBot in Teams."
            : $"Teams refused to deliver to {to.Key} (FocusBot blocked or removed). Please reach them another way.";
}

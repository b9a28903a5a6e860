namespace FocusBot.Core.Deliveries;

/// <summary>The outbox's rows. Rows are added with the decision that causes them (see the situation store); this is the dispatcher's side.</summary>
public interface IDeliveryStore
{
    /// <summary>Adds rows on their own, for messages no stored decision causes (e.g. a lifecycle notice).</summary>
    Task AddAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> rows that are due (or whose earlier claim expired) for
    /// <paramref name="workerId"/> until now + <paramref name="claimFor"/>, oldest first. No two workers get the same
    /// row while a claim holds (row locks with SKIP LOCKED on PostgreSQL; the write lock on SQLite). Each claim counts
    /// as an attempt. With each co-chair notice (<see cref="DeliveryKind.Notice"/>) it claims, it also claims that
    /// recipient's other notices that are due, or were written by now and wait only for
    /// <see cref="SituationDeliveries.NoticeGathering"/> (not one released for a later attempt before its time), so that
    /// they go out as one message (<see cref="ClaimedMessage"/>); these come beyond <paramref name="batchSize"/>.
    /// </summary>
    Task<IReadOnlyList<Delivery>> ClaimDueAsync(string workerId, DateTimeOffset now, int batchSize, TimeSpan claimFor, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a claimed row sent; when it posted a situation's card (not a redraw) to <paramref name="sentTo"/>, remembers
    /// the posted copy so that later changes redraw it, in the same transaction. False when the claim was lost to another worker.
    /// </summary>
    Task<bool> MarkSentAsync(Delivery delivery, Core.Conversations.ConversationAddress sentTo, string? activityId, DateTimeOffset now, CancellationToken cancellationToken,
        int? drawnFromVersion = null);

    /// <summary>
    /// Marks the claimed rows of one message (co-chair notices gathered together) sent as the message
    /// <paramref name="activityId"/>, all in one statement. False when a claim was lost on any of them (those are left as they are).
    /// </summary>
    Task<bool> MarkSentTogetherAsync(IReadOnlyCollection<Guid> ids, Guid claimToken, string? activityId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Extends every claim <paramref name="workerId"/> still holds to now + <paramref name="claimFor"/> (a worker renews
    /// its claims while it works, see <see cref="ClaimLease"/>); returns how many rows. A row another worker has taken
    /// over, or that was marked meanwhile, is left alone.
    /// </summary>
    Task<int> RenewClaimsAsync(string workerId, DateTimeOffset now, TimeSpan claimFor, CancellationToken cancellationToken);

    /// <summary>Ends claimed rows (one message's) without sending them (failed or cancelled), with why, in one statement. False when a claim was lost.</summary>
    Task<bool> FinishAsync(IReadOnlyCollection<Guid> ids, Guid claimToken, DeliveryState state, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts claimed rows (one message's) back, to be claimed again no earlier than <paramref name="retryAt"/>, noting why this attempt failed, in one statement. False when a claim was lost.</summary>
    Task<bool> ReleaseAsync(IReadOnlyCollection<Guid> ids, Guid claimToken, string error, DateTimeOffset retryAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>When the earliest pending row falls due (UTC; a released row's retry time), or null when none is pending.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken);

    /// <summary>Every row of a situation, oldest first.</summary>
    Task<IReadOnlyList<Delivery>> OfSituationAsync(string situationId, CancellationToken cancellationToken);

    /// <summary>Forgets the form submissions acted on before <paramref name="before"/> (UTC); returns how many.</summary>
    Task<int> ForgetSubmissionsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

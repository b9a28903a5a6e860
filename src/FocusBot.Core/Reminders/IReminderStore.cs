namespace FocusBot.Core.Reminders;

public interface IReminderStore
{
    /// <summary>Re-plans one table (see <see cref="ReminderReconciliation"/>); safe when two instances do it at once.</summary>
    Task<ReplanResult> ApplyPlanAsync(string tableId, IReadOnlyList<PlannedReminder> desired, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> reminders that are due (or whose earlier claim expired) for
    /// <paramref name="workerId"/> until now + <paramref name="claimFor"/>, earliest first. No two workers get the
    /// same row while a claim holds. Each claim counts as an attempt.
    /// </summary>
    Task<IReadOnlyList<Reminder>> ClaimDueAsync(string workerId, DateTimeOffset now, int batchSize, TimeSpan claimFor, CancellationToken cancellationToken);

    /// <summary>
    /// Extends every claim <paramref name="workerId"/> still holds to now + <paramref name="claimFor"/> (see
    /// <see cref="Deliveries.ClaimLease"/>); returns how many reminders. One taken over by another worker is left alone.
    /// </summary>
    Task<int> RenewClaimsAsync(string workerId, DateTimeOffset now, TimeSpan claimFor, CancellationToken cancellationToken);

    /// <summary>Ends a claimed reminder (sent, cancelled, skipped, failed). False when the claim was lost to another worker.</summary>
    Task<bool> FinishAsync(Guid id, Guid claimToken, ReminderState state, string? error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts a claimed reminder back for a later attempt, no earlier than <paramref name="retryAt"/>, noting why this one failed.</summary>
    Task<bool> ReleaseAsync(Guid id, Guid claimToken, string error, DateTimeOffset retryAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Planned and claimed reminders due before <paramref name="before"/>, of the given tables (null: all), earliest first.</summary>
    Task<IReadOnlyList<Reminder>> ScheduledAsync(IReadOnlyCollection<string>? tableIds, DateTimeOffset before, int limit, CancellationToken cancellationToken);
}

/// <summary>Remembers what the co-chairs of a table were told, so that each problem is told once, by whichever instance saw it.</summary>
public interface ICoChairNoticeLog
{
    /// <summary>True only for the first caller with this table and subject.</summary>
    Task<bool> TryRecordAsync(string tableId, string subject, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets a record, e.g. when nobody could be told after all.</summary>
    Task ForgetAsync(string tableId, string subject, CancellationToken cancellationToken);
}

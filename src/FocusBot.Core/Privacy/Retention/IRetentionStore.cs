using FocusBot.Core.Audit;

namespace FocusBot.Core.Privacy;

/// <summary>A concluded situation whose text the retention job would erase.</summary>
public sealed record ErasableSituation(string Id, string TableId, DateTimeOffset ConcludedAt);

/// <summary>Storage for the retention job: what is due, erasing it, and the daily claim that keeps it to one instance.</summary>
public interface IRetentionStore
{
    /// <summary>Situations concluded at or before <paramref name="cutoff"/> (UTC) whose text is not yet erased, oldest first.</summary>
    Task<IReadOnlyList<ErasableSituation>> ConcludedByAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>
    /// Erases the text of these situations (summary, notes, next steps, decline reasons, e-mails of who answered and
    /// who wrote), marks them erased at <paramref name="now"/> and stores <paramref name="records"/>, all in one
    /// transaction; then makes sure the erased text is not left in the database's files. Returns how many were erased
    /// (a situation erased meanwhile by another instance is not counted).
    /// </summary>
    Task<int> EraseAsync(IReadOnlyCollection<string> situationIds, DateTimeOffset now, IReadOnlyCollection<AuditEntry> records,
        CancellationToken cancellationToken);

    /// <summary>
    /// Claims the daily run when it is due at <paramref name="now"/> and no other instance holds it; the claim lapses
    /// after <paramref name="lease"/> if its holder dies. Null when not due or claimed elsewhere.
    /// </summary>
    Task<Guid?> TryClaimDailyRunAsync(string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Releases the claim and sets when the next run is due.</summary>
    Task CompleteDailyRunAsync(Guid claim, DateTimeOffset nextRunAt, CancellationToken cancellationToken);
}

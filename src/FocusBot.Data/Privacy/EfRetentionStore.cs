using FocusBot.Core.Audit;
using FocusBot.Core.Privacy;
using FocusBot.Core.Situations;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Data.Privacy;

/// <summary>
/// The retention job's storage. Erasing is a handful of UPDATEs in one transaction (no row is read into memory). On
/// SQLite the erased text must not stay in the file: the purge's connection runs with <c>PRAGMA secure_delete = ON</c>
/// (freed space is overwritten with zeros), then <c>VACUUM</c> rebuilds the file from live rows only (so copies left
/// by earlier updates go too) and <c>PRAGMA wal_checkpoint(TRUNCATE)</c> empties the write-ahead log if WAL is on. On
/// PostgreSQL the old row versions are dead tuples until vacuumed: the purge runs a plain <c>VACUUM</c> of the three
/// tables (it does not lock them); byte-level removal from the files needs <c>VACUUM FULL</c> in a maintenance window.
/// </summary>
public sealed class EfRetentionStore(FocusBotDbContext db) : IRetentionStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<ErasableSituation>> ConcludedByAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var utcCutoff = cutoff.ToUniversalTime();
        var due = await db.Situations.AsNoTracking()
            .Where(s => s.Status == SituationStatus.Concluded && s.ConcludedAt <= utcCutoff && s.ErasedAt == null)
            .Select(s => new { s.Id, s.TableId, s.ConcludedAt })
            .ToListAsync(cancellationToken);
        return due.OrderBy(s => s.ConcludedAt).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new ErasableSituation(s.Id, s.TableId, s.ConcludedAt!.Value)).ToList();
    }

    /// <inheritdoc/>
    public async Task<int> EraseAsync(IReadOnlyCollection<string> situationIds, DateTimeOffset now, IReadOnlyCollection<AuditEntry> records,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(situationIds);
        ArgumentNullException.ThrowIfNull(records);
        if (situationIds.Count == 0) return 0;
        var ids = situationIds.ToList();
        var utcNow = now.ToUniversalTime();
        var sqlite = db.Database.IsSqlite();

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON;", cancellationToken);
            int erased;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                erased = await db.Situations
                    .Where(s => ids.Contains(s.Id) && s.Status == SituationStatus.Concluded && s.ErasedAt == null)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(s => s.Summary, (string?)null)
                        .SetProperty(s => s.ErasedAt, utcNow)
                        .SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);
                var erasedNow = await db.Situations.AsNoTracking()
                    .Where(s => ids.Contains(s.Id) && s.ErasedAt == utcNow).Select(s => s.Id).ToListAsync(cancellationToken);

                await db.Set<SituationUpdate>().Where(u => erasedNow.Contains(EF.Property<string>(u, "SituationId")))
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(u => u.Note, string.Empty)
                        .SetProperty(u => u.NextStep, (string?)null)
                        .SetProperty(u => u.ByEmail, string.Empty), cancellationToken);
                await db.Set<Assignment>().Where(a => erasedNow.Contains(EF.Property<string>(a, "SituationId")))
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(a => a.DeclineReason, (string?)null)
                        .SetProperty(a => a.RespondedByEmail, (string?)null)
                        .SetProperty(a => a.ReleasedByEmail, (string?)null), cancellationToken);
                await db.Set<SituationEvent>().Where(e => erasedNow.Contains(EF.Property<string>(e, "SituationId")))
                    .ExecuteUpdateAsync(set => set.SetProperty(e => e.ByEmail, string.Empty), cancellationToken);

                db.AuditEntries.AddRange(records.Where(r => r.SituationId is null || erasedNow.Contains(r.SituationId)));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if (erased > 0) await ScrubAsync(sqlite, cancellationToken);
            return erased;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <inheritdoc/>
    public async Task<Guid?> TryClaimDailyRunAsync(string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var token = Guid.CreateVersion7(now);
        var utcNow = now.ToUniversalTime();
        var expires = utcNow + lease;
        int claimed;
        if (db.Database.IsNpgsql())
        {
            claimed = await db.Database.ExecuteSqlAsync($"""
                UPDATE job_leases SET "ClaimToken" = {token}, "ClaimedBy" = {workerId}, "ClaimExpiresAt" = {expires}
                WHERE "Name" = (
                    SELECT "Name" FROM job_leases
                    WHERE "Name" = {JobLease.Retention} AND "NextRunAt" <= {utcNow}
                      AND ("ClaimExpiresAt" IS NULL OR "ClaimExpiresAt" <= {utcNow})
                    FOR UPDATE SKIP LOCKED)
                """, cancellationToken);
        }
        else
        {
            // One UPDATE takes SQLite's write lock before it reads: two instances never both claim.
            claimed = await db.JobLeases
                .Where(l => l.Name == JobLease.Retention && l.NextRunAt <= utcNow && (l.ClaimExpiresAt == null || l.ClaimExpiresAt <= utcNow))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(l => l.ClaimToken, token)
                    .SetProperty(l => l.ClaimedBy, workerId)
                    .SetProperty(l => l.ClaimExpiresAt, expires), cancellationToken);
        }

        return claimed == 1 ? token : null;
    }

    /// <inheritdoc/>
    public async Task CompleteDailyRunAsync(Guid claim, DateTimeOffset nextRunAt, CancellationToken cancellationToken)
    {
        var next = nextRunAt.ToUniversalTime();
        await db.JobLeases.Where(l => l.Name == JobLease.Retention && l.ClaimToken == claim)
            .ExecuteUpdateAsync(set => set
                .SetProperty(l => l.NextRunAt, next)
                .SetProperty(l => l.ClaimToken, (Guid?)null)
                .SetProperty(l => l.ClaimedBy, (string?)null)
                .SetProperty(l => l.ClaimExpiresAt, (DateTimeOffset?)null), cancellationToken);
    }

    private async Task ScrubAsync(bool sqlite, CancellationToken cancellationToken)
    {
        if (sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM;", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
        else if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM situations, situation_updates, assignments, situation_events;", cancellationToken);
        }
    }
}

using FocusBot.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FocusBot.Data.Reminders;

/// <summary>
/// Reminders on EF Core. Planning a table is serialized per table (a PostgreSQL advisory lock; SQLite's write lock):
/// two planners of one table (two instances, or the worker and a decision's re-plan) take turns, so the second reads
/// what the first planned instead of inserting the same plan keys again (<c>IX_reminders_PlanKey</c>), an expected race
/// that would otherwise fail a command and log it as an error.
/// </summary>
public sealed class EfReminderStore(FocusBotDbContext db, ILogger<EfReminderStore>? logger = null) : IReminderStore
{
    private const int MaxPlanAttempts = 5;

    public async Task<ReplanResult> ApplyPlanAsync(string tableId, IReadOnlyList<PlannedReminder> desired, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = desired.Select(d => d.Key).ToList();
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await TakeTurnPlanningAsync(tableId, cancellationToken);
            var existing = await db.Reminders
                .Where(r => r.TableId == tableId && (r.State == ReminderState.Planned || keys.Contains(r.PlanKey)))
                .ToListAsync(cancellationToken);
            var (toAdd, result) = ReminderReconciliation.Reconcile(existing, desired, now);
            db.Reminders.AddRange(toAdd);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return result;
            }
            // A worker claimed a row this plan changed (its state is the concurrency token): read again and decide again.
            catch (DbUpdateException conflict) when (attempt < MaxPlanAttempts)
            {
                db.ChangeTracker.Clear();
                logger?.LogInformation("Reminders of table {TableId} changed while they were being planned ({Conflict}); planning again",
                    tableId, conflict.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Waits for any other planner of this table to commit. PostgreSQL: a transaction-scoped advisory lock on the
    /// table id's hash. SQLite: the transaction is already <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default),
    /// which holds the database's write lock from the first read.
    /// </summary>
    private async Task TakeTurnPlanningAsync(string tableId, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql()) return;
        var lockName = $"reminders:{tableId}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({lockName}))", cancellationToken);
    }

    public async Task<IReadOnlyList<Reminder>> ClaimDueAsync(string workerId, DateTimeOffset now, int batchSize, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        var token = Guid.CreateVersion7(now);
        var utcNow = now.ToUniversalTime();
        var expires = utcNow + claimFor;
        if (db.Database.IsNpgsql())
        {
            // Row locks: each worker takes the due rows no other worker holds, without waiting for them.
            await db.Database.ExecuteSqlAsync($"""
                WITH due AS (
                    SELECT "Id" FROM reminders
                    WHERE ("State" = 'Planned' AND "DueAt" <= {utcNow} AND ("RetryAt" IS NULL OR "RetryAt" <= {utcNow})) OR ("State" = 'Claimed' AND "ClaimExpiresAt" <= {utcNow})
                    ORDER BY "DueAt"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                UPDATE reminders AS r
                SET "State" = 'Claimed', "ClaimToken" = {token}, "ClaimedBy" = {workerId}, "ClaimExpiresAt" = {expires},
                    "Attempts" = r."Attempts" + 1, "UpdatedAt" = {utcNow}
                FROM due
                WHERE r."Id" = due."Id"
                """, cancellationToken);
        }
        else
        {
            // SQLite has no row locks; one UPDATE takes the database's write lock before it reads, so the select
            // and the claim happen as one step and two workers never take the same row.
            await db.Reminders
                .Where(r => (r.State == ReminderState.Planned && r.DueAt <= utcNow && (r.RetryAt == null || r.RetryAt <= utcNow))
                    || (r.State == ReminderState.Claimed && r.ClaimExpiresAt <= utcNow))
                .OrderBy(r => r.DueAt)
                .Take(batchSize)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.State, ReminderState.Claimed)
                    .SetProperty(r => r.ClaimToken, token)
                    .SetProperty(r => r.ClaimedBy, workerId)
                    .SetProperty(r => r.ClaimExpiresAt, expires)
                    .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                    .SetProperty(r => r.UpdatedAt, utcNow), cancellationToken);
        }

        return await db.Reminders.AsNoTracking()
            .Where(r => r.ClaimToken == token && r.State == ReminderState.Claimed)
            .OrderBy(r => r.DueAt)
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> FinishAsync(Guid id, Guid claimToken, ReminderState state, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var utcNow = now.ToUniversalTime();
        DateTimeOffset? sentAt = state == ReminderState.Sent ? utcNow : null;
        return await Claimed(id, claimToken).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.State, state)
            .SetProperty(r => r.LastError, error)
            .SetProperty(r => r.SentAt, sentAt)
            .SetProperty(r => r.ClaimExpiresAt, (DateTimeOffset?)null)
            .SetProperty(r => r.UpdatedAt, utcNow), cancellationToken) == 1;
    }

    public async Task<bool> ReleaseAsync(Guid id, Guid claimToken, string error, DateTimeOffset retryAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await Claimed(id, claimToken).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.State, ReminderState.Planned)
            .SetProperty(r => r.RetryAt, retryAt.ToUniversalTime())
            .SetProperty(r => r.LastError, error)
            .SetProperty(r => r.ClaimToken, (Guid?)null)
            .SetProperty(r => r.ClaimedBy, (string?)null)
            .SetProperty(r => r.ClaimExpiresAt, (DateTimeOffset?)null)
            .SetProperty(r => r.UpdatedAt, now.ToUniversalTime()), cancellationToken) == 1;

    public async Task<IReadOnlyList<Reminder>> ScheduledAsync(IReadOnlyCollection<string>? tableIds, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        var utcBefore = before.ToUniversalTime();
        var reminders = db.Reminders.AsNoTracking()
            .Where(r => (r.State == ReminderState.Planned || r.State == ReminderState.Claimed) && r.DueAt < utcBefore);
        if (tableIds is not null) reminders = reminders.Where(r => tableIds.Contains(r.TableId));
        return await reminders.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Take(limit).ToListAsync(cancellationToken);
    }

    private IQueryable<Reminder> Claimed(Guid id, Guid claimToken) =>
        db.Reminders.Where(r => r.Id == id && r.ClaimToken == claimToken && r.State == ReminderState.Claimed);
}

using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Data.Situations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace FocusBot.Data.Deliveries;

public sealed class EfDeliveryStore(FocusBotDbContext db) : IDeliveryStore
{
    public async Task AddAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0) return;
        db.Deliveries.AddRange(deliveries);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            foreach (var delivery in deliveries) db.Entry(delivery).State = EntityState.Detached;
        }
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken) =>
        await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Pending)
            .OrderBy(d => d.DueAt)
            .Select(d => (DateTimeOffset?)d.DueAt)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Delivery>> ClaimDueAsync(string workerId, DateTimeOffset now, int batchSize, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        var token = Guid.CreateVersion7(now);
        var utcNow = now.ToUniversalTime();
        var expires = utcNow + claimFor;
        if (db.Database.IsNpgsql())
        {
            // Row locks: each dispatcher takes the due rows no other holds, without waiting for them.
            await db.Database.ExecuteSqlAsync($"""
                WITH due AS (
                    SELECT "Id" FROM deliveries
                    WHERE ("State" = 'Pending' AND "DueAt" <= {utcNow}) OR ("State" = 'Claimed' AND "ClaimExpiresAt" <= {utcNow})
                    ORDER BY "DueAt", "Id"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                UPDATE deliveries AS d
                SET "State" = 'Claimed', "ClaimToken" = {token}, "ClaimedBy" = {workerId}, "ClaimExpiresAt" = {expires},
                    "Attempts" = d."Attempts" + 1, "UpdatedAt" = {utcNow}
                FROM due
                WHERE d."Id" = due."Id"
                """, cancellationToken);
        }
        else
        {
            // SQLite has no row locks; one UPDATE takes the database's write lock before it reads, so the select
            // and the claim happen as one step and two dispatchers never take the same row.
            await db.Deliveries
                .Where(d => (d.State == DeliveryState.Pending && d.DueAt <= utcNow)
                    || (d.State == DeliveryState.Claimed && d.ClaimExpiresAt <= utcNow))
                .OrderBy(d => d.DueAt).ThenBy(d => d.Id)
                .Take(batchSize)
                .ExecuteUpdateAsync(Claim(token, workerId, expires, utcNow), cancellationToken);
        }

        await ClaimNoticesGatheredWithAsync(token, workerId, utcNow, expires, cancellationToken);

        return await db.Deliveries.AsNoTracking()
            .Where(d => d.ClaimToken == token && d.State == DeliveryState.Claimed)
            .OrderBy(d => d.DueAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The other notices to the recipients of the notices just claimed with <paramref name="token"/>: due (or a lapsed
    /// claim), or new and waiting only for <see cref="SituationDeliveries.NoticeGathering"/>. Its own statement after the
    /// claim (a crash between the two leaves them pending, for a message of their own); SKIP LOCKED on PostgreSQL, so two
    /// dispatchers gathering for one co-chair at once neither wait for nor deadlock on each other's rows.
    /// </summary>
    private async Task ClaimNoticesGatheredWithAsync(Guid token, string workerId, DateTimeOffset utcNow, DateTimeOffset expires,
        CancellationToken cancellationToken)
    {
        var gatherUntil = utcNow + SituationDeliveries.NoticeGathering;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""
                WITH gathered AS (
                    SELECT s."Id" FROM deliveries s
                    WHERE s."Kind" = 'Notice'
                      AND s."Recipient" IN (SELECT c."Recipient" FROM deliveries c WHERE c."ClaimToken" = {token} AND c."Kind" = 'Notice')
                      AND ((s."State" = 'Pending' AND (s."DueAt" <= {utcNow} OR (s."Attempts" = 0 AND s."DueAt" <= {gatherUntil})))
                           OR (s."State" = 'Claimed' AND s."ClaimExpiresAt" <= {utcNow}))
                    FOR UPDATE OF s SKIP LOCKED)
                UPDATE deliveries AS d
                SET "State" = 'Claimed', "ClaimToken" = {token}, "ClaimedBy" = {workerId}, "ClaimExpiresAt" = {expires},
                    "Attempts" = d."Attempts" + 1, "UpdatedAt" = {utcNow}
                FROM gathered
                WHERE d."Id" = gathered."Id"
                """, cancellationToken);
            return;
        }

        var recipients = db.Deliveries.Where(c => c.ClaimToken == token && c.Kind == DeliveryKind.Notice).Select(c => c.Recipient);
        await db.Deliveries
            .Where(s => s.Kind == DeliveryKind.Notice && recipients.Contains(s.Recipient)
                && ((s.State == DeliveryState.Pending && (s.DueAt <= utcNow || (s.Attempts == 0 && s.DueAt <= gatherUntil)))
                    || (s.State == DeliveryState.Claimed && s.ClaimExpiresAt <= utcNow)))
            .ExecuteUpdateAsync(Claim(token, workerId, expires, utcNow), cancellationToken);
    }

    /// <summary>What claiming a row sets (SQLite's statements; PostgreSQL's SQL sets the same): claimed by <paramref name="workerId"/> under <paramref name="token"/> until <paramref name="expires"/> (UTC), one more attempt.</summary>
    private static Action<UpdateSettersBuilder<Delivery>> Claim(Guid token, string workerId, DateTimeOffset expires, DateTimeOffset utcNow) =>
        set => set
            .SetProperty(d => d.State, DeliveryState.Claimed)
            .SetProperty(d => d.ClaimToken, token)
            .SetProperty(d => d.ClaimedBy, workerId)
            .SetProperty(d => d.ClaimExpiresAt, expires)
            .SetProperty(d => d.Attempts, d => d.Attempts + 1)
            .SetProperty(d => d.UpdatedAt, utcNow);

    public Task<int> RenewClaimsAsync(string workerId, DateTimeOffset now, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        DateTimeOffset? expires = now.ToUniversalTime() + claimFor;
        return db.Deliveries
            .Where(d => d.State == DeliveryState.Claimed && d.ClaimedBy == workerId)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.ClaimExpiresAt, expires), cancellationToken);
    }

    public async Task<bool> MarkSentAsync(Delivery delivery, ConversationAddress sentTo, string? activityId, DateTimeOffset now, CancellationToken cancellationToken,
        int? drawnFromVersion = null)
    {
        var utcNow = now.ToUniversalTime();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = await Claimed(delivery.Id, delivery.ClaimToken!.Value).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.State, DeliveryState.Sent)
            .SetProperty(d => d.SentAt, utcNow)
            .SetProperty(d => d.SentActivityId, activityId)
            .SetProperty(d => d.LastError, (string?)null)
            .SetProperty(d => d.ClaimExpiresAt, (DateTimeOffset?)null)
            .SetProperty(d => d.UpdatedAt, utcNow), cancellationToken) == 1;
        if (!marked) return false;

        if (delivery is { Kind: DeliveryKind.SituationCard, SituationId: { } situationId } && activityId is not null)
        {
            var post = new SituationCardPost { SituationId = situationId, Kind = sentTo.Kind, ConversationKey = sentTo.Key, ActivityId = activityId };
            db.SituationCards.Add(post);
            // A change decided while this card was on its way found no copy here to redraw: redraw it now. On PostgreSQL
            // the row is locked for the read, so a change being saved is either seen here or sees this copy
            // (EfSituationStore reads the copies again after its commit).
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM situations WHERE \"Id\" = {0} FOR SHARE", [situationId], cancellationToken);
            var redraw = drawnFromVersion is { } drawn && await db.Situations.AnyAsync(s => s.Id == situationId && s.Version > drawn, cancellationToken)
                ? Delivery.Due(DeliveryKind.CardRefresh, delivery.TableId, situationId, sentTo.ToString(), now, activityId: activityId)
                : null;
            if (redraw is not null) db.Deliveries.Add(redraw);
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(post).State = EntityState.Detached;
            if (redraw is not null) db.Entry(redraw).State = EntityState.Detached;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> MarkSentTogetherAsync(IReadOnlyCollection<Guid> ids, Guid claimToken, string? activityId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var utcNow = now.ToUniversalTime();
        return await Claimed(ids, claimToken).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.State, DeliveryState.Sent)
            .SetProperty(d => d.SentAt, utcNow)
            .SetProperty(d => d.SentActivityId, activityId)
            .SetProperty(d => d.LastError, (string?)null)
            .SetProperty(d => d.ClaimExpiresAt, (DateTimeOffset?)null)
            .SetProperty(d => d.UpdatedAt, utcNow), cancellationToken) == ids.Count;
    }

    public async Task<bool> FinishAsync(IReadOnlyCollection<Guid> ids, Guid claimToken, DeliveryState state, string reason, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        await Claimed(ids, claimToken).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.State, state)
            .SetProperty(d => d.LastError, Shorten(reason))
            .SetProperty(d => d.ClaimExpiresAt, (DateTimeOffset?)null)
            .SetProperty(d => d.UpdatedAt, now.ToUniversalTime()), cancellationToken) == ids.Count;

    public async Task<bool> ReleaseAsync(IReadOnlyCollection<Guid> ids, Guid claimToken, string error, DateTimeOffset retryAt, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        await Claimed(ids, claimToken).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.State, DeliveryState.Pending)
            .SetProperty(d => d.DueAt, retryAt.ToUniversalTime())
            .SetProperty(d => d.LastError, Shorten(error))
            .SetProperty(d => d.ClaimToken, (Guid?)null)
            .SetProperty(d => d.ClaimedBy, (string?)null)
            .SetProperty(d => d.ClaimExpiresAt, (DateTimeOffset?)null)
            .SetProperty(d => d.UpdatedAt, now.ToUniversalTime()), cancellationToken) == ids.Count;

    public async Task<IReadOnlyList<Delivery>> OfSituationAsync(string situationId, CancellationToken cancellationToken) =>
        await db.Deliveries.AsNoTracking().Where(d => d.SituationId == situationId).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);

    public async Task<int> ForgetSubmissionsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var utc = before.ToUniversalTime();
        return await db.ProcessedSubmissions.Where(s => s.At < utc).ExecuteDeleteAsync(cancellationToken);
    }

    private IQueryable<Delivery> Claimed(Guid id, Guid claimToken) =>
        db.Deliveries.Where(d => d.Id == id && d.ClaimToken == claimToken && d.State == DeliveryState.Claimed);

    private IQueryable<Delivery> Claimed(IReadOnlyCollection<Guid> ids, Guid claimToken) =>
        db.Deliveries.Where(d => ids.Contains(d.Id) && d.ClaimToken == claimToken && d.State == DeliveryState.Claimed);

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500];
}

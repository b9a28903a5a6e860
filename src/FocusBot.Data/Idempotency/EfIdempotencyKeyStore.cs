using FocusBot.Core.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Data.Idempotency;

public sealed class EfIdempotencyKeyStore(FocusBotDbContext db) : IIdempotencyKeyStore
{
    public async Task<string?> TryClaimAsync(string id, string requestHash, DateTimeOffset now, DateTimeOffset abandonedBefore,
        DateTimeOffset forgottenBefore, CancellationToken cancellationToken)
    {
        var (abandoned, forgotten) = (abandonedBefore.ToUniversalTime(), forgottenBefore.ToUniversalTime());
        await db.IdempotencyKeys
            .Where(k => k.Id == id && (k.StartedAt < forgotten || (k.AnsweredAt == null && k.StartedAt < abandoned)))
            .ExecuteDeleteAsync(cancellationToken);

        // One statement that ignores the conflict on both databases: two requests with one key is an expected race,
        // which must neither throw nor log an error.
        var token = Guid.NewGuid().ToString("N");
        var utcNow = now.ToUniversalTime();
        object startedAt = db.Database.IsNpgsql() ? utcNow : utcNow.ToUnixTimeMilliseconds();
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_keys ("Id", "RequestHash", "ClaimToken", "StartedAt")
            VALUES ({id}, {requestHash}, {token}, {startedAt})
            ON CONFLICT ("Id") DO NOTHING
            """, cancellationToken);
        return claimed == 1 ? token : null;
    }

    public async Task<RememberedRequest?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (stored is null) return null;
        var answer = stored.Status is { } status ? new RememberedAnswer(status, stored.ContentType, stored.Location, stored.Body ?? []) : null;
        return new(stored.RequestHash, stored.StartedAt, answer);
    }

    public async Task<bool> AnswerAsync(string id, string claimToken, RememberedAnswer answer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? answeredAt = now.ToUniversalTime();
        return await Claim(id, claimToken).ExecuteUpdateAsync(set => set
            .SetProperty(k => k.Status, answer.Status)
            .SetProperty(k => k.ContentType, answer.ContentType)
            .SetProperty(k => k.Location, answer.Location)
            .SetProperty(k => k.Body, answer.Body)
            .SetProperty(k => k.AnsweredAt, answeredAt), cancellationToken) == 1;
    }

    public Task ReleaseAsync(string id, string claimToken, CancellationToken cancellationToken) =>
        Claim(id, claimToken).ExecuteDeleteAsync(cancellationToken);

    public async Task<int> ForgetBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var utc = before.ToUniversalTime();
        return await db.IdempotencyKeys.Where(k => k.StartedAt < utc).ExecuteDeleteAsync(cancellationToken);
    }

    private IQueryable<StoredIdempotencyKey> Claim(string id, string claimToken) =>
        db.IdempotencyKeys.Where(k => k.Id == id && k.ClaimToken == claimToken && k.AnsweredAt == null);
}

using FocusBot.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Data.Privacy;

/// <summary>Audit rows in <c>audit_entries</c>: inserted, listed, never updated or deleted.</summary>
public sealed class EfAuditLog(FocusBotDbContext db) : IAuditLog
{
    /// <inheritdoc/>
    public async Task RecordAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return;
        // A read changes nothing else in the scope's context, so this saves the audit rows alone; they are detached
        // afterwards so that a long scope does not keep them.
        var rows = entries.Select(Normalised).ToList();
        db.AuditEntries.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.SituationId)) rows = rows.Where(r => r.SituationId == query.SituationId.Trim().ToUpperInvariant());
        if (!string.IsNullOrWhiteSpace(query.MemberEmail)) rows = rows.Where(r => r.MemberEmail == query.MemberEmail.Trim().ToLowerInvariant());
        if (query.From is { } from) rows = rows.Where(r => r.At >= from.ToUniversalTime());
        if (query.To is { } to) rows = rows.Where(r => r.At < to.ToUniversalTime());
        var limit = Math.Clamp(query.Limit, 1, AuditQuery.MaxRows);
        return await rows.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
    }

    private static AuditEntry Normalised(AuditEntry entry) => new()
    {
        At = entry.At.ToUniversalTime(),
        Action = entry.Action,
        Through = entry.Through,
        SituationId = entry.SituationId,
        MemberEmail = entry.MemberEmail.ToLowerInvariant(),
        Role = entry.Role,
        Detail = entry.Detail,
    };
}

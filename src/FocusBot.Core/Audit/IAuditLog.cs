namespace FocusBot.Core.Audit;

/// <summary>The audit rows' storage: written once, never changed, kept past retention.</summary>
public interface IAuditLog
{
    /// <summary>Stores the rows in one write (one insert statement per row, one round trip).</summary>
    Task RecordAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken);

    /// <summary>The rows matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken);
}

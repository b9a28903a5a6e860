namespace FocusBot.Core.Audit;

/// <summary>What an audit row records.</summary>
public enum AuditAction
{
    /// <summary>Someone was shown a situation's summary or notes.</summary>
    Read,
    /// <summary>The retention job erased the text of concluded situations.</summary>
    Purge,
}

/// <summary>Through what a situation was read, or how a purge was started.</summary>
public enum AuditChannel
{
    /// <summary>The situation's card with its history, in a personal chat in Teams.</summary>
    TeamsCard,
    /// <summary>A personal copy of the card refreshed in Teams, showing the summary and the latest note.</summary>
    TeamsCardRefresh,
    /// <summary><c>GET /api/v1/situations/{id}</c>.</summary>
    Api,
    /// <summary><c>GET /api/v1/situations</c> (each situation listed is a row).</summary>
    ApiList,
    /// <summary>A Teams tab (<c>/tabs/api/my-situations</c>: each row that shows a summary is a row here).</summary>
    Tab,
    /// <summary>The daily retention job in the host's worker.</summary>
    RetentionJob,
    /// <summary>The <c>purge</c> command.</summary>
    PurgeCommand,
}

/// <summary>
/// One audit row: who (work e-mail and role), when (UTC), which situation, what and through what. Audit rows are kept
/// longer than situations: the retention job never erases them.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The database's own sequence number.</summary>
    public long Id { get; init; }
    public required DateTimeOffset At { get; init; }
    public required AuditAction Action { get; init; }
    public required AuditChannel Through { get; init; }
    /// <summary>The situation read or erased.</summary>
    public string? SituationId { get; init; }
    /// <summary>The reader's work e-mail, or "focusbot" for the retention job.</summary>
    public required string MemberEmail { get; init; }
    /// <summary>The reader's role for the situation's table at the time: rep, cochair or admin.</summary>
    public string? Role { get; init; }
    /// <summary>For a purge: what was erased and why, never any erased text.</summary>
    public string? Detail { get; init; }

    /// <summary>The largest <see cref="Detail"/> stored.</summary>
    public const int MaxDetailLength = 4000;
}

/// <summary>Which audit rows to list: every filter optional; <see cref="To"/> not included; newest first, at most <see cref="Limit"/>.</summary>
public sealed record AuditQuery(string? SituationId = null, string? MemberEmail = null, DateTimeOffset? From = null,
    DateTimeOffset? To = null, int Limit = AuditQuery.MaxRows)
{
    /// <summary>The most rows one listing returns.</summary>
    public const int MaxRows = 5000;
}

using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Core.Audit;

/// <summary>
/// A co-chair's (or an administrator's) latest read of a situation, for its history: <paramref name="Role"/> is the
/// audit's (<c>cochair</c> or <c>admin</c>) and <paramref name="Through"/> what showed it the last time (a Teams card, the
/// REST API…).
/// </summary>
public sealed record CoChairRead(string MemberEmail, DateTimeOffset LastReadAt, int Reads, string Role = SituationReads.CoChairRole,
    AuditChannel Through = AuditChannel.TeamsCard)
{
    /// <summary>Read through the REST API (<c>/api/v1</c>), by an administrator's script or the API's development caller.</summary>
    public bool ThroughApi => Through is AuditChannel.Api or AuditChannel.ApiList;
}

/// <summary>
/// Records that a member was shown a situation's summary or notes (DESIGN.md, "Reads are audited"): one row per read,
/// written before the text is shown, so that no read goes unrecorded. Filter-2 views are not reads of notes and are
/// not recorded.
/// </summary>
public sealed class SituationReads(IAuditLog log, TimeProvider time)
{
    /// <summary>The audit's role of a co-chair of the situation's table.</summary>
    public const string CoChairRole = "cochair";

    /// <summary>The audit's role of an administrator.</summary>
    public const string AdminRole = "admin";

    /// <summary>Records one read of <paramref name="situation"/> in full by <paramref name="reader"/>.</summary>
    public Task RecordAsync(Situation situation, Member reader, AuditChannel through, CancellationToken cancellationToken) =>
        RecordAsync([situation], reader, through, cancellationToken);

    /// <summary>Records a read of each situation (a listing that shows them in full), in one write.</summary>
    public Task RecordAsync(IReadOnlyCollection<Situation> situations, Member reader, AuditChannel through, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(situations);
        ArgumentNullException.ThrowIfNull(reader);
        if (situations.Count == 0) return Task.CompletedTask;
        var now = time.GetUtcNow();
        return log.RecordAsync(situations.Select(s => new AuditEntry
        {
            At = now,
            Action = AuditAction.Read,
            Through = through,
            SituationId = s.Id,
            MemberEmail = reader.Email,
            Role = RoleAt(reader, s.TableId),
        }).ToList(), cancellationToken);
    }

    /// <summary>The co-chairs (and administrators) who read the situation, the latest reader first.</summary>
    public async Task<IReadOnlyList<CoChairRead>> CoChairsWhoReadAsync(string situationId, CancellationToken cancellationToken)
    {
        var rows = await log.ListAsync(new AuditQuery(SituationId: situationId), cancellationToken);
        return rows
            .Where(r => r.Action == AuditAction.Read && r.Role is CoChairRole or AdminRole)
            .GroupBy(r => r.MemberEmail, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var last = g.MaxBy(r => r.At)!;
                return new CoChairRead(g.Key, last.At, g.Count(), last.Role!, last.Through);
            })
            .OrderByDescending(r => r.LastReadAt)
            .ToList();
    }

    private static string RoleAt(Member reader, string tableId) =>
        reader.Role == MemberRole.Admin ? AdminRole : reader.IsCoChairOf(tableId) ? CoChairRole : "rep";
}

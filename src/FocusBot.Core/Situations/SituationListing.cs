using FocusBot.Core.Roster;

namespace FocusBot.Core.Situations;

/// <summary>One page of a list of situations: its rows, its number (from 1) and how many situations the whole list holds.</summary>
public sealed record SituationPage(IReadOnlyList<Situation> Situations, int Page, int Total);

/// <summary>
/// Which situations a member is shown, for every edge (the bot's cards, the REST API, the Teams tabs): one place for
/// the tables they may list, what a list contains and its order. Visibility per situation is
/// <see cref="SituationVisibility"/>; the order is <see cref="SituationUrgency.MostUrgentFirst"/>.
/// </summary>
public sealed class SituationListing(ISituationStore situations, TimeProvider time)
{
    /// <summary>The statuses of "open situations": waiting for a lead (open) or being worked on (active).</summary>
    public static readonly IReadOnlyList<SituationStatus> OpenStatuses = [SituationStatus.Open, SituationStatus.Active];

    /// <summary>
    /// The open and active situations of <paramref name="tableIds"/> that <paramref name="member"/> may see (filter-2 view
    /// or more), most urgent first. With <paramref name="agencyOnly"/>, only those on which the member's agency is lead,
    /// assisting (not declined) or originating ("my situations").
    /// </summary>
    /// <param name="tableIds">The tables to list; tables the member does not sit at list nothing.</param>
    public async Task<IReadOnlyList<Situation>> OpenAsync(Member member, IReadOnlyCollection<string> tableIds, bool agencyOnly,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(tableIds);
        var tables = tableIds.Where(member.SitsAt).ToList();
        if (tables.Count == 0) return [];
        var found = await situations.ListAsync(new SituationQuery(tables, [.. OpenStatuses], agencyOnly ? member.AgencyId : null), cancellationToken);
        var listed = found
            .Where(s => SituationVisibility.For(member, s) != SituationAccess.None)
            .Where(s => !agencyOnly || ConcernsAgency(s, member.AgencyId));
        return SituationUrgency.MostUrgentFirst(listed, time.GetUtcNow());
    }

    /// <summary>
    /// One page of <see cref="OpenAsync"/>'s list, ordered and cut in the database, so that only the page's
    /// situations are read with their rows (<see cref="ISituationStore.OpenPageMostUrgentFirstAsync"/>).
    /// <paramref name="page"/> counts from 1; one out of range gives the first page, or the empty page after the last.
    /// </summary>
    /// <param name="pageSize">Situations per page, at least 1.</param>
    /// <returns>The page's situations, the page shown, and how many situations the whole list holds.</returns>
    public async Task<SituationPage> OpenPageAsync(Member member, IReadOnlyCollection<string> tableIds, bool agencyOnly, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(tableIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        // A member sees (at least the filter-2 view of) every situation of a table they sit at: no per-row visibility check.
        var tables = tableIds.Where(member.SitsAt).ToList();
        if (tables.Count == 0) return new([], 1, 0);
        page = Math.Max(1, page);
        var skip = (int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize);
        var read = await situations.OpenPageMostUrgentFirstAsync(tables, agencyOnly ? member.AgencyId : null, time.GetUtcNow(), skip, pageSize,
            cancellationToken);
        // Past the last page: the empty page after it.
        var pages = Math.Max(1, (read.Total + pageSize - 1) / pageSize);
        return new(read.Situations, Math.Min(page, pages + 1), read.Total);
    }

    /// <summary>
    /// The open and active situations of the member's tables on which the member may post an update now
    /// (<see cref="Situation.RefusePostingBy"/> says nothing against it), most urgent first. Open ones count: an
    /// assisting agency that accepted reports back while the lead has not accepted yet (the situation is still open).
    /// </summary>
    public async Task<IReadOnlyList<Situation>> AwaitingUpdateFromAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.TableIds.Count == 0) return [];
        var candidates = await situations.ListAsync(new SituationQuery([.. member.TableIds], [.. OpenStatuses]), cancellationToken);
        return SituationUrgency.MostUrgentFirst(candidates.Where(s => s.RefusePostingBy(member) is null), time.GetUtcNow());
    }

    /// <summary>
    /// The situations the REST API lists: those of the tables the caller co-chairs (<see cref="CoChairedTables"/>), any
    /// status unless <paramref name="status"/> is given, optionally one table and one agency, oldest first. An unknown table, or one the caller does not co-chair, lists nothing; so does a null caller.
    /// </summary>
    public async Task<IReadOnlyList<Situation>> OfCoChairedTablesAsync(Member? member, string? tableId, SituationStatus? status, string? agencyId,
        CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> tables = CoChairedTables(member);
        if (tableId is not null) tables = tables.Where(t => string.Equals(t, tableId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (tables.Count == 0) return [];
        return await situations.ListAsync(new SituationQuery(tables, status is null ? null : [status.Value], agencyId?.ToLowerInvariant()),
            cancellationToken);
    }

    /// <summary>The tables whose situations and figures the member may read in full: those they co-chair (an administrator: all of theirs); none for null.</summary>
    public static IReadOnlyList<string> CoChairedTables(Member? member) =>
        member is null ? [] : member.TableIds.Where(member.IsCoChairOf).ToList();

    /// <summary>Whether the agency is lead, assisting (not declined) or originating on the situation.</summary>
    public static bool ConcernsAgency(Situation situation, string agencyId)
    {
        ArgumentNullException.ThrowIfNull(situation);
        return situation.Involves(agencyId) || string.Equals(situation.OriginatingAgencyId, agencyId, StringComparison.OrdinalIgnoreCase);
    }
}

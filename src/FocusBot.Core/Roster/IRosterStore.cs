namespace FocusBot.Core.Roster;

/// <summary>The roster as stored: replaced as a whole, read in parts.</summary>
public interface IRosterStore
{
    /// <summary>Replaces the whole roster in one transaction; returns whether anything changed.</summary>
    Task<bool> ReplaceAsync(Roster roster, CancellationToken cancellationToken);
    Task<Roster> GetAsync(CancellationToken cancellationToken);
    Task<Member?> FindMemberByAadObjectIdAsync(string aadObjectId, CancellationToken cancellationToken);
    Task<Member?> FindMemberByEmailAsync(string email, CancellationToken cancellationToken);
    /// <summary>Remembers the Entra object id Teams reported for a member found by e-mail.</summary>
    Task RecordAadObjectIdAsync(string email, string aadObjectId, CancellationToken cancellationToken);
    /// <summary>Stores a member's own choice of language (<c>en-CA</c>, <c>fr-CA</c>; null follows Teams again).</summary>
    Task RecordLanguageAsync(string email, string? language, CancellationToken cancellationToken);
    /// <summary>Remembers the locale Teams reported for a member (at most 20 characters), for proactive messages.</summary>
    Task RecordTeamsLocaleAsync(string email, string locale, CancellationToken cancellationToken);
    /// <summary>Remembers the calendar series (Microsoft Graph event id) of a table's weekly meeting.</summary>
    Task RecordCalendarEventIdAsync(string tableId, string eventId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Table>> TablesAsync(CancellationToken cancellationToken);
    Task<IReadOnlyList<Agency>> AgenciesAsync(CancellationToken cancellationToken);
    Task<Table?> FindTableAsync(string tableId, CancellationToken cancellationToken);
    Task<Agency?> FindAgencyAsync(string agencyId, CancellationToken cancellationToken);

    /// <summary>
    /// The member's agency (null when the roster no longer has it) and the tables of <see cref="Member.TableIds"/> that
    /// the roster has, in the member's order: what every turn needs about its member. A database store reads them in
    /// one round trip; this default asks <see cref="FindAgencyAsync"/> and <see cref="FindTableAsync"/> one by one.
    /// </summary>
    async Task<(Agency? Agency, IReadOnlyList<Table> Tables)> AgencyAndTablesOfAsync(Member member, CancellationToken cancellationToken)
    {
        var agency = await FindAgencyAsync(member.AgencyId, cancellationToken);
        var tables = new List<Table>();
        foreach (var tableId in member.TableIds)
            if (await FindTableAsync(tableId, cancellationToken) is { } table) tables.Add(table);
        return (agency, tables);
    }
    Task<IReadOnlyList<Member>> MembersOfTableAsync(string tableId, CancellationToken cancellationToken);
}

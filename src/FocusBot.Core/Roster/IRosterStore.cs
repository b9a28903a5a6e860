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
    Task<IReadOnlyList<Member>> MembersOfTableAsync(string tableId, CancellationToken cancellationToken);
}

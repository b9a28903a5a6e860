using FocusBot.Core.Roster;

namespace FocusBot.Teams.Tests.Support;

public sealed class InMemoryRosterStore : IRosterStore
{
    private Roster _roster;

    public InMemoryRosterStore(params Member[] members) => _roster = new Roster([], [], members);

    public Task<bool> ReplaceAsync(Roster roster, CancellationToken cancellationToken)
    {
        var changed = !ReferenceEquals(_roster, roster);
        _roster = roster;
        return Task.FromResult(changed);
    }

    public Task<Roster> GetAsync(CancellationToken cancellationToken) => Task.FromResult(_roster);

    public Task<Member?> FindMemberByAadObjectIdAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(_roster.Members.FirstOrDefault(m => m.AadObjectId == aadObjectId));

    public Task<Member?> FindMemberByEmailAsync(string email, CancellationToken cancellationToken) =>
        Task.FromResult(_roster.Members.FirstOrDefault(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase)));

    public async Task RecordAadObjectIdAsync(string email, string aadObjectId, CancellationToken cancellationToken)
    {
        if (await FindMemberByEmailAsync(email, cancellationToken) is { } member)
        {
            member.AadObjectId = aadObjectId;
        }
    }

    public async Task RecordLanguageAsync(string email, string? language, CancellationToken cancellationToken)
    {
        if (await FindMemberByEmailAsync(email, cancellationToken) is { } member) member.Language = language;
    }

    public async Task RecordTeamsLocaleAsync(string email, string locale, CancellationToken cancellationToken)
    {
        if (await FindMemberByEmailAsync(email, cancellationToken) is { } member) member.TeamsLocale = locale;
    }

    public Task RecordCalendarEventIdAsync(string tableId, string eventId, CancellationToken cancellationToken)
    {
        if (_roster.Tables.FirstOrDefault(t => t.Id == tableId) is { } table) table.Meeting.CalendarEventId = eventId;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Table>> TablesAsync(CancellationToken cancellationToken) => Task.FromResult(_roster.Tables);

    public Task<IReadOnlyList<Agency>> AgenciesAsync(CancellationToken cancellationToken) => Task.FromResult(_roster.Agencies);

    public Task<Table?> FindTableAsync(string tableId, CancellationToken cancellationToken) =>
        Task.FromResult(_roster.Tables.FirstOrDefault(t => string.Equals(t.Id, tableId, StringComparison.OrdinalIgnoreCase)));

    public Task<Agency?> FindAgencyAsync(string agencyId, CancellationToken cancellationToken) =>
        Task.FromResult(_roster.Agencies.FirstOrDefault(a => string.Equals(a.Id, agencyId, StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<Member>> MembersOfTableAsync(string tableId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Member>>(_roster.Members.Where(m => m.SitsAt(tableId)).ToList());
}

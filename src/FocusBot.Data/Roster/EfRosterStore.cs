using FocusBot.Core.Roster;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Data.Roster;

public sealed class EfRosterStore(FocusBotDbContext db) : IRosterStore
{
    public async Task<bool> ReplaceAsync(Core.Roster.Roster roster, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var tables = await db.Tables.ToDictionaryAsync(t => t.Id, cancellationToken);
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Id, cancellationToken);
        var members = await db.Members.ToDictionaryAsync(m => m.Email, cancellationToken);

        Apply(db.Tables, tables, roster.Tables, t => t.Id, CopyTable);
        Apply(db.Agencies, agencies, roster.Agencies, a => a.Id, (to, from) =>
        {
            to.Name = from.Name;
            to.Sector = from.Sector;
            if (!to.EmailDomains.SequenceEqual(from.EmailDomains)) to.EmailDomains = [.. from.EmailDomains];
        });
        Apply(db.Members, members, roster.Members, m => m.Email, (to, from) =>
        {
            // An object id that Teams told us is kept unless the roster names one of its own.
            if (from.AadObjectId is not null) to.AadObjectId = from.AadObjectId;
            to.AgencyId = from.AgencyId;
            to.Role = from.Role;
            if (!to.TableIds.SequenceEqual(from.TableIds)) to.TableIds = [.. from.TableIds];
        });

        var changed = db.ChangeTracker.HasChanges();
        if (changed) await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return changed;
    }

    private static void CopyTable(Table to, Table from)
    {
        to.Name = from.Name;
        to.Code = from.Code;
        if (!to.Divisions.SequenceEqual(from.Divisions)) to.Divisions = [.. from.Divisions];
        to.TimeZoneId = from.TimeZoneId;
        to.Language = from.Language;
        var (meeting, next) = (to.Meeting, from.Meeting);
        meeting.Day = next.Day;
        meeting.Start = next.Start;
        meeting.Minutes = next.Minutes;
        meeting.Organizer = next.Organizer;
        if (!meeting.RemindBefore.SequenceEqual(next.RemindBefore)) meeting.RemindBefore = [.. next.RemindBefore];
        // The series id is learned from Graph; a roster without one does not forget it.
        if (next.CalendarEventId is not null) meeting.CalendarEventId = next.CalendarEventId;
    }

    private static void Apply<T>(DbSet<T> set, Dictionary<string, T> existing, IEnumerable<T> wanted,
        Func<T, string> key, Action<T, T> copy) where T : class
    {
        var keep = new HashSet<string>();
        foreach (var item in wanted)
        {
            keep.Add(key(item));
            if (existing.TryGetValue(key(item), out var current)) copy(current, item);
            else set.Add(item);
        }
        foreach (var (id, item) in existing)
        {
            if (!keep.Contains(id)) set.Remove(item);
        }
    }

    public async Task<Core.Roster.Roster> GetAsync(CancellationToken cancellationToken) => new(
        await TablesAsync(cancellationToken),
        await AgenciesAsync(cancellationToken),
        await db.Members.AsNoTracking().OrderBy(m => m.Email).ToListAsync(cancellationToken));

    public Task<Member?> FindMemberByAadObjectIdAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Guid.TryParse(aadObjectId, out var id)
            ? db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.AadObjectId == id.ToString(), cancellationToken)
            : Task.FromResult<Member?>(null);

    public Task<Member?> FindMemberByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Email == normalized, cancellationToken);
    }

    public async Task RecordAadObjectIdAsync(string email, string aadObjectId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(aadObjectId, out var id)) return;
        var normalized = email.Trim().ToLowerInvariant();
        var objectId = id.ToString();
        // Set-based so two turns at once cannot clash; a member whose id is already known is left alone.
        await db.Members
            .Where(m => m.Email == normalized && m.AadObjectId == null)
            .Where(m => !db.Members.Any(other => other.AadObjectId == objectId))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.AadObjectId, objectId), cancellationToken);
    }

    public Task RecordLanguageAsync(string email, string? language, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return db.Members.Where(m => m.Email == normalized)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Language, language), cancellationToken);
    }

    public Task RecordTeamsLocaleAsync(string email, string locale, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var trimmed = locale.Length <= 20 ? locale : locale[..20];
        // Only when it changed: most turns write nothing.
        return db.Members.Where(m => m.Email == normalized && m.TeamsLocale != trimmed)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.TeamsLocale, trimmed), cancellationToken);
    }

    public async Task RecordCalendarEventIdAsync(string tableId, string eventId, CancellationToken cancellationToken)
    {
        var table = await db.Tables.FirstOrDefaultAsync(t => t.Id == tableId, cancellationToken);
        if (table is null || table.Meeting.CalendarEventId == eventId) return;
        table.Meeting.CalendarEventId = eventId;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<Table>> TablesAsync(CancellationToken cancellationToken) =>
        await db.Tables.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Agency>> AgenciesAsync(CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public Task<Table?> FindTableAsync(string tableId, CancellationToken cancellationToken) =>
        db.Tables.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tableId.ToLowerInvariant(), cancellationToken);

    public Task<Agency?> FindAgencyAsync(string agencyId, CancellationToken cancellationToken) =>
        db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId.ToLowerInvariant(), cancellationToken);

    /// <summary>The agency and the tables in one query: the agency row left-joined with the member's table rows.</summary>
    public async Task<(Agency? Agency, IReadOnlyList<Table> Tables)> AgencyAndTablesOfAsync(Member member, CancellationToken cancellationToken)
    {
        var agencyId = member.AgencyId.ToLowerInvariant();
        var tableIds = member.TableIds.Select(t => t.ToLowerInvariant()).ToList();
        var rows = await (
                from agency in db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
                from table in db.Tables.AsNoTracking().Where(t => tableIds.Contains(t.Id)).DefaultIfEmpty()
                select new { Agency = agency, Table = table })
            .ToListAsync(cancellationToken);
        // An agency gone from the roster leaves the tables to ask for alone (the member's row goes with the next import).
        var tables = rows.Count > 0
            ? rows.Select(r => r.Table).OfType<Table>().ToList()
            : await db.Tables.AsNoTracking().Where(t => tableIds.Contains(t.Id)).ToListAsync(cancellationToken);
        return (rows.FirstOrDefault()?.Agency, tables.OrderBy(t => tableIds.IndexOf(t.Id)).ToList());
    }

    public async Task<IReadOnlyList<Member>> MembersOfTableAsync(string tableId, CancellationToken cancellationToken)
    {
        var id = tableId.ToLowerInvariant();
        return await db.Members.AsNoTracking().Where(m => m.TableIds.Contains(id)).OrderBy(m => m.Email).ToListAsync(cancellationToken);
    }
}

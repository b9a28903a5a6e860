using FocusBot.Core.Conversations;
using FocusBot.Core.Situations;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Data.Situations;

public sealed class EfSituationStore(FocusBotDbContext db) : ISituationStore
{
    private const int MaxNumberingAttempts = 20;

    public async Task<Situation> RecordAsync(NewSituation newSituation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = TimeZoneInfo.ConvertTime(now, newSituation.Table.TimeZone).Year;
        var code = newSituation.Table.Code;
        for (var attempt = 1; ; attempt++)
        {
            // Numbering is optimistic: two co-chairs recording at once both read the counter, one save wins, the
            // other reads it again. The counter row is the concurrency token.
            var counter = await db.SituationCounters.FirstOrDefaultAsync(c => c.TableCode == code && c.Year == year, cancellationToken);
            if (counter is null)
            {
                counter = new SituationCounter { TableCode = code, Year = year };
                db.SituationCounters.Add(counter);
            }
            counter.LastNumber++;

            var situation = Situation.Record(SituationId.Create(code, year, counter.LastNumber), newSituation, now);
            db.Situations.Add(situation);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return situation;
            }
            catch (DbUpdateException) when (attempt < MaxNumberingAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task<Situation?> FindAsync(string situationId, CancellationToken cancellationToken) =>
        WithChildren(db.Situations).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == situationId, cancellationToken);

    public async Task<bool> TrySaveAsync(Situation situation, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task<IReadOnlyList<Situation>> ListAsync(SituationQuery query, CancellationToken cancellationToken)
    {
        var situations = WithChildren(db.Situations.AsNoTracking());
        if (query.TableIds is { } tables) situations = situations.Where(s => tables.Contains(s.TableId));
        if (query.Statuses is { } statuses) situations = situations.Where(s => statuses.Contains(s.Status));
        if (query.AgencyId is { } agency)
            situations = situations.Where(s => s.OriginatingAgencyId == agency || s.Assignments.Any(a => a.AgencyId == agency));
        return await situations.AsSplitQuery().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task RecordCardAsync(string situationId, PostedCard card, CancellationToken cancellationToken)
    {
        db.SituationCards.Add(new SituationCardPost
        {
            SituationId = situationId, Kind = card.Address.Kind, ConversationKey = card.Address.Key, ActivityId = card.ActivityId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PostedCard>> CardsOfAsync(string situationId, CancellationToken cancellationToken) =>
        (await db.SituationCards.AsNoTracking().Where(c => c.SituationId == situationId).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .Select(c => new PostedCard(new ConversationAddress(c.Kind, c.ConversationKey), c.ActivityId))
            .ToList();

    private static IQueryable<Situation> WithChildren(IQueryable<Situation> situations) =>
        situations.Include(s => s.Assignments).Include(s => s.Updates).Include(s => s.Events);
}

using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Situations;
using FocusBot.Data.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FocusBot.Data.Situations;

/// <param name="exportBatchSize">How many situations <see cref="ExportedAsync"/> reads at a time (with their rows).</param>
public sealed class EfSituationStore(FocusBotDbContext db, int exportBatchSize = 200) : ISituationStore
{
    private const int MaxNumberingAttempts = 20;

    public async Task<RecordedSituation> RecordAsync(NewSituation newSituation, string? submissionKey,
        Func<Situation, IReadOnlyList<Delivery>> deliveries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = TimeZoneInfo.ConvertTime(now, newSituation.Table.TimeZone).Year;
        var code = newSituation.Table.Code;
        for (var attempt = 1; ; attempt++)
        {
            if (submissionKey is not null && await RecordedBySubmissionAsync(submissionKey, cancellationToken) is { } earlier)
                return new(earlier, Repeated: true);

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
            var unit = new List<object> { counter, situation };
            db.Situations.Add(situation);
            unit.AddRange(Add(deliveries(situation)));
            if (submissionKey is not null) unit.Add(db.ProcessedSubmissions.Add(Submission(submissionKey, situation.Id, now)).Entity);
            try
            {
                await SaveOnlyAsync(unit, cancellationToken);
                return new(situation, Repeated: false);
            }
            // Another recording took the number, or this submission was recorded at the same moment: look again.
            catch (DbUpdateException) when (attempt < MaxNumberingAttempts)
            {
                Detach(unit);
            }
        }
    }

    public async Task<string?> OutcomeOfSubmissionAsync(string submissionKey, CancellationToken cancellationToken) =>
        await db.ProcessedSubmissions.AsNoTracking().Where(s => s.Key == submissionKey).Select(s => s.Outcome).FirstOrDefaultAsync(cancellationToken);

    public Task<Situation?> FindAsync(string situationId, CancellationToken cancellationToken) =>
        WithChildren(db.Situations).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == situationId, cancellationToken);

    public async Task<bool> TrySaveAsync(Situation situation, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken,
        (string Key, string Outcome)? submission = null)
    {
        var unit = new List<object> { situation };
        unit.AddRange(situation.Assignments);
        unit.AddRange(situation.Updates);
        unit.AddRange(situation.Events);
        unit.AddRange(Add(deliveries));
        if (submission is { } s) unit.Add(db.ProcessedSubmissions.Add(Submission(s.Key, s.Outcome, situation.Events.Max(e => e.At))).Entity);
        try
        {
            await SaveOnlyAsync(unit, cancellationToken);
        }
        // The situation changed since it was read, or the submission was answered meanwhile: nothing was written.
        catch (DbUpdateException)
        {
            Detach(unit);
            return false;
        }
        await RedrawCardsPostedMeanwhileAsync(situation, deliveries, cancellationToken);
        return true;
    }

    /// <summary>
    /// A change redraws every posted copy of the card (<see cref="SituationDeliveries.ForChange"/>), from the list it read
    /// before saving. A copy marked sent in between was not on that list, and its own check of the version
    /// (<see cref="EfDeliveryStore.MarkSentAsync"/>) may have run before this change was committed: read the copies again
    /// now that it is, and redraw the ones the change did not plan for. At worst a copy is redrawn twice, with the same card.
    /// </summary>
    private async Task RedrawCardsPostedMeanwhileAsync(Situation situation, IReadOnlyList<Delivery> planned, CancellationToken cancellationToken)
    {
        var redrawn = planned.Where(d => d.Kind == DeliveryKind.CardRefresh).Select(d => d.ActivityId).ToHashSet();
        var now = situation.Events.Max(e => e.At);
        var missed = (await CardsOfAsync(situation.Id, cancellationToken))
            .Where(card => !redrawn.Contains(card.ActivityId))
            .Select(card => SituationDeliveries.Redraw(situation, card, now))
            .ToList();
        if (missed.Count == 0) return;
        db.Deliveries.AddRange(missed);
        await SaveOnlyAsync(missed, cancellationToken);
        foreach (var row in missed) db.Entry(row).State = EntityState.Detached;
    }

    public async Task<IReadOnlyList<Situation>> ListAsync(SituationQuery query, CancellationToken cancellationToken)
    {
        var situations = WithChildren(db.Situations.AsNoTracking());
        if (query.TableIds is { } tables) situations = situations.Where(s => tables.Contains(s.TableId));
        if (query.Statuses is { } statuses) situations = situations.Where(s => statuses.Contains(s.Status));
        if (query.AgencyId is { } agency)
            situations = situations.Where(s => s.OriginatingAgencyId == agency || s.Assignments.Any(a => a.AgencyId == agency));
        if (query.Ids is { } ids) situations = situations.Where(s => ids.Contains(s.Id));
        if (query.CountedIn is { } period)
        {
            var (from, to) = period.UtcWindow();
            var (fromDay, toDay) = (period.From, period.To);
            // A concluded situation is the only kind with a conclusion instant (re-opening clears it).
            situations = situations.Where(s => s.Status == SituationStatus.Open || s.Status == SituationStatus.Active
                || (s.DiscussedOn >= fromDay && s.DiscussedOn < toDay)
                || (s.Status == SituationStatus.Concluded && s.ConcludedAt >= from && s.CreatedAt < to));
        }
        return await situations.AsSplitQuery().OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> OpenIdsMostUrgentFirstAsync(IReadOnlyCollection<string> tableIds, string? agencyId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var utcNow = now.ToUniversalTime();
        // SituationUrgency.MostUrgentFirst in SQL: overdue 48-hour updates (by due time), then those waiting for a lead,
        // then the rest (by recording), then by id in ordinal order.
        var ranked = OpenOf(tableIds, agencyId)
            .Select(s => new
            {
                s.Id,
                s.Status,
                s.CreatedAt,
                Due = s.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.State != AssignmentState.Released)
                    .Select(a => a.UpdateDueAt).FirstOrDefault(),
                Posted = s.Updates.Any(u => u.IsFortyEightHourUpdate),
            })
            .Select(x => new { x.Id, x.Status, x.CreatedAt, x.Due, Overdue = x.Status == SituationStatus.Active && !x.Posted && x.Due != null && x.Due < utcNow })
            .OrderBy(x => x.Overdue ? 0 : x.Status == SituationStatus.Open ? 1 : 2)
            .ThenBy(x => x.Overdue ? x.Due : x.CreatedAt);
        var ordered = db.Database.IsNpgsql() ? ranked.ThenBy(x => EF.Functions.Collate(x.Id, "C")) : ranked.ThenBy(x => x.Id);
        return await ordered.Select(x => x.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The open and active situations of the tables; with an agency, those it is asked on, working on or brought.</summary>
    private IQueryable<Situation> OpenOf(IReadOnlyCollection<string> tableIds, string? agencyId)
    {
        ArgumentNullException.ThrowIfNull(tableIds);
        var open = db.Situations.AsNoTracking()
            .Where(s => tableIds.Contains(s.TableId) && (s.Status == SituationStatus.Open || s.Status == SituationStatus.Active));
        return agencyId is null
            ? open
            : open.Where(s => s.OriginatingAgencyId == agencyId
                || s.Assignments.Any(a => a.AgencyId == agencyId && (a.State == AssignmentState.Requested || a.State == AssignmentState.Accepted)));
    }

    public async IAsyncEnumerable<Situation> ExportedAsync(IReadOnlyCollection<string> tableIds, Core.Figures.FiguresPeriod period,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tableIds);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentOutOfRangeException.ThrowIfLessThan(exportBatchSize, 1);
        if (tableIds.Count == 0) yield break;
        var (from, to) = period.UtcWindow();
        var (fromDay, toDay) = (period.From, period.To);
        var exported = db.Situations.AsNoTracking().Where(s => tableIds.Contains(s.TableId)
            && ((s.Status == SituationStatus.Concluded && s.ConcludedAt >= from && s.ConcludedAt < to)
                || (s.Status == SituationStatus.NotAer && s.DiscussedOn >= fromDay && s.DiscussedOn < toDay)));
        // Keyset paging on (dating instant, id): each batch starts after the last one read, whatever was written meanwhile.
        DateTimeOffset? lastAt = null;
        string? lastId = null;
        while (true)
        {
            var batch = exported;
            if (lastAt is { } at)
            {
                var id = lastId;
                batch = batch.Where(s => (s.Status == SituationStatus.Concluded ? s.ConcludedAt : s.CreatedAt) > at
                    || ((s.Status == SituationStatus.Concluded ? s.ConcludedAt : s.CreatedAt) == at && string.Compare(s.Id, id) > 0));
            }
            var page = await WithChildren(batch
                    .OrderBy(s => s.Status == SituationStatus.Concluded ? s.ConcludedAt : s.CreatedAt)
                    .ThenBy(s => s.Id)
                    .Take(exportBatchSize))
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            foreach (var situation in page) yield return situation;
            if (page.Count < exportBatchSize) yield break;
            var last = page[^1];
            (lastAt, lastId) = (last.Status == SituationStatus.Concluded ? last.ConcludedAt : last.CreatedAt, last.Id);
        }
    }

    public async Task<IReadOnlyList<PostedCard>> CardsOfAsync(string situationId, CancellationToken cancellationToken) =>
        (await db.SituationCards.AsNoTracking().Where(c => c.SituationId == situationId).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .Select(c => new PostedCard(new ConversationAddress(c.Kind, c.ConversationKey), c.ActivityId))
            .ToList();

    private IEnumerable<object> Add(IReadOnlyList<Delivery> deliveries)
    {
        db.Deliveries.AddRange(deliveries);
        return deliveries;
    }

    private static ProcessedSubmission Submission(string key, string outcome, DateTimeOffset now) => new() { Key = key, Outcome = outcome, At = now.ToUniversalTime() };

    private async Task<Situation?> RecordedBySubmissionAsync(string submissionKey, CancellationToken cancellationToken) =>
        await OutcomeOfSubmissionAsync(submissionKey, cancellationToken) is { } situationId ? await FindAsync(situationId, cancellationToken) : null;

    /// <summary>
    /// Saves this unit of work and nothing else: a change some other store left pending on the shared context is
    /// refused rather than committed with it.
    /// </summary>
    private async Task SaveOnlyAsync(IReadOnlyCollection<object> unit, CancellationToken cancellationToken)
    {
        var mine = unit.ToHashSet(ReferenceEqualityComparer.Instance);
        var stray = db.ChangeTracker.Entries()
            .FirstOrDefault(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !mine.Contains(e.Entity)
                && !IsPartOfASituation(e));
        if (stray is not null)
            throw new InvalidOperationException($"A pending {stray.Metadata.ClrType.Name} is not part of this situation's unit of work; save it with its own store.");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A situation's own rows (assignments, updates, events, owned values) travel with it.</summary>
    private static bool IsPartOfASituation(EntityEntry entry) =>
        entry.Metadata.IsOwned() || entry.Metadata.ClrType.Namespace == typeof(Situation).Namespace;

    /// <summary>Forgets this unit's entities (the next attempt reads them again); everything else tracked stays as it was.</summary>
    private void Detach(IEnumerable<object> unit)
    {
        foreach (var entity in unit) db.Entry(entity).State = EntityState.Detached;
        // New child rows (an update, an event) made by the failed decision are tracked apart from the list above.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Metadata.ClrType.Namespace == typeof(Situation).Namespace).ToList())
            entry.State = EntityState.Detached;
    }

    private static IQueryable<Situation> WithChildren(IQueryable<Situation> situations) =>
        situations.Include(s => s.Assignments).Include(s => s.Updates).Include(s => s.Events);
}

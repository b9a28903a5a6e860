using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Figures;
using FocusBot.Core.Roster;
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

    public async Task<OpenSituationsPage> OpenPageMostUrgentFirstAsync(IReadOnlyCollection<string> tableIds, string? agencyId, DateTimeOffset now,
        int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var open = OpenOf(tableIds, agencyId);
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            // PostgreSQL: one round trip. The page's situations, joined with their rows (a few dozen for ten situations),
            // and the list's size (an uncorrelated count, evaluated once).
            var joined = await MostUrgentFirst(WithChildren(open), now, postgres).Skip(skip).Take(take)
                .Select(s => new { Situation = s, Total = open.Count() })
                .AsSingleQuery()
                .ToListAsync(cancellationToken);
            // Past the last page nothing comes back to carry the count: it is asked for alone.
            return joined.Count > 0 ? new([.. joined.Select(x => x.Situation)], joined[0].Total) : new([], await open.CountAsync(cancellationToken));
        }
        // SQLite, in process, pays nothing for a round trip and more for a joined row: the page's ids and the list's
        // size in one statement, then the situations with one statement per kind of row.
        var page = await MostUrgentFirst(open, now, postgres).Skip(skip).Take(take).Select(s => new { s.Id, Total = open.Count() })
            .ToListAsync(cancellationToken);
        if (page.Count == 0) return new([], await open.CountAsync(cancellationToken));
        var ids = page.Select(p => p.Id).ToList();
        var read = await WithChildren(db.Situations.AsNoTracking()).Where(s => ids.Contains(s.Id)).AsSplitQuery().ToListAsync(cancellationToken);
        return new([.. read.OrderBy(s => ids.IndexOf(s.Id))], page[0].Total);
    }

    /// <summary>
    /// <see cref="SituationUrgency.MostUrgentFirst"/> in SQL: overdue 48-hour updates (by due time), then those waiting
    /// for a lead, then the rest (by recording), then by id in ordinal order.
    /// </summary>
    private static IQueryable<Situation> MostUrgentFirst(IQueryable<Situation> situations, DateTimeOffset now, bool postgres)
    {
        var utcNow = now.ToUniversalTime();
        var ranked = situations
            .Select(s => new
            {
                Situation = s,
                Due = s.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.State != AssignmentState.Released)
                    .Select(a => a.UpdateDueAt).FirstOrDefault(),
                Posted = s.Updates.Any(u => u.IsFortyEightHourUpdate),
            })
            .Select(x => new { x.Situation, x.Due, Overdue = x.Situation.Status == SituationStatus.Active && !x.Posted && x.Due != null && x.Due < utcNow })
            .OrderBy(x => x.Overdue ? 0 : x.Situation.Status == SituationStatus.Open ? 1 : 2)
            .ThenBy(x => x.Overdue ? x.Due : x.Situation.CreatedAt);
        return (postgres ? ranked.ThenBy(x => EF.Functions.Collate(x.Situation.Id, "C")) : ranked.ThenBy(x => x.Situation.Id)).Select(x => x.Situation);
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

    public async Task<FigureFacts> FigureFactsAsync(IReadOnlyCollection<Table> tables, FiguresPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(period);
        if (tables.Count == 0) return FigureFacts.None;
        var (fromDay, toDay) = (period.From, period.To);
        var recorded = OfTables(tables).Where(s => s.DiscussedOn >= fromDay && s.DiscussedOn < toDay);
        // A few facts of each situation discussed in the period (a few hundred a year at the busiest table), for the medians.
        var facts = await recorded
            .Select(s => new RecordedSituationFacts(s.Status, s.PeopleCount, s.CreatedAt, s.LeadAcceptedAt, s.ConcludedAt,
                s.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.State != AssignmentState.Released).Select(a => a.UpdateDueAt).FirstOrDefault(),
                s.Updates.Where(u => u.IsFortyEightHourUpdate).Select(u => (DateTimeOffset?)u.At).FirstOrDefault(),
                s.Updates.Where(u => u.IsFortyEightHourUpdate).Select(u => u.WasOnTime).FirstOrDefault()))
            .ToListAsync(cancellationToken);

        // Everything else is a count of ids, all in one statement: (kind, id) pairs grouped.
        var counted = db.Database.IsSqlite() ? await CountIdsOnSqliteAsync(tables, period, cancellationToken) : await CountIdsAsync(tables, period, cancellationToken);
        var counts = counted.GroupBy(c => c.Kind)
            .ToDictionary(g => g.Key, g => TableFigures.InCountOrder(g.Select(c => new FigureCount(c.Id, c.Count))));
        IReadOnlyList<FigureCount> Of(int kind) => counts.GetValueOrDefault(kind) ?? [];
        return new(facts, Of(RiskFactor), Of(Outcome), Of(Barrier), Of(Service));
    }

    private const int RiskFactor = 0, Outcome = 1, Barrier = 2, Service = 3;

    /// <summary>How many times an id of one kind (risk factor, outcome, barrier or service) is counted.</summary>
    private sealed class CountedId
    {
        public required int Kind { get; init; }
        public required string Id { get; init; }
        public int Count { get; init; }
    }

    /// <summary>
    /// The counts of <see cref="FigureFactsAsync"/>: the risk factors of the situations discussed in the period; per time
    /// zone and range of instants on the period's days there (<see cref="FiguresPeriod.UtcRangesIn"/>), the outcomes
    /// of the situations concluded in it and the barriers and services of the updates posted in it.
    /// </summary>
    private async Task<List<CountedId>> CountIdsAsync(IReadOnlyCollection<Table> tables, FiguresPeriod period, CancellationToken cancellationToken)
    {
        var (fromDay, toDay) = (period.From, period.To);
        var counted = OfTables(tables).Where(s => s.DiscussedOn >= fromDay && s.DiscussedOn < toDay)
            .SelectMany(s => EF.Property<List<string>>(s, "_riskFactorIds")).Select(id => new CountedId { Kind = RiskFactor, Id = id });
        foreach (var zone in tables.GroupBy(t => t.TimeZone))
        {
            foreach (var (from, to) in period.UtcRangesIn(zone.Key))
            {
                var ofZone = OfTables(zone);
                var concluded = ofZone.Where(s => s.Status == SituationStatus.Concluded && s.OutcomeId != null && s.ConcludedAt >= from && s.ConcludedAt < to);
                // Updates are only posted while a situation is open or active: those of the range are on situations open or
                // active now, or concluded since the range began having been recorded before it ended (two ranges of an index).
                var updated = ofZone.Where(s => s.Status == SituationStatus.Open || s.Status == SituationStatus.Active).Select(s => s.Id)
                    .Concat(ofZone.Where(s => s.Status == SituationStatus.Concluded && s.ConcludedAt >= from && s.CreatedAt < to).Select(s => s.Id));
                var updates = db.Set<SituationUpdate>().AsNoTracking()
                    .Where(u => updated.Contains(EF.Property<string>(u, "SituationId")) && u.At >= from && u.At < to);
                counted = counted
                    .Concat(concluded.Select(s => new CountedId { Kind = Outcome, Id = s.OutcomeId! }))
                    .Concat(updates.SelectMany(u => EF.Property<List<string>>(u, "_barrierIds")).Select(id => new CountedId { Kind = Barrier, Id = id }))
                    .Concat(updates.SelectMany(u => EF.Property<List<string>>(u, "_serviceIds")).Select(id => new CountedId { Kind = Service, Id = id }));
            }
        }
        return await counted.GroupBy(c => new { c.Kind, c.Id }).Select(g => new CountedId { Kind = g.Key.Kind, Id = g.Key.Id, Count = g.Count() })
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// <see cref="CountIdsAsync"/> in SQLite's SQL: EF cannot join a row to the elements of its JSON list there (that
    /// takes an APPLY, which SQLite lacks), SQLite can (<c>json_each</c>). The same statement, over the stored forms:
    /// statuses by name, days as <c>yyyy-MM-dd</c>, instants as UTC milliseconds (<see cref="UtcMillisecondsConverter"/>).
    /// </summary>
    private async Task<List<CountedId>> CountIdsOnSqliteAsync(IReadOnlyCollection<Table> tables, FiguresPeriod period, CancellationToken cancellationToken)
    {
        var parameters = new List<Microsoft.Data.Sqlite.SqliteParameter>();
        string Parameter(object value)
        {
            var name = "@p" + parameters.Count;
            parameters.Add(new(name, value));
            return name;
        }
        string TablesIn(IEnumerable<Table> some) => string.Join(", ", some.Select(t => Parameter(t.Id)));
        const string open = $"'{nameof(SituationStatus.Open)}', '{nameof(SituationStatus.Active)}'", concluded = $"'{nameof(SituationStatus.Concluded)}'";
        var counted = new List<string>
        {
            $"SELECT {RiskFactor} AS Kind, j.value AS Id FROM situations AS s, json_each(s.RiskFactorIds) AS j WHERE s.TableId IN ({TablesIn(tables)}) "
                + $"AND s.DiscussedOn >= {Parameter(period.From)} AND s.DiscussedOn < {Parameter(period.To)}",
        };
        foreach (var zone in tables.GroupBy(t => t.TimeZone))
        {
            var ofZone = TablesIn(zone);
            foreach (var range in period.UtcRangesIn(zone.Key))
            {
                var (from, to) = (Parameter(range.From.ToUnixTimeMilliseconds()), Parameter(range.To.ToUnixTimeMilliseconds()));
                counted.Add($"SELECT {Outcome}, s.OutcomeId FROM situations AS s WHERE s.TableId IN ({ofZone}) AND s.Status = {concluded} "
                    + $"AND s.OutcomeId IS NOT NULL AND s.ConcludedAt >= {from} AND s.ConcludedAt < {to}");
                var updates = $"WHERE u.SituationId IN (SELECT s.Id FROM situations AS s WHERE s.TableId IN ({ofZone}) AND s.Status IN ({open}) "
                    + $"UNION ALL SELECT s.Id FROM situations AS s WHERE s.TableId IN ({ofZone}) AND s.Status = {concluded} AND s.ConcludedAt >= {from} AND s.CreatedAt < {to}) "
                    + $"AND u.At >= {from} AND u.At < {to}";
                counted.Add($"SELECT {Barrier}, j.value FROM situation_updates AS u, json_each(u.BarrierIds) AS j {updates}");
                counted.Add($"SELECT {Service}, j.value FROM situation_updates AS u, json_each(u.ServiceIds) AS j {updates}");
            }
        }
        var sql = $"SELECT c.Kind, c.Id, COUNT(*) AS Count FROM ({string.Join(" UNION ALL ", counted)}) AS c GROUP BY c.Kind, c.Id";
        return await db.Database.SqlQueryRaw<CountedId>(sql, [.. parameters]).ToListAsync(cancellationToken);
    }

    private IQueryable<Situation> OfTables(IEnumerable<Table> tables)
    {
        var ids = tables.Select(t => t.Id).ToList();
        return db.Situations.AsNoTracking().Where(s => ids.Contains(s.TableId));
    }

    public async IAsyncEnumerable<Situation> ExportedAsync(IReadOnlyCollection<string> tableIds, FiguresPeriod period,
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

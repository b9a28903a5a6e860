using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Roster;

namespace FocusBot.Core.Situations;

/// <summary>Which situations to list. Every filter is optional; an empty <see cref="TableIds"/> or <see cref="Ids"/> means none.</summary>
/// <param name="CountedIn">
/// Only the situations a period's figures can count (<see cref="Figures.TableFigures"/>, <see cref="Figures.DashboardFigures"/>):
/// open or active now, discussed in the period, or concluded after the period began having been recorded before it
/// ended (which takes in those concluded in it and, since updates are only posted while a situation is open or active,
/// every one with an update posted in it). Instants are compared a day either side of the period's days, so that every
/// time zone's days are covered: a superset, which the figures filter exactly.
/// </param>
public sealed record SituationQuery(
    IReadOnlyCollection<string>? TableIds = null,
    IReadOnlyCollection<SituationStatus>? Statuses = null,
    string? AgencyId = null,
    Figures.FiguresPeriod? CountedIn = null,
    IReadOnlyCollection<string>? Ids = null);

/// <summary>Situations of one page of an open list, most urgent first, and how many situations the whole list holds.</summary>
public sealed record OpenSituationsPage(IReadOnlyList<Situation> Situations, int Total);

/// <summary>A copy of a situation's card that the bot posted, so that it can be updated when the situation changes.</summary>
public sealed record PostedCard(ConversationAddress Address, string ActivityId);

/// <summary>A recorded situation, and whether this submission had recorded it before (nothing new was written).</summary>
public sealed record RecordedSituation(Situation Situation, bool Repeated);

/// <summary>
/// Situations and the decisions about them. Each write is one unit of work: the situation, the outbox rows the
/// decision causes and the submission it answers are committed together or not at all.
/// </summary>
public interface ISituationStore
{
    /// <summary>
    /// Gives the situation the table's next id for the year (never reused) and stores it with the outbox rows
    /// <paramref name="deliveries"/> plans for it, in one transaction. With a <paramref name="submissionKey"/> (a form's
    /// submission id) a submission that was already recorded, here or by another instance at the same moment, returns
    /// that situation with <see cref="RecordedSituation.Repeated"/> and writes nothing.
    /// </summary>
    Task<RecordedSituation> RecordAsync(NewSituation newSituation, string? submissionKey, Func<Situation, IReadOnlyList<Delivery>> deliveries,
        DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>What a submission recorded (e.g. a situation id, or situation id and update id), or null if it was never seen.</summary>
    Task<string?> OutcomeOfSubmissionAsync(string submissionKey, CancellationToken cancellationToken);

    /// <summary>The situation with its assignments, updates and events, tracked for a later <see cref="TrySaveAsync"/>.</summary>
    Task<Situation?> FindAsync(string situationId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a changed situation with the outbox rows the change causes (and, with a submission, what it recorded),
    /// in one transaction; false when someone else changed the situation or answered the submission first (nothing is
    /// written: read again and decide again). Nothing else the store's context tracks is saved or dropped.
    /// </summary>
    Task<bool> TrySaveAsync(Situation situation, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken,
        (string Key, string Outcome)? submission = null);

    /// <summary>The situations the query selects, with their assignments, updates and events, oldest first (not tracked).</summary>
    Task<IReadOnlyList<Situation>> ListAsync(SituationQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the open and active situations of <paramref name="tableIds"/>, most urgent first as
    /// <see cref="SituationUrgency.MostUrgentFirst"/> orders them as of <paramref name="now"/>, ordered and cut in the
    /// database: the <paramref name="take"/> situations after the first <paramref name="skip"/>, with their assignments,
    /// updates and events (not tracked), and how many the whole list holds. With <paramref name="agencyId"/>, only those
    /// on which that agency is lead or assisting (asked or accepted, not declined or released) or originating
    /// (<see cref="SituationListing.ConcernsAgency"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="skip"/> is negative or <paramref name="take"/> is under 1.</exception>
    Task<OpenSituationsPage> OpenPageMostUrgentFirstAsync(IReadOnlyCollection<string> tableIds, string? agencyId, DateTimeOffset now,
        int skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// The situations of <paramref name="tableIds"/> the RTD export of <paramref name="period"/> may write, read in
    /// batches so that memory stays flat however long the period: those concluded within a day either side of the
    /// period's days, and the not-AER discussions of its days, ordered by the instant that dates them in the export
    /// (the conclusion, or the recording for a not-AER discussion) then by id, with their assignments, updates and
    /// events (not tracked). <see cref="Figures.RtdExport.RowsAsync"/> keeps the exact ones in the export's order.
    /// </summary>
    IAsyncEnumerable<Situation> ExportedAsync(IReadOnlyCollection<string> tableIds, Figures.FiguresPeriod period, CancellationToken cancellationToken);

    /// <summary>
    /// What the figures of <paramref name="tables"/> for <paramref name="period"/> are computed from, counted in the
    /// database (<see cref="Figures.FigureFacts"/>): the situations first discussed in the period, as a few facts each, and
    /// the counts of their risk factors, of the outcomes of those concluded in the period and of the barriers and
    /// services of the updates posted in it (instants on the period's days in each table's time zone). No situation
    /// is read with its rows. Exactly what <see cref="Figures.FigureFacts.Of"/> finds in the tables' whole history.
    /// </summary>
    Task<Figures.FigureFacts> FigureFactsAsync(IReadOnlyCollection<Table> tables, Figures.FiguresPeriod period, CancellationToken cancellationToken);

    /// <summary>Every copy of the situation's card the bot posted (in the table's channel and in personal chats), oldest first.</summary>
    Task<IReadOnlyList<PostedCard>> CardsOfAsync(string situationId, CancellationToken cancellationToken);
}

using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;

namespace FocusBot.Core.Situations;

/// <summary>Which situations to list. Every filter is optional; an empty <see cref="TableIds"/> means none.</summary>
public sealed record SituationQuery(
    IReadOnlyCollection<string>? TableIds = null,
    IReadOnlyCollection<SituationStatus>? Statuses = null,
    string? AgencyId = null);

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

    Task<IReadOnlyList<Situation>> ListAsync(SituationQuery query, CancellationToken cancellationToken);

    /// <summary>Every copy of the situation's card the bot posted (in the table's channel and in personal chats), oldest first.</summary>
    Task<IReadOnlyList<PostedCard>> CardsOfAsync(string situationId, CancellationToken cancellationToken);
}

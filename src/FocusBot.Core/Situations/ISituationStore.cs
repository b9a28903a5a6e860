using FocusBot.Core.Conversations;

namespace FocusBot.Core.Situations;

/// <summary>Which situations to list. Every filter is optional; an empty <see cref="TableIds"/> means none.</summary>
public sealed record SituationQuery(
    IReadOnlyCollection<string>? TableIds = null,
    IReadOnlyCollection<SituationStatus>? Statuses = null,
    string? AgencyId = null);

/// <summary>A copy of a situation's card that the bot posted, so that it can be updated when the situation changes.</summary>
public sealed record PostedCard(ConversationAddress Address, string ActivityId);

public interface ISituationStore
{
    /// <summary>Gives the situation the table's next id for the year (never reused) and stores it.</summary>
    Task<Situation> RecordAsync(NewSituation newSituation, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The situation with its assignments, updates and events, tracked for a later <see cref="TrySaveAsync"/>.</summary>
    Task<Situation?> FindAsync(string situationId, CancellationToken cancellationToken);

    /// <summary>Saves a changed situation; false when someone else changed it first (reload and decide again).</summary>
    Task<bool> TrySaveAsync(Situation situation, CancellationToken cancellationToken);

    Task<IReadOnlyList<Situation>> ListAsync(SituationQuery query, CancellationToken cancellationToken);

    Task RecordCardAsync(string situationId, PostedCard card, CancellationToken cancellationToken);
    Task<IReadOnlyList<PostedCard>> CardsOfAsync(string situationId, CancellationToken cancellationToken);
}

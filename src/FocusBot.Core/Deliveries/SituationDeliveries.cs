using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Core.Deliveries;

/// <summary>Where the co-chair who recorded a situation sees its confirmation card, so it can be redrawn when its deliveries finish.</summary>
public sealed record ConfirmationCard(ConversationAddress Conversation, string ActivityId);

/// <summary>
/// Plans the messages a decision about a situation causes, as outbox rows written with the decision. Pure: it is
/// given the table's members and the posted copies of the card, and decides who gets what; the cards themselves
/// are drawn when sent.
/// </summary>
public static class SituationDeliveries
{
    /// <summary>
    /// A situation was recorded: its de-identified card in the table's channel, its full card to each rep (not admins)
    /// of every agency named on it, and, when known, a redraw of the recording co-chair's confirmation card.
    /// </summary>
    public static IReadOnlyList<Delivery> ForRecording(Situation situation, IReadOnlyList<Member> tableMembers, ConfirmationCard? confirmation,
        DateTimeOffset now)
    {
        var rows = new List<Delivery> { Delivery.Due(DeliveryKind.SituationCard, situation.TableId, situation.Id, Delivery.TableChannel, now) };
        rows.AddRange(PersonalCards(situation, tableMembers, situation.Assignments.Select(a => a.AgencyId), now));
        if (confirmation is not null)
        {
            rows.Add(Delivery.Due(DeliveryKind.RecordingConfirmation, situation.TableId, situation.Id, confirmation.Conversation.ToString(), now,
                activityId: confirmation.ActivityId));
        }
        return rows;
    }

    /// <summary>
    /// A situation changed: every posted copy of its card is redrawn; agencies newly asked (<see cref="SituationResult.NewlyAsked"/>)
    /// get personal cards, the reps of agencies it released (<see cref="SituationResult.Released"/>) are told, and the co-chairs
    /// hear of the change of agencies, of a declined lead and of a posted update (not its writer).
    /// </summary>
    public static IReadOnlyList<Delivery> ForChange(Situation situation, SituationResult change, IReadOnlyList<PostedCard> posted,
        IReadOnlyList<Member> tableMembers, DateTimeOffset now)
    {
        var rows = posted.Select(card => Redraw(situation, card, now)).ToList();
        // Asked (again): a new card, so that Teams tells them; the copy they may hold is redrawn above.
        rows.AddRange(PersonalCards(situation, tableMembers, change.NewlyAsked, now));

        if (change.NewlyAsked.Count > 0 || change.Released.Count > 0)
        {
            rows.AddRange(Released(situation, tableMembers, change.Released, now));
            rows.AddRange(ToCoChairs(situation, tableMembers, DeliveryKind.AgenciesChangedNotice, now,
                subject: string.Join(",", change.NewlyAsked), text: change.ChangeEventId?.ToString()));
        }
        if (change.LeadDeclined)
            rows.AddRange(ToCoChairs(situation, tableMembers, DeliveryKind.LeadDeclinedNotice, now));
        if (change.PostedUpdate is { } update)
            rows.AddRange(ToCoChairs(situation, tableMembers, DeliveryKind.UpdatePostedNotice, now, subject: update.Id.ToString(), except: update.ByEmail));
        return rows;
    }

    /// <summary>A posted copy of the situation's card, redrawn in place with what the situation is now (due at <paramref name="now"/>, UTC).</summary>
    public static Delivery Redraw(Situation situation, PostedCard card, DateTimeOffset now) =>
        Delivery.Due(DeliveryKind.CardRefresh, situation.TableId, situation.Id, card.Address.ToString(), now, activityId: card.ActivityId);

    /// <summary>
    /// How long a co-chair notice waits after it is written: the notices a fan-out writes one after the other (one per
    /// rep it cannot reach) are then due together, and the dispatcher gathers a co-chair's due notices into one message
    /// (<see cref="ClaimedMessage"/>).
    /// </summary>
    public static readonly TimeSpan NoticeGathering = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A notice (no note, no summary) to each co-chair of a table, due <see cref="NoticeGathering"/> after
    /// <paramref name="now"/>: <paramref name="text"/> is a <see cref="Reminders.CoChairProblem"/> as JSON, about
    /// <paramref name="situationId"/> when it names one (the row is then listed with the situation's deliveries).
    /// </summary>
    public static IReadOnlyList<Delivery> NoticeToCoChairs(string tableId, IReadOnlyList<Member> tableMembers, string text, DateTimeOffset now,
        string? situationId = null) =>
        tableMembers.Where(m => m.IsCoChairOf(tableId))
            .Select(m => Delivery.Due(DeliveryKind.Notice, tableId, situationId, ConversationAddress.Personal(m.Email).ToString(), now, text: text,
                dueAt: now + NoticeGathering))
            .ToList();

    private static IEnumerable<Delivery> PersonalCards(Situation situation, IReadOnlyList<Member> tableMembers, IEnumerable<string> agencyIds, DateTimeOffset now)
    {
        var agencies = agencyIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return tableMembers
            .Where(m => m.Role != MemberRole.Admin && agencies.Contains(m.AgencyId) && m.SitsAt(situation.TableId))
            .Select(m => Delivery.Due(DeliveryKind.SituationCard, situation.TableId, situation.Id, ConversationAddress.Personal(m.Email).ToString(), now));
    }

    /// <summary>A notice to each rep of a released agency that no longer has any part in the situation.</summary>
    private static IEnumerable<Delivery> Released(Situation situation, IReadOnlyList<Member> tableMembers, IEnumerable<string> agencyIds, DateTimeOffset now) =>
        agencyIds.Where(agency => !situation.Involves(agency)).SelectMany(agency => tableMembers
            .Where(m => m.Role != MemberRole.Admin && string.Equals(m.AgencyId, agency, StringComparison.OrdinalIgnoreCase) && m.SitsAt(situation.TableId))
            .Select(m => Delivery.Due(DeliveryKind.AgencyReleasedNotice, situation.TableId, situation.Id,
                ConversationAddress.Personal(m.Email).ToString(), now, subject: agency)));

    private static IEnumerable<Delivery> ToCoChairs(Situation situation, IReadOnlyList<Member> tableMembers, DeliveryKind kind, DateTimeOffset now,
        string? subject = null, string? except = null, string? text = null) =>
        tableMembers
            .Where(m => m.IsCoChairOf(situation.TableId) && !string.Equals(m.Email, except, StringComparison.OrdinalIgnoreCase))
            .Select(m => Delivery.Due(kind, situation.TableId, situation.Id, ConversationAddress.Personal(m.Email).ToString(), now,
                subject: subject, text: text));
}

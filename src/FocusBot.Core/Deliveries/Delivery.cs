using FocusBot.Core.Conversations;

namespace FocusBot.Core.Deliveries;

/// <summary>What an outbox row asks the dispatcher to send. The message itself is written when it is sent.</summary>
public enum DeliveryKind
{
    /// <summary>The situation's card: de-identified in the table's channel, the full card in a rep's personal chat.</summary>
    SituationCard,
    /// <summary>A posted copy of the situation's card, redrawn in place (<see cref="Delivery.ActivityId"/>).</summary>
    CardRefresh,
    /// <summary>The recording co-chair's confirmation card, redrawn in place when the situation's deliveries finish.</summary>
    RecordingConfirmation,
    /// <summary>Co-chairs: the lead agency declined; name another lead.</summary>
    LeadDeclinedNotice,
    /// <summary>Co-chairs: an update was posted (<see cref="Delivery.Subject"/> is the update's id); its note is read when sent.</summary>
    UpdatePostedNotice,
    /// <summary>Co-chairs: a notice in <see cref="Delivery.Text"/> (a <see cref="Reminders.CoChairProblem"/> as JSON, written in the reader's language when sent; a plain text in rows written before; never a note or summary).</summary>
    Notice,
    /// <summary>
    /// Co-chairs: a co-chair changed the situation's agencies. <see cref="Delivery.Text"/> is the change's sentence
    /// (agency ids, named when sent); <see cref="Delivery.Subject"/> the agencies asked, comma-separated.
    /// </summary>
    AgenciesChangedNotice,
    /// <summary>A rep of an agency released from the situation (<see cref="Delivery.Subject"/> is the agency): it has no part any more.</summary>
    AgencyReleasedNotice,
}

public enum DeliveryState
{
    /// <summary>Waiting for its due time (new, or released after a failed attempt with a backoff).</summary>
    Pending,
    /// <summary>A dispatcher took it; if its claim expires first, another takes it again.</summary>
    Claimed,
    Sent,
    /// <summary>Given up: nowhere to send it, Teams refused for good, or every attempt failed. <see cref="Delivery.LastError"/> says why.</summary>
    Failed,
    /// <summary>No longer applies (the member left the table, the situation was removed): not sent.</summary>
    Cancelled,
}

/// <summary>
/// One row of the outbox: a message the bot owes one recipient because of a decision, written in the same
/// transaction as that decision and delivered by the dispatcher (claimed, sent, marked; retried with a backoff).
/// </summary>
public sealed class Delivery
{
    /// <summary>The recipient "the table's channel": the channel linked to <see cref="TableId"/> when the row is sent.</summary>
    public const string TableChannel = "table-channel";

    private Delivery()
    {
        TableId = Recipient = string.Empty;
    }

    public Guid Id { get; private set; }
    public DeliveryKind Kind { get; private set; }
    public string TableId { get; private set; }
    public string? SituationId { get; private set; }
    /// <summary><see cref="TableChannel"/>, or a conversation address as written by <see cref="ConversationAddress.ToString"/> (<c>personal:e-mail</c>, <c>channel:id</c>).</summary>
    public string Recipient { get; private set; }
    /// <summary>The message to redraw, for <see cref="DeliveryKind.CardRefresh"/> and <see cref="DeliveryKind.RecordingConfirmation"/>.</summary>
    public string? ActivityId { get; private set; }
    /// <summary>What the notice is about beyond the situation (an update's id), or null.</summary>
    public string? Subject { get; private set; }
    /// <summary>The notice of a <see cref="DeliveryKind.Notice"/> (<see cref="Reminders.CoChairProblem.ToJson"/>).</summary>
    public string? Text { get; private set; }
    public DeliveryState State { get; private set; }
    /// <summary>Not before (UTC): now for a new row, later after a failed attempt.</summary>
    public DateTimeOffset DueAt { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimExpiresAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>The posted message's id, once sent (co-chair notices gathered into one message share it).</summary>
    public string? SentActivityId { get; private set; }

    /// <summary>A new row written at <paramref name="now"/>, due at once or at <paramref name="dueAt"/> (UTC; not before now).</summary>
    public static Delivery Due(DeliveryKind kind, string tableId, string? situationId, string recipient, DateTimeOffset now,
        string? activityId = null, string? subject = null, string? text = null, DateTimeOffset? dueAt = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        TableId = tableId,
        SituationId = situationId,
        Recipient = recipient,
        ActivityId = activityId,
        Subject = subject,
        Text = text,
        State = DeliveryState.Pending,
        DueAt = (dueAt is { } later && later > now ? later : now).ToUniversalTime(),
        CreatedAt = now.ToUniversalTime(),
        UpdatedAt = now.ToUniversalTime(),
    };

    /// <summary>
    /// What the row is about, for the log: e.g. <c>SituationCard of DM-2026-0001</c>, <c>Notice ChannelDeleted for table
    /// demo</c>, <c>Notice CardNotDelivered (NoConversation) on DM-2026-0001 for table demo</c>. Never a note or a
    /// summary, and no "(null)" where a row has no situation.
    /// </summary>
    public string About => Kind == DeliveryKind.Notice
        ? Reminders.CoChairProblem.TryRead(Text) is { } problem
            ? $"Notice {problem.Kind}{(problem.Cause is { } cause ? $" ({cause})" : "")}{((problem.SituationId ?? SituationId) is { } id ? $" on {id}" : "")} for table {TableId}"
            : $"Notice for table {TableId}"
        : SituationId is null ? $"{Kind} for table {TableId}" : $"{Kind} of {SituationId}";

    /// <summary>The conversation this row names, or null for <see cref="TableChannel"/> (found when sent).</summary>
    public ConversationAddress? Address => ParseAddress(Recipient);

    /// <summary>Reads <c>personal:key</c> or <c>channel:key</c>; null for anything else.</summary>
    public static ConversationAddress? ParseAddress(string recipient)
    {
        var colon = recipient.IndexOf(':');
        if (colon <= 0) return null;
        var key = recipient[(colon + 1)..];
        return recipient[..colon] switch
        {
            "personal" => ConversationAddress.Personal(key),
            "channel" => ConversationAddress.Channel(key),
            _ => null,
        };
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace FocusBot.Core.Reminders;

/// <summary>What the co-chairs are told about (<see cref="CoChairProblem"/>).</summary>
public enum CoChairProblemKind
{
    /// <summary>The table's channel was deleted.</summary>
    ChannelDeleted,
    /// <summary>The team of the table's channel was archived.</summary>
    TeamArchived,
    /// <summary>The team of the table's channel was deleted.</summary>
    TeamDeleted,
    /// <summary>FocusBot was removed from the team of the table's channel.</summary>
    RemovedFromTeam,
    /// <summary>A situation's card (<see cref="CoChairProblem.SituationId"/>) could not be delivered; <see cref="CoChairProblem.Cause"/> says why.</summary>
    CardNotDelivered,
    /// <summary>A reminder could not be delivered; <see cref="CoChairProblem.Cause"/> says why.</summary>
    ReminderNotDelivered,
    /// <summary>The table's Outlook calendar could not be read: reminders follow the roster's schedule (<see cref="CoChairProblem.Detail"/>: Microsoft Graph's words).</summary>
    CalendarUnreadable,
}

/// <summary>Why a message could not be delivered.</summary>
public enum UndeliveredBecause
{
    /// <summary>No channel is linked to the table.</summary>
    NoChannel,
    /// <summary>Teams refused to post in the table's channel (deleted, archived, FocusBot removed from the team).</summary>
    ChannelRefused,
    /// <summary>The table's channel was marked gone earlier (Teams said it was deleted or archived).</summary>
    ChannelGone,
    /// <summary>The member (<see cref="CoChairProblem.MemberEmail"/>) has no chat with FocusBot yet.</summary>
    NoConversation,
    /// <summary>Teams refused to deliver to the member (FocusBot blocked or removed).</summary>
    Unreachable,
    /// <summary>Teams kept failing, attempt after attempt.</summary>
    KeptFailing,
}

/// <summary>
/// A notice to a table's co-chairs as a code and its data, never a sentence: it is kept in the outbox row
/// (<see cref="Deliveries.Delivery.Text"/>, as JSON) and each co-chair's message is written from it when it is sent, in
/// that co-chair's language (the Teams edge's resources; the table's name and the command to link a channel are
/// filled in then). Its fields are data only: a situation id, a member's e-mail, Microsoft Graph's own words.
/// </summary>
public sealed record CoChairProblem(
    CoChairProblemKind Kind, UndeliveredBecause? Cause = null, string? SituationId = null, string? MemberEmail = null, string? Detail = null)
{
    private const string Marker = "focusbot-notice";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A situation's card, or a reminder when <paramref name="situationId"/> is null, was not delivered to <paramref name="member"/> (an e-mail; null for the channel).</summary>
    public static CoChairProblem NotDelivered(string? situationId, UndeliveredBecause cause, string? memberEmail = null, bool reminder = false) =>
        new(reminder ? CoChairProblemKind.ReminderNotDelivered : CoChairProblemKind.CardNotDelivered, cause, situationId, memberEmail);

    /// <summary>Why Teams did not take a message to <paramref name="to"/> (<paramref name="status"/>: no conversation, or unreachable).</summary>
    public static UndeliveredBecause CauseOf(Conversations.ConversationAddress to, Conversations.DeliveryStatus status)
    {
        ArgumentNullException.ThrowIfNull(to);
        return to.Kind == Conversations.ConversationKind.Channel ? UndeliveredBecause.ChannelRefused
            : status == Conversations.DeliveryStatus.NoConversation ? UndeliveredBecause.NoConversation
            : UndeliveredBecause.Unreachable;
    }

    /// <summary>As kept in the outbox row: <c>{"type":"focusbot-notice","notice":{"kind":…}}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Stored(Marker, this), Json);

    /// <summary>The notice an outbox row's text holds; null for a plain text (a row written before notices were typed) or null.</summary>
    public static CoChairProblem? TryRead(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.StartsWith('{')) return null;
        try
        {
            return JsonSerializer.Deserialize<Stored>(text, Json) is { Type: Marker, Notice: { } notice } ? notice : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Stored(string Type, CoChairProblem Notice);
}

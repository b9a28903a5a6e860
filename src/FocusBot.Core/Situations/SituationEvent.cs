namespace FocusBot.Core.Situations;

public enum SituationEventKind
{
    Recorded,
    Accepted,
    Declined,
    /// <summary>A co-chair asked a declined agency again.</summary>
    AskedAgain,
    /// <summary>A co-chair named a new lead agency (the event's agency); the old lead was released.</summary>
    LeadChanged,
    /// <summary>A co-chair added an assisting agency.</summary>
    AssistingAdded,
    /// <summary>A co-chair released an assisting agency.</summary>
    Released,
    UpdatePosted,
    Concluded,
    Reopened,
}

/// <summary>
/// One line of a situation's history: who did what and when, in structured fields (ids and codes, never words of a
/// language and never the free text of notes or reasons), so the trail is drawn in the reader's language and can be
/// kept after the notes are purged.
/// </summary>
public sealed class SituationEvent
{
    private SituationEvent()
    {
        ByEmail = string.Empty;
    }

    internal SituationEvent(DateTimeOffset at, string byEmail, SituationEventKind kind, string? agencyId, EventFacts? facts = null)
    {
        Id = Guid.CreateVersion7(at);
        At = at;
        ByEmail = byEmail;
        Kind = kind;
        AgencyId = agencyId;
        facts ??= EventFacts.None;
        Role = facts.Role;
        FormerAgencyId = facts.FormerAgencyId;
        OutcomeId = facts.OutcomeId;
        UpdateKindId = facts.UpdateKindId;
        WasOnTime = facts.WasOnTime;
        Status = facts.Status;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ByEmail { get; private set; }
    public SituationEventKind Kind { get; private set; }
    /// <summary>The agency the event concerns, when it concerns one.</summary>
    public string? AgencyId { get; private set; }
    /// <summary>The part concerned (accepted, declined, asked again, added, released): lead or assisting.</summary>
    public AssignmentRole? Role { get; private set; }
    /// <summary>A lead change: the lead agency released for the event's agency.</summary>
    public string? FormerAgencyId { get; private set; }
    /// <summary>A conclusion: the catalogue's outcome id.</summary>
    public string? OutcomeId { get; private set; }
    /// <summary>An update: the catalogue's update kind id.</summary>
    public string? UpdateKindId { get; private set; }
    /// <summary>A 48-hour update: whether it came by its due time; null for any other update or event.</summary>
    public bool? WasOnTime { get; private set; }
    /// <summary>A re-opening or a recording: the status the situation took.</summary>
    public SituationStatus? Status { get; private set; }
}

/// <summary>The structured fields of a <see cref="SituationEvent"/>, each null when the event has none.</summary>
public sealed record EventFacts(
    AssignmentRole? Role = null, string? FormerAgencyId = null, string? OutcomeId = null, string? UpdateKindId = null,
    bool? WasOnTime = null, SituationStatus? Status = null)
{
    public static EventFacts None { get; } = new();
}

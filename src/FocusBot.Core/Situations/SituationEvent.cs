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
/// One line of a situation's history: who did what and when. The detail holds ids only, never the free text
/// of notes or reasons, so the trail can be kept after the notes are purged.
/// </summary>
public sealed class SituationEvent
{
    private SituationEvent()
    {
        ByEmail = Detail = string.Empty;
    }

    internal SituationEvent(DateTimeOffset at, string byEmail, SituationEventKind kind, string? agencyId, string detail)
    {
        Id = Guid.CreateVersion7(at);
        At = at;
        ByEmail = byEmail;
        Kind = kind;
        AgencyId = agencyId;
        Detail = detail;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ByEmail { get; private set; }
    public SituationEventKind Kind { get; private set; }
    /// <summary>The agency the event concerns, when it concerns one.</summary>
    public string? AgencyId { get; private set; }
    public string Detail { get; private set; }
}

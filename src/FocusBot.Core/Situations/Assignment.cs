namespace FocusBot.Core.Situations;

public enum AssignmentRole
{
    Lead,
    Assisting,
}

/// <summary>Where an agency's part in a situation stands.</summary>
public enum AssignmentState
{
    /// <summary>Asked (when recorded, when added, or asked again); waiting for the agency to answer.</summary>
    Requested,
    Accepted,
    Declined,
    /// <summary>A co-chair took the part back (a new lead was named, or an assisting agency was released). Final.</summary>
    Released,
}

/// <summary>
/// An agency named on a situation, as lead or assisting, and how it answered. An agency can have several rows over a
/// situation's life (a released lead later asked to assist): at most one of them is not released. The assignment's
/// own history (asked, answered, asked again, released) is the situation's events that name its agency.
/// </summary>
public sealed class Assignment
{
    private Assignment()
    {
        AgencyId = string.Empty;
    }

    internal Assignment(string agencyId, AssignmentRole role, DateTimeOffset requestedAt, DateTimeOffset? updateDueAt = null)
    {
        Id = Guid.CreateVersion7(requestedAt);
        AgencyId = agencyId;
        Role = role;
        State = AssignmentState.Requested;
        RequestedAt = requestedAt;
        UpdateDueAt = role == AssignmentRole.Lead ? updateDueAt : null;
    }

    public Guid Id { get; private set; }
    public string AgencyId { get; private set; }
    public AssignmentRole Role { get; private set; }
    public AssignmentState State { get; private set; }
    /// <summary>When the agency was last asked (UTC).</summary>
    public DateTimeOffset RequestedAt { get; private set; }
    public string? RespondedByEmail { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    /// <summary>Why the agency declined; seen by the co-chairs so they can name another agency.</summary>
    public string? DeclineReason { get; private set; }
    /// <summary>
    /// For a lead: when its 48-hour update falls due (UTC), <c>Situations:UpdateDueHours</c> after the table's discussion,
    /// or after it was named or asked again when a co-chair changed the lead. Null for assisting agencies.
    /// </summary>
    public DateTimeOffset? UpdateDueAt { get; private set; }
    /// <summary>When a co-chair released the agency (UTC), and who.</summary>
    public DateTimeOffset? ReleasedAt { get; private set; }
    public string? ReleasedByEmail { get; private set; }

    /// <summary>Still part of the situation (asked, accepted or declined), as opposed to released.</summary>
    public bool IsCurrent => State != AssignmentState.Released;

    internal void Accept(string byEmail, DateTimeOffset at)
    {
        State = AssignmentState.Accepted;
        RespondedByEmail = byEmail;
        RespondedAt = at;
        DeclineReason = null;
    }

    internal void Decline(string byEmail, string reason, DateTimeOffset at)
    {
        State = AssignmentState.Declined;
        RespondedByEmail = byEmail;
        RespondedAt = at;
        DeclineReason = reason;
    }

    internal void RequestAgain(DateTimeOffset at, DateTimeOffset? updateDueAt)
    {
        State = AssignmentState.Requested;
        RequestedAt = at;
        RespondedByEmail = null;
        RespondedAt = null;
        DeclineReason = null;
        if (Role == AssignmentRole.Lead) UpdateDueAt = updateDueAt;
    }

    internal void EnsureUpdateDue(DateTimeOffset dueAt) => UpdateDueAt ??= dueAt;

    internal void Release(string byEmail, DateTimeOffset at)
    {
        State = AssignmentState.Released;
        ReleasedAt = at;
        ReleasedByEmail = byEmail;
    }
}

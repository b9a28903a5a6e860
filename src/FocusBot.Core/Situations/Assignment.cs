namespace FocusBot.Core.Situations;

public enum AssignmentRole
{
    Lead,
    Assisting,
}

public enum AssignmentState
{
    Requested,
    Accepted,
    Declined,
}

/// <summary>An agency named on a situation, as lead or assisting, and how it answered.</summary>
public sealed class Assignment
{
    private Assignment()
    {
        AgencyId = string.Empty;
    }

    internal Assignment(string agencyId, AssignmentRole role, DateTimeOffset requestedAt)
    {
        Id = Guid.CreateVersion7(requestedAt);
        AgencyId = agencyId;
        Role = role;
        State = AssignmentState.Requested;
        RequestedAt = requestedAt;
    }

    public Guid Id { get; private set; }
    public string AgencyId { get; private set; }
    public AssignmentRole Role { get; private set; }
    public AssignmentState State { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string? RespondedByEmail { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    /// <summary>Why the agency declined; seen by the co-chairs so they can name another agency.</summary>
    public string? DeclineReason { get; private set; }

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

    internal void RequestAgain(DateTimeOffset at)
    {
        State = AssignmentState.Requested;
        RequestedAt = at;
        RespondedByEmail = null;
        RespondedAt = null;
        DeclineReason = null;
    }
}

namespace FocusBot.Core.Reminders;

public enum ReminderKind
{
    /// <summary>Before the meeting (24 hours by default): each rep hears what their agency owes this meeting.</summary>
    MeetingDigest,
    /// <summary>Shortly before the meeting (1 hour by default): the de-identified agenda in the table's channel, with the join link.</summary>
    MeetingAgenda,
    /// <summary>12 hours before the 48-hour update falls due: the lead agency's reps.</summary>
    UpdateNudge,
    /// <summary>When the 48-hour update falls due without one: the lead agency's reps and the co-chairs.</summary>
    UpdateOverdue,
    /// <summary>Some hours after recording, the lead agency has not accepted: the co-chairs.</summary>
    UnacceptedAssignment,
}

public enum ReminderState
{
    Planned,
    /// <summary>A worker took it and is sending it; if the claim expires first, another worker takes it again.</summary>
    Claimed,
    Sent,
    /// <summary>Re-planning found it no longer applies (update posted, lead accepted, meeting moved or cancelled).</summary>
    Cancelled,
    /// <summary>Found due only after it stopped making sense (the bot was down): not sent late.</summary>
    SkippedStale,
    /// <summary>Could not be delivered (no conversation, Teams refused, or every attempt failed); the co-chairs were told.</summary>
    Failed,
}

/// <summary>
/// A message the bot owes someone at a given instant. Rows survive restarts; a worker claims a due row, sends it and
/// marks it sent. <see cref="PlanKey"/> (kind, table, situation, target, occurrence, lead time) is unique, so
/// planning twice never makes two.
/// </summary>
public sealed class Reminder
{
    private Reminder()
    {
        PlanKey = TableId = Target = string.Empty;
    }

    public Guid Id { get; private set; }
    public string PlanKey { get; private set; }
    public ReminderKind Kind { get; private set; }
    public string TableId { get; private set; }
    public string? SituationId { get; private set; }
    /// <summary>A member (<c>member:e-mail</c>) or the table's channel (<c>channel</c>); see <see cref="ReminderTarget"/>.</summary>
    public string Target { get; private set; }
    /// <summary>What the reminder is about: the meeting's start, the 48-hour update's due time, or when the lead was asked.</summary>
    public DateTimeOffset Occurrence { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public string? JoinUrl { get; private set; }
    public ReminderState State { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimExpiresAt { get; private set; }
    /// <summary>After a failed attempt: not claimed again before this (UTC), so a retry waits out its backoff.</summary>
    public DateTimeOffset? RetryAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public bool IsAboutMeeting => Kind is ReminderKind.MeetingDigest or ReminderKind.MeetingAgenda;

    public static Reminder From(PlannedReminder planned, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PlanKey = planned.Key,
        Kind = planned.Kind,
        TableId = planned.TableId,
        SituationId = planned.SituationId,
        Target = planned.Target,
        // Stored as UTC instants: PostgreSQL's timestamptz takes no other offset.
        Occurrence = planned.Occurrence.ToUniversalTime(),
        DueAt = planned.DueAt.ToUniversalTime(),
        JoinUrl = planned.JoinUrl,
        State = ReminderState.Planned,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Brings a row that re-planning still wants up to date: a cancelled one comes back (meeting restored, situation re-opened).</summary>
    /// <returns>Whether anything changed.</returns>
    public bool Replan(PlannedReminder planned, DateTimeOffset now)
    {
        if (State is not (ReminderState.Planned or ReminderState.Cancelled)) return false;
        if (State == ReminderState.Planned && DueAt == planned.DueAt && JoinUrl == planned.JoinUrl) return false;
        State = ReminderState.Planned;
        DueAt = planned.DueAt.ToUniversalTime();
        JoinUrl = planned.JoinUrl;
        UpdatedAt = now;
        return true;
    }

    /// <returns>Whether it was planned (and is now cancelled).</returns>
    public bool Cancel(DateTimeOffset now)
    {
        if (State != ReminderState.Planned) return false;
        State = ReminderState.Cancelled;
        UpdatedAt = now;
        return true;
    }
}

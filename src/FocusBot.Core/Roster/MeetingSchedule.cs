namespace FocusBot.Core.Roster;

/// <summary>The table's regular weekly meeting, as the roster states it, in the table's time zone.</summary>
public sealed class MeetingSchedule
{
    public required DayOfWeek Day { get; set; }
    public required TimeOnly Start { get; set; }
    public required int Minutes { get; set; }
    /// <summary>The mailbox whose calendar holds the recurring meeting (Microsoft Graph).</summary>
    public string? Organizer { get; set; }
    /// <summary>How long before the meeting reminders go out; default 24 hours and 1 hour.</summary>
    public List<TimeSpan> RemindBefore { get; set; } = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];
    /// <summary>The Graph event id of the recurring series, once created or adopted.</summary>
    public string? CalendarEventId { get; set; }
}

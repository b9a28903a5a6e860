using FocusBot.Core.Roster;

namespace FocusBot.Core.Meetings;

/// <summary>Makes sure the table's recurring meeting exists in the organizer's calendar.</summary>
public interface IMeetingSeriesProvisioner
{
    /// <summary>
    /// Adopts the series named by <see cref="MeetingSchedule.CalendarEventId"/> when the calendar still has it, else
    /// creates a weekly series from the roster's schedule. Returns the series' event id, for the caller to store.
    /// </summary>
    Task<string> EnsureRecurringMeetingAsync(Table table, CancellationToken cancellationToken);
}

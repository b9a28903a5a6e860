using FocusBot.Core.Roster;

namespace FocusBot.Core.Meetings;

/// <summary>Where a table's meetings come from: Microsoft Graph when configured, else the roster's schedule.</summary>
public interface IMeetingCalendar
{
    /// <summary>The table's meetings that start in [<paramref name="from"/>, <paramref name="to"/>), earliest first.
    /// Cancelled occurrences are left out.</summary>
    Task<IReadOnlyList<MeetingOccurrence>> GetMeetingsAsync(Table table, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

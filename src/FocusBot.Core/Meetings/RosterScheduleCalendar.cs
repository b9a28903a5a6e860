using FocusBot.Core.Roster;

namespace FocusBot.Core.Meetings;

/// <summary>
/// The table's meetings as the roster's weekly schedule states them, at the same wall-clock time in the table's
/// time zone every week whatever daylight saving does.
/// </summary>
public sealed class RosterScheduleCalendar : IMeetingCalendar
{
    public Task<IReadOnlyList<MeetingOccurrence>> GetMeetingsAsync(
        Table table, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult(MeetingsBetween(table, from, to));

    /// <summary>The scheduled meetings that start in [<paramref name="from"/>, <paramref name="to"/>), earliest first.</summary>
    public IReadOnlyList<MeetingOccurrence> MeetingsBetween(Table table, DateTimeOffset from, DateTimeOffset to)
    {
        var zone = table.TimeZone;
        // One day either side: a meeting's local date can differ from the UTC date of the window's edges.
        var firstDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var lastDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);

        var meetings = new List<MeetingOccurrence>();
        for (var date = NextOnOrAfter(firstDate, table.Meeting.Day); date <= lastDate; date = date.AddDays(7))
        {
            var meeting = MeetingOn(date, table.Meeting, zone);
            if (meeting.Start >= from && meeting.Start < to)
            {
                meetings.Add(meeting);
            }
        }
        return meetings;
    }

    /// <summary>The first scheduled meeting that starts at or after <paramref name="instant"/>.</summary>
    public MeetingOccurrence NextMeetingFrom(Table table, DateTimeOffset instant) =>
        MeetingsBetween(table, instant, instant.AddDays(8))[0];

    private static MeetingOccurrence MeetingOn(DateOnly date, MeetingSchedule schedule, TimeZoneInfo zone)
    {
        var start = WallClock.ToInstant(date.ToDateTime(schedule.Start), zone);
        return new MeetingOccurrence(start, start.AddMinutes(schedule.Minutes), JoinUrl: null);
    }

    private static DateOnly NextOnOrAfter(DateOnly date, DayOfWeek day) =>
        date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
}

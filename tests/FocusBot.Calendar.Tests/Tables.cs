using FocusBot.Core.Roster;

namespace FocusBot.Calendar.Tests;

internal static class Tables
{
    public const string Organizer = "focus-rexdale@example.org";

    public static Table Rexdale(DayOfWeek day = DayOfWeek.Tuesday, string start = "10:00", string? calendarEventId = null) => new()
    {
        Id = "rexdale",
        Name = "Rexdale",
        Code = "RX",
        TimeZoneId = "America/Toronto",
        Meeting = new MeetingSchedule
        {
            Day = day,
            Start = TimeOnly.Parse(start),
            Minutes = 90,
            Organizer = Organizer,
            CalendarEventId = calendarEventId,
        },
    };

    public static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant + "Z").ToUniversalTime();
}

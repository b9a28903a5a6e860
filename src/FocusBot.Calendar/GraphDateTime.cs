using System.Globalization;
using FocusBot.Core.Meetings;
using Microsoft.Graph.Models;

namespace FocusBot.Calendar;

/// <summary>Reads Graph's wall-clock-plus-zone date times as instants.</summary>
public static class GraphDateTime
{
    public static bool TryToInstant(DateTimeTimeZone? value, out DateTimeOffset instant)
    {
        instant = default;
        if (value?.DateTime is not { Length: > 0 } text
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }
        if (parsed.Kind != DateTimeKind.Unspecified)
        {
            instant = new DateTimeOffset(parsed.ToUniversalTime());
            return true;
        }
        if (string.IsNullOrWhiteSpace(value.TimeZone) || value.TimeZone.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            instant = new DateTimeOffset(parsed, TimeSpan.Zero);
            return true;
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(value.TimeZone, out var zone))
        {
            return false;
        }
        instant = WallClock.ToInstant(parsed, zone);
        return true;
    }

    /// <summary>The format Graph expects for a wall-clock time paired with a time zone name.</summary>
    public static string WallClockText(DateTime wallTime) =>
        wallTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The format of calendarView's startDateTime and endDateTime.</summary>
    public static string InstantText(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}

namespace FocusBot.Core.Meetings;

/// <summary>Turns a wall-clock time in a time zone into the instant people in that zone mean by it.</summary>
public static class WallClock
{
    /// <summary>
    /// The instant at which clocks in <paramref name="zone"/> show <paramref name="wallTime"/>. A time the clocks skip
    /// (spring forward) becomes the first instant after the gap; a time they show twice (fall back) becomes the first
    /// of the two, while daylight time still holds.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime wallTime, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallTime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return FirstInstantAfterGap(local, zone);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var earliest = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, earliest);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static DateTimeOffset FirstInstantAfterGap(DateTime local, TimeZoneInfo zone)
    {
        // TimeZoneInfo does not expose transition instants, so find the jump by bisection: it lies between reading
        // the wall time with the widest and with the narrowest offset around it.
        var asUtc = DateTime.SpecifyKind(local, DateTimeKind.Utc);
        var offsets = new[] { zone.GetUtcOffset(asUtc.AddDays(-1)), zone.GetUtcOffset(asUtc.AddDays(1)) };
        var low = asUtc - offsets.Max();
        var high = asUtc - offsets.Min();
        while (high - low > TimeSpan.FromTicks(1))
        {
            var middle = low + (high - low) / 2;
            if (ClockReading(middle, zone) >= local)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }
        return new DateTimeOffset(high).ToOffset(zone.GetUtcOffset(high));
    }

    private static DateTime ClockReading(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(utc + zone.GetUtcOffset(utc), DateTimeKind.Unspecified);
}

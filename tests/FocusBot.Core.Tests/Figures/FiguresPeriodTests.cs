using FocusBot.Core.Figures;

namespace FocusBot.Core.Tests.Figures;

public sealed class FiguresPeriodTests
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    [Fact]
    public void The_period_includes_its_first_day_and_not_its_end()
    {
        var april = new FiguresPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1));

        Assert.True(april.Contains(new DateOnly(2026, 4, 1)));
        Assert.True(april.Contains(new DateOnly(2026, 4, 30)));
        Assert.False(april.Contains(new DateOnly(2026, 5, 1)));
        Assert.False(april.Contains(new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void An_instant_falls_on_the_day_it_is_in_the_tables_time_zone()
    {
        var april = new FiguresPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1));

        Assert.True(april.Contains(new DateTimeOffset(2026, 5, 1, 3, 59, 0, TimeSpan.Zero), Toronto));
        Assert.False(april.Contains(new DateTimeOffset(2026, 5, 1, 4, 0, 0, TimeSpan.Zero), Toronto));
        Assert.False(april.Contains(new DateTimeOffset(2026, 4, 1, 3, 59, 0, TimeSpan.Zero), Toronto));
    }

    public static TheoryData<string, string, string> RangePeriods => new()
    {
        { "America/Toronto", "2026-03-08", "2026-11-01" }, // both ends on a DST change day (spring forward, fall back)
        { "America/Toronto", "2026-03-09", "2026-11-02" }, // both ends the day after one
        { "America/Toronto", "2026-11-01", "2026-11-02" }, // one day, 25 hours long
        { "America/Toronto", "2026-03-08", "2026-03-09" }, // one day, 23 hours long
        { "America/Toronto", "2025-12-01", "2026-12-01" },
        { "UTC", "2026-04-01", "2026-05-01" },
        { "Pacific/Kiritimati", "2026-04-01", "2026-04-02" },
        { "Clock back at midnight", "2026-04-05", "2026-04-06" }, // 00:30 on the 5th becomes 23:30 on the 4th again
        { "Clock back at midnight", "2026-04-04", "2026-04-05" },
        { "Clock back at midnight", "2026-03-01", "2026-04-05" },
        { "Clock forward at midnight", "2026-10-04", "2026-10-05" }, // the 4th starts at 01:00
    };

    [Theory]
    [MemberData(nameof(RangePeriods))]
    public void The_utc_ranges_hold_exactly_the_instants_on_the_periods_days(string zoneId, string from, string to)
    {
        var zone = Zone(zoneId);
        var period = new FiguresPeriod(DateOnly.Parse(from), DateOnly.Parse(to));

        var ranges = period.UtcRangesIn(zone);

        Assert.Equal(ranges.OrderBy(r => r.From), ranges);
        var first = new DateTimeOffset(period.From.AddDays(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var last = new DateTimeOffset(period.To.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        for (var instant = first; instant < last; instant += TimeSpan.FromMinutes(1))
        {
            var at = instant;
            Assert.True(period.Contains(at, zone) == ranges.Any(r => r.From <= at && at < r.To), $"{at:O} in {zoneId}");
        }
    }

    [Fact]
    public void A_clock_going_back_across_midnight_at_the_start_splits_the_range()
    {
        var ranges = new FiguresPeriod(new DateOnly(2026, 4, 5), new DateOnly(2026, 4, 6)).UtcRangesIn(Zone("Clock back at midnight"));

        // 03:00 UTC is midnight at UTC-3; at 03:30 UTC (00:30) the clock goes back to 23:30 on the 4th, at UTC-4, so the
        // 5th begins again at 04:00 UTC.
        Assert.Equal(
            [(new DateTimeOffset(2026, 4, 5, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 5, 3, 30, 0, TimeSpan.Zero)),
             (new DateTimeOffset(2026, 4, 5, 4, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 6, 4, 0, 0, TimeSpan.Zero))],
            ranges);
    }

    /// <summary>A real zone, or a made-up one whose clock changes at midnight (as Chile's and Paraguay's have).</summary>
    private static TimeZoneInfo Zone(string id)
    {
        if (id is not ("Clock back at midnight" or "Clock forward at midnight")) return TimeZoneInfo.FindSystemTimeZoneById(id);
        // UTC-4 standard; UTC-3 from the first Sunday of October at 00:00 (then 01:00) to the first Sunday of April at 00:30 (then 23:30 the day before).
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 0, 0, 0), 10, 1, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 0, 30, 0), 4, 1, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(-4), id, id, id + " summer", [rule]);
    }

    [Theory]
    [InlineData("2026-04-01", "2026-04-01")]
    [InlineData("2026-04-02", "2026-04-01")]
    public void A_period_must_end_after_it_starts(string from, string to)
    {
        Assert.Throws<ArgumentException>(() => new FiguresPeriod(DateOnly.Parse(from), DateOnly.Parse(to)));
    }

    [Fact]
    public void The_last_twelve_months_end_with_today()
    {
        var period = FiguresPeriod.LastTwelveMonths(new DateOnly(2026, 3, 2));

        Assert.Equal((new DateOnly(2025, 3, 3), new DateOnly(2026, 3, 3)), (period.From, period.To));
    }
}

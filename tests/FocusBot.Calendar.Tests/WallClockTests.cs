using FocusBot.Core.Meetings;
using static FocusBot.Calendar.Tests.Tables;

namespace FocusBot.Calendar.Tests;

public sealed class WallClockTests
{
    [Theory]
    [InlineData("Europe/London", "2026-03-29T01:30", "2026-03-29T01:00")]
    [InlineData("Europe/London", "2026-10-25T01:30", "2026-10-25T00:30")]
    [InlineData("America/Toronto", "2026-07-01T10:00", "2026-07-01T14:00")]
    public void Wall_time_becomes_the_instant_the_zone_means(string zone, string wallTime, string expectedUtc)
    {
        var instant = WallClock.ToInstant(DateTime.Parse(wallTime), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(Utc(expectedUtc), instant);
    }

    [Fact]
    public void Instant_after_a_gap_carries_the_new_offset()
    {
        var instant = WallClock.ToInstant(
            DateTime.Parse("2026-03-08T02:30"), TimeZoneInfo.FindSystemTimeZoneById("America/Toronto"));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)), instant);
        Assert.Equal(TimeSpan.FromHours(-4), instant.Offset);
    }
}

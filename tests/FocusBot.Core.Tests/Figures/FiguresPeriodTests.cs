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

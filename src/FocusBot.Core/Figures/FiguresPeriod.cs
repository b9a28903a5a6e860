namespace FocusBot.Core.Figures;

/// <summary>
/// Whole days from <see cref="From"/> up to, not including, <see cref="To"/>, each day in the time zone of the table
/// the figure is about: a situation recorded at 23:30 in Toronto on 31 March counts in March, whatever UTC says.
/// </summary>
public sealed record FiguresPeriod
{
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public FiguresPeriod(DateOnly from, DateOnly to)
    {
        if (to <= from) throw new ArgumentException($"The period must end after it starts ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}).", nameof(to));
        From = from;
        To = to;
    }

    public DateOnly From { get; }
    /// <summary>The first day after the period.</summary>
    public DateOnly To { get; }

    public bool Contains(DateOnly day) => day >= From && day < To;

    public bool Contains(DateTimeOffset instant, TimeZoneInfo zone) =>
        Contains(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));

    /// <summary>
    /// The UTC instants from a day before <see cref="From"/> to a day after <see cref="To"/>: every instant that falls on one
    /// of the period's days in some time zone (offsets run from UTC-12 to UTC+14) is in it. For database filters that
    /// cannot convert to a table's time zone; what they find is then checked exactly.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) UtcWindow() =>
        (new DateTimeOffset(From.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
         new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary>The twelve months up to and including <paramref name="today"/>.</summary>
    public static FiguresPeriod LastTwelveMonths(DateOnly today) => new(today.AddDays(1).AddYears(-1), today.AddDays(1));
}

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

    /// <summary>
    /// Exactly the UTC instants that fall on one of the period's days in <paramref name="zone"/>
    /// (<see cref="Contains(DateTimeOffset, TimeZoneInfo)"/>), as half-open ranges [From, To), earliest first: one range,
    /// unless the zone's clock goes back across a midnight at one end of the period (then the hour lived twice is split).
    /// For database filters that compare instants and cannot convert them to a time zone.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> UtcRangesIn(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        // Offsets run from UTC-12 to UTC+14: only an instant within 15 hours of a boundary's midnight (read as UTC) can
        // fall on either side of it, so the offset matters near the two boundaries only. Cut there at every change of
        // offset, each piece then has one offset, and the days of the period are, in it, one range of instants.
        var (start, end) = (MidnightUtc(From), MidnightUtc(To));
        var cuts = new SortedSet<DateTimeOffset>();
        foreach (var boundary in new[] { start, end })
        {
            var (before, after) = (boundary - NearBoundary, boundary + NearBoundary);
            cuts.UnionWith([before, after]);
            if (OffsetChangeBetween(zone, before, after) is { } change) cuts.Add(change);
        }
        var ranges = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var (pieceFrom, pieceTo) in cuts.Zip(cuts.Skip(1)))
        {
            var offset = zone.GetUtcOffset(pieceFrom);
            var (from, to) = (Max(pieceFrom, start - offset), Min(pieceTo, end - offset));
            if (from >= to) continue;
            if (ranges.Count > 0 && ranges[^1].To == from) ranges[^1] = (ranges[^1].From, to);
            else ranges.Add((from, to));
        }
        return ranges;
    }

    private static readonly TimeSpan NearBoundary = TimeSpan.FromHours(15);

    private static DateTimeOffset MidnightUtc(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The first instant after <paramref name="from"/> with another offset than it, if the offset at <paramref name="to"/> differs (time zones change it at most once in 30 hours).</summary>
    private static DateTimeOffset? OffsetChangeBetween(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var first = zone.GetUtcOffset(from);
        if (zone.GetUtcOffset(to) == first) return null;
        var (same, changed) = (from.UtcTicks, to.UtcTicks);
        while (changed - same > 1)
        {
            var middle = same + (changed - same) / 2;
            if (zone.GetUtcOffset(new DateTimeOffset(middle, TimeSpan.Zero)) == first) same = middle;
            else changed = middle;
        }
        return new DateTimeOffset(changed, TimeSpan.Zero);
    }

    /// <summary>The twelve months up to and including <paramref name="today"/>.</summary>
    public static FiguresPeriod LastTwelveMonths(DateOnly today) => new(today.AddDays(1).AddYears(-1), today.AddDays(1));
}

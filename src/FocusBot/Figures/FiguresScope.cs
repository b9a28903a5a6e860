using System.Globalization;
using FocusBot.Core.Figures;
using FocusBot.Core.Roster;

namespace FocusBot.Figures;

/// <summary>
/// Which tables and which days the figures are for, read from <c>?table=&amp;from=&amp;to=</c>: one table the caller
/// co-chairs, or all of them; <c>from</c> (first day) and <c>to</c> (the day after the last) as yyyy-MM-dd in the table's
/// time zone, by default the twelve months up to and including today.
/// </summary>
public sealed record FiguresScope(IReadOnlyList<Table> Tables, FiguresPeriod Period)
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>
    /// The scope, or every problem with the parameters by name, each worded by <paramref name="describe"/> (English by
    /// default, as the REST API answers; the tab API passes its localized sentences).
    /// </summary>
    public static (FiguresScope? Scope, Dictionary<string, string[]> Problems) Read(
        string? table, string? from, string? to, IReadOnlyList<string> coChairedTables, IReadOnlyList<Table> roster, DateTimeOffset now,
        Func<FiguresScopeProblem, string>? describe = null)
    {
        describe ??= English;
        var problems = new Dictionary<string, string[]>();
        var visible = roster.Where(t => coChairedTables.Contains(t.Id, StringComparer.OrdinalIgnoreCase)).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var tables = visible;
        if (!string.IsNullOrWhiteSpace(table))
        {
            tables = visible.Where(t => string.Equals(t.Id, table.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            // An unknown table and another table's figures read the same.
            if (tables.Count == 0) problems["table"] = [describe(FiguresScopeProblem.TableNotYours)];
        }

        var fromDay = Day("from", from, problems, describe);
        var toDay = Day("to", to, problems, describe);
        if (problems.Count > 0) return (null, problems);

        var today = tables.Count == 0
            ? DateOnly.FromDateTime(now.UtcDateTime)
            : tables.Max(t => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, t.TimeZone).DateTime));
        var end = toDay ?? today.AddDays(1);
        var start = fromDay ?? end.AddYears(-1);
        if (end <= start)
        {
            problems["to"] = [describe(FiguresScopeProblem.EndNotAfterStart)];
            return (null, problems);
        }
        return (new FiguresScope(tables, new FiguresPeriod(start, end)), problems);
    }

    private static DateOnly? Day(string name, string? text, Dictionary<string, string[]> problems, Func<FiguresScopeProblem, string> describe)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problems[name] = [describe(FiguresScopeProblem.NotADate)];
            return null;
        }
        if (day < Earliest || day > Latest)
        {
            problems[name] = [describe(FiguresScopeProblem.OutOfRange)];
            return null;
        }
        return day;
    }

    /// <summary>The REST API's wording of each problem (English, by decision).</summary>
    public static string English(FiguresScopeProblem problem) => problem switch
    {
        FiguresScopeProblem.TableNotYours => "No table with this id is yours to see.",
        FiguresScopeProblem.NotADate => "Must be a date written yyyy-MM-dd.",
        FiguresScopeProblem.OutOfRange => "Must be between 2000-01-01 and 2999-12-31.",
        _ => "Must be after from: the period runs from the first day up to, not including, this one.",
    };
}

/// <summary>What can be wrong with <c>?table=&amp;from=&amp;to=</c>: an unknown table or one the caller does not co-chair
/// (<c>table</c>), a day not written yyyy-MM-dd or outside 2000-01-01..2999-12-31 (<c>from</c>, <c>to</c>), or <c>to</c> not after <c>from</c>.</summary>
public enum FiguresScopeProblem
{
    TableNotYours,
    NotADate,
    OutOfRange,
    EndNotAfterStart,
}

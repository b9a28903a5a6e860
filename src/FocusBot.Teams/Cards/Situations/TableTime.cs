using System.Globalization;
using FocusBot.Core.Roster;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>Instants as the table reads them: in the table's time zone, in Canadian English, with the zone named.</summary>
public static class TableTime
{
    private static readonly CultureInfo Canadian = CultureInfo.GetCultureInfo("en-CA");

    /// <summary>E.g. "Thursday 26 November 2026, 10:15 a.m. (Toronto time)".</summary>
    public static string Describe(DateTimeOffset instant, Table table) =>
        $"{Local(instant, table).ToString("dddd d MMMM yyyy, h:mm tt", Canadian)} ({ZoneName(table)})";

    /// <summary>E.g. "14 April 2026".</summary>
    public static string Describe(DateOnly day) => day.ToString("d MMMM yyyy", Canadian);

    public static DateTimeOffset Local(DateTimeOffset instant, Table table) => TimeZoneInfo.ConvertTime(instant, table.TimeZone);

    public static DateOnly Today(DateTimeOffset now, Table table) => DateOnly.FromDateTime(Local(now, table).DateTime);

    /// <summary>People know a zone by its city: "America/Toronto" is "Toronto time".</summary>
    public static string ZoneName(Table table)
    {
        var id = table.TimeZoneId;
        var city = id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return $"{city} time";
    }
}

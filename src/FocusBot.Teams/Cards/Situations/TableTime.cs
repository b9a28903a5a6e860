using System.Globalization;
using FocusBot.Core.Roster;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// Instants as the table reads them: in the table's time zone, in the current language (<see cref="BotLanguage"/>),
/// with the zone named. A card uses one family: the long one (<see cref="Describe(DateTimeOffset, Table)"/>,
/// <see cref="Long"/>, <see cref="Describe(DateOnly)"/>) or the short one (<see cref="Short"/>, for lists). The time of day
/// is joined with no-break spaces, so "7:34 a.m." or "7 h 34" never wraps. Every date FocusBot writes (cards, reminders,
/// agenda, history, figures) goes through here.
/// </summary>
public static class TableTime
{
    /// <summary>E.g. "Thursday 26 November 2026, 10:15 a.m. (Toronto time)" / "jeudi 26 novembre 2026 à 10 h 15 (heure de Toronto)".</summary>
    public static string Describe(DateTimeOffset instant, Table table) =>
        $"{Moment(Local(instant, table), "Format.Day")} ({ZoneName(table)})";

    /// <summary>E.g. "Thursday 26 November 2026, 10:15 a.m." / "jeudi 26 novembre 2026 à 10 h 15", for a card that names the zone once.</summary>
    public static string Long(DateTimeOffset instant, Table table) => Moment(Local(instant, table), "Format.Day");

    /// <summary>E.g. "Thursday 26 November 2026" / "jeudi 26 novembre 2026" ("mardi 1er décembre 2026" on the first).</summary>
    public static string Describe(DateOnly day) => day.ToString(DayPattern("Format.Day", day.Day), CultureInfo.CurrentCulture);

    /// <summary>A month as the long family names it: "November 2026" / "novembre 2026".</summary>
    public static string Month(int year, int month) =>
        new DateOnly(year, month, 1).ToString(Texts.Pattern("Format.Month"), CultureInfo.CurrentCulture);

    /// <summary>E.g. "Thu 26 Nov 2026, 10:15 a.m." / "jeu. 26 nov. 2026 à 10 h 15" (the card names the zone once).</summary>
    public static string Short(DateTimeOffset instant, Table table) => Moment(Local(instant, table), "Format.ShortDay");

    public static DateTimeOffset Local(DateTimeOffset instant, Table table) => TimeZoneInfo.ConvertTime(instant, table.TimeZone);

    public static DateOnly Today(DateTimeOffset now, Table table) => DateOnly.FromDateTime(Local(now, table).DateTime);

    /// <summary>People know a zone by its city: "America/Toronto" is "Toronto time" / "heure de Toronto".</summary>
    public static string ZoneName(Table table)
    {
        var id = table.TimeZoneId;
        return Texts.Get("Time.Zone", id[(id.LastIndexOf('/') + 1)..].Replace('_', ' '));
    }

    private static string Moment(DateTimeOffset local, string dayPattern)
    {
        var culture = CultureInfo.CurrentCulture;
        var time = local.ToString(Texts.Pattern("Format.Time"), culture).Replace(' ', '\u00A0');
        return Texts.Get("Time.DayAndTime", local.ToString(DayPattern(dayPattern, local.Day), culture), time);
    }

    /// <summary>
    /// The date pattern for a day of the month: the first has its own (<c>Format.DayFirst</c>, <c>Format.ShortDayFirst</c>),
    /// since French writes it as an ordinal ("1er décembre", OQLF) where English writes "1 December".
    /// </summary>
    private static string DayPattern(string key, int dayOfMonth) => Texts.Pattern(dayOfMonth == 1 ? key + "First" : key);
}

using FocusBot.Core.Roster;

namespace FocusBot.Calendar;

/// <summary>The name under which Graph is told the table's time zone.</summary>
public static class GraphTimeZoneName
{
    // Graph accepts IANA names too, but Outlook's own clients and older mailboxes know the zones by their Windows names.
    public static string For(Table table) =>
        TimeZoneInfo.TryConvertIanaIdToWindowsId(table.TimeZoneId, out var windowsName) ? windowsName : table.TimeZoneId;
}

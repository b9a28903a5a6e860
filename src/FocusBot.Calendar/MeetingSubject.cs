using FocusBot.Core.Roster;

namespace FocusBot.Calendar;

/// <summary>The title of a table's recurring meeting, which also finds the series when its event id is not stored.</summary>
public static class MeetingSubject
{
    public static string For(Table table) => $"FOCUS {table.Name} situation table";
}

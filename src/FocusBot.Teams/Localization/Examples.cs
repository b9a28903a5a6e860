using FocusBot.Teams.Bot;

namespace FocusBot.Teams.Localization;

/// <summary>
/// Examples for help and refusals taken from the member's own roster (their table's id and situation code), written
/// the one way a placeholder is written on every card: bold, with nothing Teams could read as markup.
/// </summary>
public static class Examples
{
    /// <summary>The id of a table the member co-chairs, else of one they sit at, else a word for "table".</summary>
    public static string TableId(TurnMember who) =>
        (who.Tables.FirstOrDefault(t => who.Member.IsCoChairOf(t.Id)) ?? who.Tables.FirstOrDefault())?.Id ?? Texts.Get("Example.Table");

    /// <summary>A situation id of the member's table in the given year, e.g. <c>DM-2026-0001</c>.</summary>
    public static string SituationId(TurnMember who, int year) =>
        $"{who.Tables.FirstOrDefault()?.Code ?? "XX"}-{year}-0001";

    /// <summary>E.g. "**link demo**" / "**lier demo**".</summary>
    public static string LinkCommand(TurnMember who) => Command("Command.LinkChannel.Title", TableId(who));

    /// <summary>A command as typed, in bold, in the current language: its title and its argument, if any.</summary>
    public static string Command(string titleKey, string? argument = null) =>
        argument is null ? $"**{Texts.Get(titleKey)}**" : $"**{Texts.Get(titleKey)} {argument}**";
}

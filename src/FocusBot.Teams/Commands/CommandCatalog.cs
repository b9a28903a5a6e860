namespace FocusBot.Teams.Commands;

/// <summary>One command as the Teams app manifest lists it.</summary>
public sealed record CommandDescription(string Title, string Description, BotCommandKind Kind, bool InPersonalChat, bool InChannel);

/// <summary>
/// The commands the bot understands: the one source of truth for the parser's help text and the app manifest's
/// command lists (a test fails when the manifest drifts from it).
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandDescription> All { get; } =
    [
        new("help", "What FocusBot can do for you", BotCommandKind.Help, true, true),
        new("open situations", "Open situations of your tables", BotCommandKind.OpenSituations, true, true),
        new("my situations", "Situations your agency is on", BotCommandKind.MySituations, true, false),
        new("situation", "Show a situation, e.g. situation RX-2026-0142", BotCommandKind.ShowSituation, true, true),
        new("update", "Post an update, e.g. update RX-2026-0142", BotCommandKind.PostUpdate, true, false),
        new("new situation", "Record a situation (co-chairs)", BotCommandKind.NewSituation, true, true),
        new("agenda", "The next meeting and what must be reported", BotCommandKind.Agenda, true, true),
        new("stats", "Your table's figures", BotCommandKind.Stats, true, true),
        new("link", "Make this channel a table's channel, e.g. link rexdale (co-chairs)", BotCommandKind.LinkChannel, false, true),
    ];
}

using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Commands;

/// <summary>
/// One command as the Teams app manifest lists it; <see cref="Title"/> and <see cref="Description"/> are in the
/// current language (resources <c>Command.{Kind}.Title</c> and <c>Command.{Kind}.Description</c>).
/// </summary>
public sealed record CommandDescription(BotCommandKind Kind, bool InPersonalChat, bool InChannel, bool CoChairsOnly = false)
{
    /// <summary>What a member types, e.g. "open situations" / "situations ouvertes".</summary>
    public string Title => Texts.Get($"Command.{Kind}.Title");

    /// <summary>What it does, in a line (Teams shows at most 128 characters).</summary>
    public string Description => Texts.Get($"Command.{Kind}.Description");
}

/// <summary>
/// The commands the bot understands: the one source of truth for the help card and the app manifest's command lists
/// (<c>manifest.json</c> in English, <c>fr-ca.json</c> in French; a test fails when either drifts from it).
/// </summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandDescription> All { get; } =
    [
        new(BotCommandKind.Help, true, true),
        new(BotCommandKind.OpenSituations, true, true),
        new(BotCommandKind.MySituations, true, false),
        new(BotCommandKind.ShowSituation, true, true),
        new(BotCommandKind.PostUpdate, true, false),
        new(BotCommandKind.NewSituation, true, true, CoChairsOnly: true),
        new(BotCommandKind.Agenda, true, true),
        new(BotCommandKind.Stats, true, true, CoChairsOnly: true),
        new(BotCommandKind.LinkChannel, false, true, CoChairsOnly: true),
        new(BotCommandKind.Language, true, true),
    ];
}

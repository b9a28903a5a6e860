namespace FocusBot.Teams.Commands;

/// <summary>What a member asked the bot for.</summary>
public enum BotCommandKind
{
    Help,
    OpenSituations,
    MySituations,
    ShowSituation,
    PostUpdate,
    NewSituation,
    Agenda,
    Stats,
    LinkChannel,
    Unknown,
}

/// <summary>A typed command with its argument (a situation id or a table), if any.</summary>
public sealed record BotCommand(BotCommandKind Kind, string? Argument = null);

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
    /// <summary><c>language français</c> / <c>langue english</c>: the member's own language (argument <c>en-CA</c>, <c>fr-CA</c>, or null to ask).</summary>
    Language,
    Unknown,
}

/// <summary>A typed command with its argument (a situation id, a table or a language), if any.</summary>
public sealed record BotCommand(BotCommandKind Kind, string? Argument = null);

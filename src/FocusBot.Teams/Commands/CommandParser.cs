using System.Text.RegularExpressions;

namespace FocusBot.Teams.Commands;

/// <summary>
/// Reads what a member typed (the @mention already removed): case-insensitive, tolerant of small variations such as
/// "what's open?" or "Situation rx-2026-0142", and of the way text arrives from phones and other languages' keyboards
/// (see <see cref="CommandText.Normalize"/>).
/// </summary>
public static partial class CommandParser
{
    /// <summary>Commands are short; anything longer is not one, and is never scanned in full.</summary>
    public const int MaxCommandLength = 200;

    /// <summary>The command in the text; <see cref="BotCommandKind.Unknown"/> for anything else, blank or longer than <see cref="MaxCommandLength"/>.</summary>
    public static BotCommand Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxCommandLength) return new(BotCommandKind.Unknown);

        var normalized = Whitespace().Replace(CommandText.Normalize(text).Trim().ToLowerInvariant(), " ").Trim(' ', '?', '!', '.', '/').Replace('’', '\'');
        var (verb, argument) = SplitArgument(normalized);

        return verb switch
        {
            "help" or "hi" or "hello" or "start" or "commands" or "menu" => new(BotCommandKind.Help),
            "open situations" or "open" or "what's open" or "whats open" or "what is open" or "open situation" or "list"
                => new(BotCommandKind.OpenSituations),
            "my situations" or "my situation" or "mine" => new(BotCommandKind.MySituations),
            "situation" or "show" or "view" when argument is not null => new(BotCommandKind.ShowSituation, argument.ToUpperInvariant()),
            "update" or "post update" => new(BotCommandKind.PostUpdate, argument?.ToUpperInvariant()),
            "new situation" or "new" or "record situation" or "record a situation" => new(BotCommandKind.NewSituation),
            "agenda" or "next meeting" or "meeting" => new(BotCommandKind.Agenda),
            "stats" or "statistics" or "figures" => new(BotCommandKind.Stats, argument),
            "link" when argument is not null => new(BotCommandKind.LinkChannel, argument),
            _ when argument is null && SituationIdShape().IsMatch(verb) => new(BotCommandKind.ShowSituation, verb.ToUpperInvariant()),
            _ => new(BotCommandKind.Unknown),
        };
    }

    private static (string Verb, string? Argument) SplitArgument(string text)
    {
        foreach (var verb in (string[])["situation", "show", "view", "update", "post update", "link", "stats"])
        {
            if (text.StartsWith(verb + " ", StringComparison.Ordinal))
            {
                var argument = text[(verb.Length + 1)..].Trim();
                // Only a table's name may have spaces ("link downtown east"); an id never does.
                if (argument.Length > 0 && (verb == "link" || !argument.Contains(' '))) return (verb, argument);
            }
        }
        return (text, null);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[a-z]{2,4}-\d{4}-\d{4,}$")]
    private static partial Regex SituationIdShape();
}

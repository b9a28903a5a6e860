using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Commands;

/// <summary>
/// Reads what a member typed (the @mention already removed), in English or French (DESIGN.md, "Conversations" and
/// "Languages and accessibility"): case-insensitive, accents optional (<c>mise a jour</c> is <c>mise à jour</c>),
/// tolerant of small variations such as "what's open?" or "Situation rx-2026-0142", and of the way text arrives from
/// phones and other languages' keyboards (see <see cref="CommandText.Normalize"/>).
/// </summary>
public static partial class CommandParser
{
    /// <summary>Commands are short; anything longer is not one, and is never scanned in full.</summary>
    public const int MaxCommandLength = 200;

    // Verbs that take an argument, accents folded, longest first so "mise a jour" wins over "mise".
    private static readonly string[] VerbsWithArgument =
        ["post update", "mise a jour", "situation", "language", "statistiques", "update", "langue", "stats", "show", "view", "voir", "link", "lier"];

    /// <summary>The command in the text; <see cref="BotCommandKind.Unknown"/> for anything else, blank or longer than <see cref="MaxCommandLength"/>.</summary>
    public static BotCommand Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxCommandLength) return new(BotCommandKind.Unknown);

        var normalized = Whitespace().Replace(CommandText.Normalize(text).Trim().ToLowerInvariant(), " ").Trim(' ', '?', '!', '.', '/').Replace('’', '\'');
        var (verb, argument) = SplitArgument(normalized);

        return verb switch
        {
            "help" or "hi" or "hello" or "start" or "commands" or "menu" or "aide" or "bonjour" or "commandes"
                => new(BotCommandKind.Help),
            "open situations" or "open" or "what's open" or "whats open" or "what is open" or "open situation" or "list"
                or "situations ouvertes" or "ouvertes" or "qu'est-ce qui est ouvert" or "liste"
                => new(BotCommandKind.OpenSituations),
            "my situations" or "my situation" or "mine" or "mes situations" => new(BotCommandKind.MySituations),
            "situation" or "show" or "view" or "voir" when argument is not null => new(BotCommandKind.ShowSituation, argument.ToUpperInvariant()),
            "update" or "post update" or "mise a jour" => new(BotCommandKind.PostUpdate, argument?.ToUpperInvariant()),
            "new situation" or "new" or "record situation" or "record a situation" or "nouvelle situation" or "consigner une situation"
                => new(BotCommandKind.NewSituation),
            "agenda" or "next meeting" or "meeting" or "ordre du jour" or "prochaine reunion" or "reunion" => new(BotCommandKind.Agenda),
            "stats" or "statistics" or "figures" or "statistiques" or "chiffres" => new(BotCommandKind.Stats, argument),
            "link" or "lier" when argument is not null => new(BotCommandKind.LinkChannel, argument),
            "language" or "langue" => new(BotCommandKind.Language, argument is null ? null : LanguageNamed(argument)),
            _ when argument is null && SituationIdShape().IsMatch(verb) => new(BotCommandKind.ShowSituation, verb.ToUpperInvariant()),
            _ => new(BotCommandKind.Unknown),
        };
    }

    /// <summary><c>fr-CA</c> or <c>en-CA</c> for a language as people name it in either language; "" when not one of ours.</summary>
    private static string LanguageNamed(string argument) => Folded(argument) switch
    {
        "francais" or "french" or "fr" or "fr-ca" => BotLanguage.French,
        "english" or "anglais" or "en" or "en-ca" => BotLanguage.English,
        _ => "",
    };

    /// <summary>The verb with accents folded (for matching) and the argument as typed (a table's name keeps its accents).</summary>
    private static (string Verb, string? Argument) SplitArgument(string text)
    {
        var folded = Folded(text);
        foreach (var verb in VerbsWithArgument)
        {
            if (folded.StartsWith(verb + " ", StringComparison.Ordinal))
            {
                // Folding keeps the spaces, so the argument starts after as many words in the text as typed.
                var words = verb.Count(c => c == ' ') + 1;
                var argument = string.Join(' ', text.Split(' ').Skip(words)).Trim();
                // Only a table's name may have spaces ("link downtown east"); an id never does.
                if (argument.Length > 0 && (verb is "link" or "lier" || !argument.Contains(' '))) return (verb, argument);
            }
        }
        return (folded, null);
    }

    /// <summary>The text without accents: "réunion" reads as "reunion".</summary>
    private static string Folded(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) result.Append(c);
        }
        return result.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[a-z]{2,4}-\d{4}-\d{4,}$")]
    private static partial Regex SituationIdShape();
}

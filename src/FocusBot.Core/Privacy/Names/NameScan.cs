using System.Text.RegularExpressions;

namespace FocusBot.Core.Privacy;

/// <summary>A capitalised word of a text: its span (a possessive "'s" left out) and where its sentence starts.</summary>
public sealed record CapitalisedWord(int Start, int Length, string Word, bool StartsSentence, bool Masked)
{
    /// <summary>The first offset after the word.</summary>
    public int End => Start + Length;
}

/// <summary>
/// A text read for names: its capitalised words grouped in runs ("Humber River Hospital", "Tyrone Williams"), each
/// word marked when it lies inside a domain phrase or one of the roster's agency names.
/// </summary>
public sealed partial class NameScan
{
    private NameScan(string text, IReadOnlyList<IReadOnlyList<CapitalisedWord>> runs)
    {
        Text = text;
        Runs = runs;
    }

    /// <summary>The text scanned.</summary>
    public string Text { get; }

    /// <summary>Runs of capitalised words separated by single spaces or hyphens, in order.</summary>
    public IReadOnlyList<IReadOnlyList<CapitalisedWord>> Runs { get; }

    /// <summary>Scans <paramref name="text"/>, masking <see cref="DomainWords.Phrases"/> and the context's agency names.</summary>
    public static NameScan Of(string text, IdentifierContext context)
    {
        var masked = new bool[text.Length];
        foreach (var phrase in DomainWords.Phrases.Concat(context.AgencyNames))
        {
            if (string.IsNullOrWhiteSpace(phrase)) continue;
            for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(phrase, at + phrase.Length, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(masked, true, at, phrase.Length);
            }
        }

        var runs = new List<IReadOnlyList<CapitalisedWord>>();
        var run = new List<CapitalisedWord>();
        var previousEnd = -1;
        foreach (Match match in Word().Matches(text))
        {
            var word = match.Value;
            if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) word = word[..^2];
            word = word.TrimEnd('-', '\'', '’');
            var found = new CapitalisedWord(match.Index, word.Length, word, StartsSentence(text, match.Index),
                masked[match.Index]);
            var joined = previousEnd >= 0 && match.Index - previousEnd == 1 && text[previousEnd] is ' ' or '-';
            if (!joined && run.Count > 0)
            {
                runs.Add(run);
                run = [];
            }

            run.Add(found);
            previousEnd = match.Index + match.Length;
        }

        if (run.Count > 0) runs.Add(run);
        return new NameScan(text, runs);
    }

    /// <summary>Whether a run holds an institution or street word, which makes it a place or a program.</summary>
    public static bool IsInstitutional(IReadOnlyList<CapitalisedWord> run) =>
        run.Any(w => w.Masked || DomainWords.Institutional.Contains(w.Word));

    /// <summary>
    /// The capitalised word that starts at <paramref name="index"/> (after spaces, a comma, a colon or quotes), if
    /// any, with the rest of its run.
    /// </summary>
    public IReadOnlyList<CapitalisedWord> RunStartingAt(int index)
    {
        var at = index;
        while (at < Text.Length && Text[at] is ' ' or ',' or ':' or '"' or '\'' or '“' or '«' or '\u00A0') at++;
        foreach (var run in Runs)
        {
            var position = -1;
            for (var i = 0; i < run.Count; i++)
            {
                if (run[i].Start == at) position = i;
            }

            if (position >= 0) return run.Skip(position).ToList();
        }

        return [];
    }

    private static bool StartsSentence(string text, int index)
    {
        var at = index - 1;
        while (at >= 0 && text[at] is ' ' or '"' or '(' or '\'' or '“' or '«' or '\u00A0') at--;
        return at < 0 || text[at] is '.' or '!' or '?' or ';' or '\n' or '\r' or ':' or '-' or '•' or '*';
    }

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}'’-])\p{Lu}(?:['’]\p{Lu})?\p{Ll}[\p{L}'’-]*")]
    private static partial Regex Word();
}

namespace FocusBot.Core.Privacy;

/// <summary>
/// Checks free text for identifying details before it is stored: people's names, Social Insurance Numbers, dates of
/// birth, phone numbers, e-mail addresses, Ontario health card numbers, postal codes and street addresses, in English
/// and French. Each kind is found by named detectors; where two findings overlap the earliest, then the longest, wins.
/// It errs towards the table's everyday wording (situation ids, age groups, durations, counts, times, division numbers,
/// meeting and follow-up dates, agency, program and place names pass). It helps; it cannot catch everything: a name
/// it does not know, written in lower case with no cue, passes.
/// </summary>
public static class IdentifierGuard
{
    private static readonly IIdentifierDetector[] Detectors =
    [
        .. ContactPatterns.Detectors(),
        new SocialInsuranceNumberDetector(),
        new DateOfBirthDetector(),
        .. NameDetectors.All(),
    ];

    /// <summary>The detectors, in the order they are run, each with its name.</summary>
    public static IReadOnlyList<IIdentifierDetector> All => Detectors;

    /// <summary>Every identifying detail in <paramref name="text"/>, in order of position, none overlapping.</summary>
    public static IReadOnlyList<IdentifierFinding> Find(string? text, IdentifierContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // Invisible format characters (U+200B zero-width space, U+00AD soft hyphen, U+200E/F direction marks, ...) are
        // read past, so that "Tyr\u200Bone Williams" is a name; each finding is placed back in the text as written.
        var (readable, positions) = WithoutFormatCharacters(text);
        var candidates = Detectors.SelectMany(d => d.Find(readable, context))
            .Select(c => positions is null ? c : c with { Start = positions[c.Start], Length = positions[c.Start + c.Length - 1] + 1 - positions[c.Start] });
        var findings = new List<IdentifierFinding>();
        var end = 0;
        foreach (var candidate in candidates.OrderBy(c => c.Start).ThenByDescending(c => c.Length))
        {
            if (candidate.Start >= end)
            {
                findings.Add(candidate);
                end = candidate.Start + candidate.Length;
            }
        }

        return findings;
    }

    /// <summary>The text without its format characters, and where each remaining character is in the text (null: none removed).</summary>
    private static (string Readable, int[]? Positions) WithoutFormatCharacters(string text)
    {
        if (!text.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)) return (text, null);
        var readable = new System.Text.StringBuilder(text.Length);
        var positions = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.Format) continue;
            readable.Append(text[i]);
            positions.Add(i);
        }
        return (readable.ToString(), [.. positions]);
    }

    /// <summary>Whether <paramref name="text"/> holds no identifying detail that the guard can see.</summary>
    public static bool IsClean(string? text, IdentifierContext context) => Find(text, context).Count == 0;

    /// <summary>
    /// The sentence shown to the writer (never logged): each finding with its passage quoted, then why. E.g.
    /// "Please remove what could identify someone: a person's name? 'Tyrone Williams'; a Social Insurance Number?
    /// '130 692 544'. Names and numbers that identify a person must not be written here; this check helps but cannot
    /// catch everything." Empty when there is nothing to remove. <paramref name="text"/> is the text the findings were
    /// made in; <paramref name="french"/> gives the French sentence, in the OQLF's typography as the resources are (no
    /// space before ? and ;, a no-break space before : and inside « »).
    /// </summary>
    public static string Describe(string text, IReadOnlyList<IdentifierFinding> findings, bool french = false)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            return string.Empty;
        }

        var quoted = findings
            .Select(f => french
                ? $"{IdentifierWording.French(f.Kind)}? «\u00A0{f.PassageIn(text)}\u00A0»"
                : $"{IdentifierWording.English(f.Kind).WithArticle}? '{f.PassageIn(text)}'")
            .Distinct();
        var list = string.Join("; ", quoted);
        return french
            ? $"Veuillez retirer ce qui pourrait identifier quelqu'un\u00A0: {list}. Les noms et les numéros qui identifient une personne ne doivent pas être écrits ici; cette vérification aide, mais ne peut pas tout repérer."
            : $"Please remove what could identify someone: {list}. Names and numbers that identify a person must not be written here; this check helps but cannot catch everything.";
    }
}

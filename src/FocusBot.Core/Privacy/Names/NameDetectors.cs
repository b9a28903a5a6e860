using System.Text.RegularExpressions;

namespace FocusBot.Core.Privacy;

/// <summary>
/// The ways a person's name shows itself in a note, English and French, each a detector of its own:
/// after an honorific, after "name is", after a kinship or role word, a given name with a family name, and a given
/// name alone. A run of capitalised words with an institution or street word in it ("Humber River Hospital"), a
/// domain phrase ("Jane and Finch", "Housing First") or one of the roster's agency names is never a name.
/// </summary>
public static class NameDetectors
{
    /// <summary>The five detectors, from the surest to the least sure.</summary>
    public static IEnumerable<IIdentifierDetector> All() =>
        [new HonorificName(), new IntroducedName(), new KinshipName(), new GivenAndFamilyName(), new LoneGivenName()];

    /// <summary>Whether a word can be (part of) a name that a cue points at.</summary>
    internal static bool CanBeNamed(CapitalisedWord word) =>
        !word.Masked && !DomainWords.Institutional.Contains(word.Word) && !DomainWords.NotNamesAlone.Contains(word.Word);

    /// <summary>The words from the first of <paramref name="run"/> to the end of its name (up to three words).</summary>
    internal static IdentifierFinding? NameFrom(IReadOnlyList<CapitalisedWord> run, string detector, Func<CapitalisedWord, bool> first)
    {
        if (run.Count == 0 || !first(run[0]) || NameScan.IsInstitutional(run)) return null;
        var last = run[0];
        foreach (var word in run.Skip(1).Take(2))
        {
            if (word.Masked || DomainWords.Institutional.Contains(word.Word)) break;
            last = word;
        }

        return new IdentifierFinding(IdentifierKind.PersonName, run[0].Start, last.End - run[0].Start, detector);
    }

    /// <summary>Cue-led detectors: a pattern for the cue, then the name that follows it.</summary>
    internal static IEnumerable<IdentifierFinding> AfterCue(string text, IdentifierContext context, Regex cue, string detector,
        Func<CapitalisedWord, bool> first)
    {
        NameScan? scan = null;
        foreach (Match match in cue.Matches(text))
        {
            scan ??= NameScan.Of(text, context);
            if (NameFrom(scan.RunStartingAt(match.Index + match.Length), detector, first) is { } finding)
            {
                yield return finding;
            }
        }
    }
}

/// <summary>"Mr. Samuel Adeyemi", "Mrs. Nguyen", "Dr Patel", "M. Tremblay", "Mme Gagnon", "Mlle Roy".</summary>
public sealed partial class HonorificName : IIdentifierDetector
{
    /// <inheritdoc/>
    public string Name => "name after an honorific";

    /// <inheritdoc/>
    public IEnumerable<IdentifierFinding> Find(string text, IdentifierContext context) =>
        NameDetectors.AfterCue(text, context, Honorific(), Name,
            w => !w.Masked && !DomainWords.Institutional.Contains(w.Word) && !IsCalendarOrLanguage(w.Word));

    private static bool IsCalendarOrLanguage(string word) =>
        DomainWords.NotNamesAlone.Contains(word) && !GivenNames.Contains(word) && word.Length > 0 &&
        (word.EndsWith("day", StringComparison.OrdinalIgnoreCase) || word.EndsWith("di", StringComparison.OrdinalIgnoreCase) ||
         word is "English" or "French" or "Français" or "Anglais");

    // "Dr" and "St" after a capitalised word are a street ("Kipling Dr"), not an honorific: hence the look-behind.
    [GeneratedRegex(@"(?<![\p{L}.])(?:(?<!\p{Lu}\p{Ll}+\s)(?i:dr)\b\.?|(?i:mr|mrs|ms|mx|mme|mlle|madame|monsieur|mademoiselle)\b\.?|Miss\b|M\.)(?=\s)")]
    private static partial Regex Honorific();
}

/// <summary>"name is Andre Thompson", "named Keisha", "goes by Jay", "s'appelle Julie", "nommé Marc Roy".</summary>
public sealed partial class IntroducedName : IIdentifierDetector
{
    /// <inheritdoc/>
    public string Name => "name after \"name is\"";

    /// <inheritdoc/>
    public IEnumerable<IdentifierFinding> Find(string text, IdentifierContext context)
    {
        foreach (var finding in NameDetectors.AfterCue(text, context, Cue(), Name, NameDetectors.CanBeNamed))
        {
            yield return finding;
        }

        // After the surest cues a name may be typed in lower case: "name is john smith".
        foreach (Match match in LowerCaseAfterSureCue().Matches(text))
        {
            var name = match.Groups["name"];
            if (GivenNames.Contains(name.Value.Split(' ')[0]))
            {
                yield return new IdentifierFinding(IdentifierKind.PersonName, name.Index, name.Length, Name);
            }
        }
    }

    [GeneratedRegex(@"(?i:\bname\s*(?:is|was|:|=|-)|\bnamed|\bcalled|\bgoes\s+by|\bknown\s+as|\bfirst\s+name|\blast\s+name|\bsurname|\bnommée?|\bs['’]appel+e|\bappelée?|\bprénom\s*(?:est|:)?|\bnom\s*(?:est|:)|\bsurnommée?)")]
    private static partial Regex Cue();

    [GeneratedRegex(@"(?i:\bname\s*(?:is|was|:)|\bs['’]appel+e|\bprénom\s*(?:est|:)?|\bgoes\s+by)\s+(?<name>\p{Ll}{2,}(?:\s\p{Ll}{2,})?)\b")]
    private static partial Regex LowerCaseAfterSureCue();
}

/// <summary>"his sister Keisha", "la mère, Julie", "her boyfriend Marcus Lee", "client Devon", "le voisin Marc".</summary>
public sealed partial class KinshipName : IIdentifierDetector
{
    /// <inheritdoc/>
    public string Name => "name after a kinship or role word";

    /// <inheritdoc/>
    public IEnumerable<IdentifierFinding> Find(string text, IdentifierContext context) =>
        NameDetectors.AfterCue(text, context, Cue(), Name, NameDetectors.CanBeNamed);

    [GeneratedRegex(@"(?i)\b(?:mother|mom|mum|father|dad|sister|brother|son|daughter|aunt|aunty|auntie|uncle|grandmother|grandma|granny|grandfather|grandpa|grandson|granddaughter|cousin|niece|nephew|wife|husband|partner|boyfriend|girlfriend|bf|gf|ex|ex-partner|ex-boyfriend|ex-girlfriend|fianc[ée]e?|stepmother|stepfather|stepdad|stepmom|stepson|stepdaughter|half-brother|half-sister|brother-in-law|sister-in-law|roommate|roomate|neighbour|neighbor|friend|caregiver|guardian|landlord|landlady|tenant|client|pt|patient|youth|child|kid|baby|infant|toddler|teen|resident|victim|suspect|accused|worker|mère|mere|père|pere|sœur|soeur|frère|frere|fils|fille|tante|oncle|grand-mère|grand-père|cousine?|nièce|neveu|épouse|époux|conjointe?|copain|copine|chum|blonde|voisine?|amie?|colocataire|locataire|propriétaire|tuteur|tutrice|enfant|bébé|jeune|cliente?|patiente?|victime|bénéficiaire)(?:['’]s)?(?![\p{L}-]),?")]
    private static partial Regex Cue();
}

/// <summary>"Tyrone Williams", "Andre Thompson", "met Marie-Claire Dubois": a known given name and a capitalised word.</summary>
public sealed class GivenAndFamilyName : IIdentifierDetector
{
    /// <inheritdoc/>
    public string Name => "given name and family name";

    /// <inheritdoc/>
    public IEnumerable<IdentifierFinding> Find(string text, IdentifierContext context)
    {
        foreach (var run in NameScan.Of(text, context).Runs)
        {
            if (run.Count < 2 || NameScan.IsInstitutional(run)) continue;
            for (var i = 0; i < run.Count - 1; i++)
            {
                var given = run[i];
                var family = run[i + 1];
                var givenFits = !given.Masked && GivenNames.Contains(given.Word) &&
                    (GivenNames.IsUnambiguous(given.Word) || !given.StartsSentence) &&
                    !(DomainWords.NotNamesAlone.Contains(given.Word) && DomainWords.NotNamesAlone.Contains(family.Word));
                if (givenFits && !family.Masked && !DomainWords.Institutional.Contains(family.Word))
                {
                    var last = i + 2 < run.Count && !DomainWords.NotNamesAlone.Contains(run[i + 2].Word) ? run[i + 2] : family;
                    yield return new IdentifierFinding(IdentifierKind.PersonName, given.Start, last.End - given.Start, Name);
                    break;
                }
            }
        }
    }
}

/// <summary>
/// "Keisha missed the f/u", "spoke with Tyrone": a known given name standing alone, if it is not also an ordinary word
/// ("Will", "Grace", "Pierre" alone pass) nor a place or a day ("Kennedy and Eglinton", "Tuesday").
/// </summary>
public sealed class LoneGivenName : IIdentifierDetector
{
    /// <inheritdoc/>
    public string Name => "given name";

    /// <inheritdoc/>
    public IEnumerable<IdentifierFinding> Find(string text, IdentifierContext context)
    {
        foreach (var run in NameScan.Of(text, context).Runs)
        {
            if (NameScan.IsInstitutional(run)) continue;
            foreach (var word in run.Where(w => !w.Masked && GivenNames.IsUnambiguous(w.Word) && !DomainWords.NotNamesAlone.Contains(w.Word)))
            {
                yield return new IdentifierFinding(IdentifierKind.PersonName, word.Start, word.Length, Name);
            }
        }
    }
}

using System.Text.RegularExpressions;

namespace FocusBot.Core.Privacy;

/// <summary>
/// Finds identifying details (phone numbers, e-mail addresses, Ontario health card numbers, postal codes,
/// dates, street addresses) in free text before it is stored. It errs towards the table's everyday wording:
/// situation ids, age groups, durations, counts, times, division numbers and years alone pass.
/// </summary>
public static partial class IdentifierGuard
{
    private const string Month =
        @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private const string Day = @"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?";

    // Words that follow a number in ordinary sentences ("2 nights on the street", "3 weeks at the shelter"),
    // and small words that cannot be part of a street's name.
    private const string NotAStreetName =
        @"(?!(?:the|a|an|on|in|at|of|to|and|or|for|with|from|by|per|into|onto|near|off|his|her|their|times?|" +
        @"minutes?|hours?|days?|nights?|weeks?|months?|years?|yrs?|children|kids?|people|persons?|adults?|youths?|" +
        @"visits?|calls?|agencies|officers?|members?|units?|sessions?|km|blocks?)\b)";

    private const string StreetNameWord = NotAStreetName + @"(?:\d+(?:st|nd|rd|th)|[a-z][a-z'.-]*)";

    private const string HouseNumber =
        @"(?<![\w-])(?:(?:unit|apt\.?|apartment|suite|ste\.?)\s*#?\s*\d+[a-z]?\s*[,-]?\s*)?(?:\d{1,5}\s*-\s*)?\d{1,5}[a-z]?";

    private const string StreetDirection = @"(?:\s+(?:n|s|e|w|north|south|east|west)\b\.?)?";

    [GeneratedRegex(@"(?<![\w.+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmailAddress();

    // 4-3-3 grouping, optionally followed by the two-letter version code.
    [GeneratedRegex(@"(?<![\w-])\d{4}([ -])\d{3}\1\d{3}(?:[ -]?[A-Z]{2})?(?![\w-])")]
    private static partial Regex GroupedHealthCard();

    [GeneratedRegex(@"(?<![\w-])\d{10}[ -]?[A-Z]{2}(?![\w-])")]
    private static partial Regex HealthCardWithVersion();

    [GeneratedRegex(@"(?<![\w-])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])")]
    private static partial Regex GroupedPhoneNumber();

    [GeneratedRegex(@"(?<![\w-])(?:\+?1)?\d{10}(?![\w-])")]
    private static partial Regex UngroupedTenDigits();

    [GeneratedRegex(@"(?<![\w-])\d{3}[-.]\d{4}(?![\w-])")]
    private static partial Regex LocalPhoneNumber();

    [GeneratedRegex(@"(?:health\s*card|health\s*number|ohip|hcn|\bhc\b)", RegexOptions.IgnoreCase)]
    private static partial Regex HealthCardWords();

    [GeneratedRegex(@"(?<![\w-])[abceghj-nprstvxy]\d[abceghj-nprstv-z][ -]?\d[abceghj-nprstv-z]\d(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex PostalCode();

    [GeneratedRegex(@"(?<![\w-])(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?![\w-])")]
    private static partial Regex YearFirstDate();

    [GeneratedRegex(@"(?<![\w-])(?:0?[1-9]|[12]\d|3[01])(?:([-/.])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)\d{2}|([/.])(?:0?[1-9]|[12]\d|3[01])\2\d{2})(?![\w-])")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?:" + Day + @"\s+(?:of\s+)?" + Month + @"\.?,?\s+|" + Month + @"\.?\s+" + Day + @",?\s+)(?:19|20)\d{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"\b(?:born|b\.|d\.?o\.?b\.?|date\s+of\s+birth)\s*(?::|-)?\s*(?:(?:in|on)\s+)?(?:" + Month + @"\.?\s+)?(?:" + Day + @",?\s+)?(?:" + Month + @"\.?,?\s+)?(?:19|20)\d{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex BirthYear();

    [GeneratedRegex(HouseNumber + @"\s+(?:" + StreetNameWord + @"\s+){1,3}" +
        @"(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|crescent|cres|crt|ct|lane|ln|parkway|pkwy|highway|hwy|" +
        @"terrace|terr|trail|trl|gardens|gdns|sq|cir|pl)\b\.?" + StreetDirection, RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddressPlainSuffix();

    // Suffixes that are everyday words ("2 safe places", "park") count only with a capitalised name before them.
    [GeneratedRegex(HouseNumber + @"\s+(?:[A-Z][A-Za-z'.-]*\s+){1,3}(?:Way|Place|Park|Square|Circle|Gate|Grove|Heights|Path|Row|Walk|Mews|Line)\b" + StreetDirection)]
    private static partial Regex StreetAddressWordSuffix();

    /// <summary>Every identifying detail in <paramref name="text"/>, in order of position, none overlapping.</summary>
    public static IReadOnlyList<IdentifierFinding> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var candidates = new List<IdentifierFinding>();
        Add(candidates, text, EmailAddress(), IdentifierKind.EmailAddress);
        Add(candidates, text, GroupedHealthCard(), IdentifierKind.HealthCardNumber);
        Add(candidates, text, HealthCardWithVersion(), IdentifierKind.HealthCardNumber);
        Add(candidates, text, GroupedPhoneNumber(), IdentifierKind.PhoneNumber);
        foreach (Match match in UngroupedTenDigits().Matches(text))
        {
            var kind = match.Length == 10 && FollowsHealthCardWords(text, match.Index) ? IdentifierKind.HealthCardNumber : IdentifierKind.PhoneNumber;
            candidates.Add(new IdentifierFinding(kind, match.Index, match.Length));
        }

        Add(candidates, text, LocalPhoneNumber(), IdentifierKind.PhoneNumber);
        Add(candidates, text, PostalCode(), IdentifierKind.PostalCode);
        Add(candidates, text, BirthYear(), IdentifierKind.DateOfBirth);
        Add(candidates, text, YearFirstDate(), IdentifierKind.DateOfBirth);
        Add(candidates, text, NumericDate(), IdentifierKind.DateOfBirth);
        Add(candidates, text, WrittenDate(), IdentifierKind.DateOfBirth);
        Add(candidates, text, StreetAddressPlainSuffix(), IdentifierKind.StreetAddress);
        Add(candidates, text, StreetAddressWordSuffix(), IdentifierKind.StreetAddress);

        // The earliest, then the longest, match wins where patterns overlap (a postal code inside an address line).
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

    /// <summary>Whether <paramref name="text"/> holds no identifying detail.</summary>
    public static bool IsClean(string? text) => Find(text).Count == 0;

    /// <summary>
    /// The sentence shown to the writer, e.g. "Please remove the phone number and the postal code: FocusBot
    /// never stores identifying details." Empty when there is nothing to remove.
    /// </summary>
    public static string Describe(IReadOnlyList<IdentifierFinding> findings)
    {
        if (findings.Count == 0)
        {
            return string.Empty;
        }

        var things = findings
            .GroupBy(f => f.Kind)
            .OrderBy(g => g.Min(f => f.Start))
            .Select(g => "the " + (g.Count() > 1 ? NamesOf(g.Key).Many : NamesOf(g.Key).One))
            .ToList();
        var list = things.Count == 1
            ? things[0]
            : string.Join(", ", things.Take(things.Count - 1)) + " and " + things[^1];
        return $"Please remove {list}: FocusBot never stores identifying details.";
    }

    /// <summary>How a kind is named to the writer: with its article, and in the plural.</summary>
    internal static (string Article, string One, string Many) NamesOf(IdentifierKind kind) => kind switch
    {
        IdentifierKind.PhoneNumber => ("a", "phone number", "phone numbers"),
        IdentifierKind.EmailAddress => ("an", "e-mail address", "e-mail addresses"),
        IdentifierKind.HealthCardNumber => ("a", "health card number", "health card numbers"),
        IdentifierKind.PostalCode => ("a", "postal code", "postal codes"),
        IdentifierKind.DateOfBirth => ("a", "date (possibly a date of birth)", "dates (possibly dates of birth)"),
        IdentifierKind.StreetAddress => ("a", "street address", "street addresses"),
        _ => ("an", "identifying detail", "identifying details"),
    };

    private static void Add(List<IdentifierFinding> candidates, string text, Regex pattern, IdentifierKind kind)
    {
        foreach (Match match in pattern.Matches(text))
        {
            candidates.Add(new IdentifierFinding(kind, match.Index, match.Length));
        }
    }

    private static bool FollowsHealthCardWords(string text, int index)
    {
        var from = Math.Max(0, index - 40);
        return HealthCardWords().IsMatch(text.AsSpan(from, index - from));
    }
}

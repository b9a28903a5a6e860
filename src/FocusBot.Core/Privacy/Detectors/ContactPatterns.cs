using System.Text.RegularExpressions;

namespace FocusBot.Core.Privacy;

/// <summary>
/// The patterns of contact details and numbers: phone numbers (North American, grouped or not), e-mail addresses,
/// Ontario health card numbers (10 digits, 4-3-3, with or without the two-letter version code), Canadian postal codes
/// and street addresses (a house number, a name and a street type).
/// </summary>
public static partial class ContactPatterns
{
    // Words that follow a number in ordinary sentences ("2 nights on the street", "3 weeks at the shelter"),
    // and small words that cannot be part of a street's name.
    private const string NotAStreetName =
        @"(?!(?:the|a|an|on|in|at|of|to|and|or|for|with|from|by|per|into|onto|near|off|his|her|their|times?|" +
        @"minutes?|hours?|days?|nights?|weeks?|months?|years?|yrs?|children|kids?|people|persons?|adults?|youths?|" +
        @"visits?|calls?|agencies|officers?|members?|units?|sessions?|km|blocks?)\b)";

    private const string StreetNameWord = NotAStreetName + @"(?:\d+(?:st|nd|rd|th)|[a-z][a-z'.-]*)";

    private const string HouseNumber =
        @"(?<![\w-])(?:(?:unit|apt\.?|apartment|suite|ste\.?|app\.?|appartement|logement)\s*#?\s*\d+[a-z]?\s*[,-]?\s*)?(?:\d{1,5}\s*-\s*)?\d{1,5}[a-z]?";

    private const string StreetDirection = @"(?:\s+(?:n|s|e|w|north|south|east|west|nord|sud|est|ouest)\b\.?)?";

    /// <summary>The detectors, each with its name.</summary>
    public static IEnumerable<IIdentifierDetector> Detectors() =>
    [
        new PatternDetector("e-mail address", IdentifierKind.EmailAddress, EmailAddress()),
        new PatternDetector("health card number, grouped", IdentifierKind.HealthCardNumber, GroupedHealthCard()),
        new PatternDetector("health card number with version code", IdentifierKind.HealthCardNumber, HealthCardWithVersion()),
        new PatternDetector("phone number, grouped", IdentifierKind.PhoneNumber, GroupedPhoneNumber()),
        new TenDigitDetector(),
        new PatternDetector("phone number, local", IdentifierKind.PhoneNumber, LocalPhoneNumber()),
        new PatternDetector("postal code", IdentifierKind.PostalCode, PostalCode()),
        new PatternDetector("street address", IdentifierKind.StreetAddress, StreetAddressPlainSuffix()),
        new PatternDetector("street address, named place", IdentifierKind.StreetAddress, StreetAddressWordSuffix()),
        new PatternDetector("street address, French", IdentifierKind.StreetAddress, FrenchStreetAddress()),
    ];

    [GeneratedRegex(@"(?<![\w.+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmailAddress();

    // 4-3-3 grouping, optionally followed by the two-letter version code.
    [GeneratedRegex(@"(?<![\w-])\d{4}([ -])\d{3}\1\d{3}(?:[ -]?[A-Z]{2})?(?![\w-])")]
    private static partial Regex GroupedHealthCard();

    [GeneratedRegex(@"(?<![\w-])\d{10}[ -]?[A-Z]{2}(?![\w-])")]
    private static partial Regex HealthCardWithVersion();

    // 416-555-0199, (416) 555-0199, and the area code set apart from the seven digits: "416 5550199", "(416)5550199".
    [GeneratedRegex(@"(?<![\w-])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]?\d{4}(?![\w-])")]
    private static partial Regex GroupedPhoneNumber();

    [GeneratedRegex(@"(?<![\w-])(?:\+?1)?\d{10}(?![\w-])")]
    internal static partial Regex UngroupedTenDigits();

    [GeneratedRegex(@"(?<![\w-])\d{3}[-.]\d{4}(?![\w-])")]
    private static partial Regex LocalPhoneNumber();

    [GeneratedRegex(@"(?:health\s*card|health\s*number|ohip|hcn|\bhc\b|carte\s+santé|assurance[-\s]santé|ramo)", RegexOptions.IgnoreCase)]
    internal static partial Regex HealthCardWords();

    [GeneratedRegex(@"(?<![\w-])[abceghj-nprstvxy]\d[abceghj-nprstv-z][ -]?\d[abceghj-nprstv-z]\d(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex PostalCode();

    [GeneratedRegex(HouseNumber + @"\s+(?:" + StreetNameWord + @"\s+){1,3}" +
        @"(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|crescent|cres|crt|ct|lane|ln|parkway|pkwy|highway|hwy|" +
        @"terrace|terr|trail|trl|gardens|gdns|sq|cir|pl)\b\.?" + StreetDirection, RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddressPlainSuffix();

    // Suffixes that are everyday words ("2 safe places", "park") count only with a capitalised name before them.
    [GeneratedRegex(HouseNumber + @"\s+(?:[A-Z][A-Za-z'.-]*\s+){1,3}(?:Way|Place|Park|Square|Circle|Gate|Grove|Heights|Path|Row|Walk|Mews|Line)\b" + StreetDirection)]
    private static partial Regex StreetAddressWordSuffix();

    // "12, rue Sainte-Catherine", "45 avenue des Pins", "300 boul. Lawrence".
    [GeneratedRegex(HouseNumber + @",?\s+(?:rue|avenue|av\.|boulevard|boul\.|chemin|ch\.|place|promenade|croissant|allée)\s+(?:de\s+la\s+|du\s+|des\s+|de\s+l'|de\s+)?\p{L}[\p{L}'-]*", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchStreetAddress();

    /// <summary>Ten digits run together: a health card number after health-card words, else a phone number.</summary>
    private sealed class TenDigitDetector : IIdentifierDetector
    {
        public string Name => "ten digits";

        public IEnumerable<IdentifierFinding> Find(string text, IdentifierContext context)
        {
            foreach (Match match in UngroupedTenDigits().Matches(text))
            {
                var from = Math.Max(0, match.Index - 40);
                var isHealthCard = match.Length == 10 && HealthCardWords().IsMatch(text.AsSpan(from, match.Index - from));
                yield return isHealthCard
                    ? new IdentifierFinding(IdentifierKind.HealthCardNumber, match.Index, match.Length, "health card number after health-card words")
                    : new IdentifierFinding(IdentifierKind.PhoneNumber, match.Index, match.Length, "phone number, ten digits");
            }
        }
    }
}

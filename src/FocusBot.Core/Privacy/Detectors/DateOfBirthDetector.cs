using System.Globalization;
using System.Text.RegularExpressions;

namespace FocusBot.Core.Privacy;

/// <summary>
/// A date of birth, in English or French. A date in a note is usually a meeting, a visit or a follow-up, so a date is
/// taken for a date of birth only when
/// <list type="bullet">
/// <item>a birth word comes just before it ("DOB", "d.o.b.", "born", "b.", "date of birth", "birthday", "né(e) le",
/// "date de naissance", "DDN"), with or without a day ("born in March 1999", "né en 1988");</item>
/// <item>an age follows it ("2001-04-17 (25 y/o)", "3 mars 1990, 36 ans"); or</item>
/// <item>it is a full date (day, month and year) more than <see cref="FarPastYears"/> years before the note is written:
/// notes speak of this year and the last few; a full date that old is most often someone's birth.</item>
/// </list>
/// Years alone ("since 2019"), months and years ("since March 2024") and recent dates ("f/u 2026-12-10") pass.
/// </summary>
public sealed partial class DateOfBirthDetector : IIdentifierDetector
{
    /// <summary>How many years before the day of writing a full date must be to count as a date of birth by itself.</summary>
    public const int FarPastYears = 10;

    private const string Month =
        @"(?<month>jan(?:uary|v\.?|vier)?|feb(?:ruary)?|f[ée]v(?:r\.?|rier)?|mar(?:ch|s)?|apr(?:il)?|avr(?:\.|il)?|may|mai|" +
        @"june?|juin|july?|juil(?:\.|let)?|aug(?:ust)?|ao[ûu]t|sept?(?:ember|embre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|d[ée]c(?:ember|embre)?)";

    private const string Day = @"(?<day>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er)?";
    private const string Year = @"(?<year>(?:19|20)\d{2})";

    /// <inheritdoc/>
    public string Name => "date of birth";

    /// <inheritdoc/>
    public IEnumerable<IdentifierFinding> Find(string text, IdentifierContext context)
    {
        foreach (Match match in BirthYear().Matches(text))
        {
            yield return new IdentifierFinding(IdentifierKind.DateOfBirth, match.Index, match.Length, "date after a birth word");
        }

        var farPast = context.WrittenOn.AddYears(-FarPastYears);
        foreach (var date in Dates(text, context.WrittenOn))
        {
            var detector =
                FollowsBirthWord(text, date.Match.Index) ? "date after a birth word"
                : AgeFollows().Match(text, date.Match.Index + date.Match.Length).Success ? "date followed by an age"
                : date.Value is { } value && value < farPast ? $"full date more than {FarPastYears} years ago"
                : null;
            if (detector is not null)
            {
                yield return new IdentifierFinding(IdentifierKind.DateOfBirth, date.Match.Index, date.Match.Length, detector);
            }
        }
    }

    private static bool FollowsBirthWord(string text, int index)
    {
        var from = Math.Max(0, index - 30);
        return BirthWord().IsMatch(text.AsSpan(from, index - from));
    }

    private sealed record FoundDate(Match Match, DateOnly? Value);

    private static IEnumerable<FoundDate> Dates(string text, DateOnly writtenOn)
    {
        var found = new List<FoundDate>();
        foreach (var pattern in new[] { YearFirstDate(), NumericDate(), WrittenDate(), YearlessDate() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                found.Add(new FoundDate(match, ValueOf(match, writtenOn)));
            }
        }

        var end = 0;
        foreach (var date in found.OrderBy(d => d.Match.Index).ThenByDescending(d => d.Match.Length))
        {
            if (date.Match.Index >= end)
            {
                end = date.Match.Index + date.Match.Length;
                yield return date;
            }
        }
    }

    private static DateOnly? ValueOf(Match match, DateOnly writtenOn)
    {
        if (!match.Groups["year"].Success) return null;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 100) year += year <= writtenOn.Year % 100 ? 2000 : 1900;

        int month, day;
        if (match.Groups["month"].Success && !char.IsAsciiDigit(match.Groups["month"].Value[0]))
        {
            month = MonthNumber(match.Groups["month"].Value);
            day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        }
        else if (match.Groups["month"].Success)
        {
            month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            // dd/mm/yyyy or mm/dd/yyyy: which is which does not matter for how old the date is, only that it is one.
            var a = int.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(match.Groups["b"].Value, CultureInfo.InvariantCulture);
            (day, month) = b <= 12 ? (a, b) : (b, a);
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static int MonthNumber(string name)
    {
        var n = name.ToLowerInvariant().Replace('é', 'e').Replace('û', 'u');
        return n switch
        {
            _ when n.StartsWith("jan") => 1,
            _ when n.StartsWith("fe") => 2,
            _ when n.StartsWith("mar") => 3,
            _ when n.StartsWith("ap") || n.StartsWith("av") => 4,
            _ when n.StartsWith("ma") => 5,
            _ when n.StartsWith("jun") || n.StartsWith("juin") => 6,
            _ when n.StartsWith("jul") || n.StartsWith("juil") => 7,
            _ when n.StartsWith("au") || n.StartsWith("ao") => 8,
            _ when n.StartsWith("sep") => 9,
            _ when n.StartsWith("oct") => 10,
            _ when n.StartsWith("nov") => 11,
            _ => 12,
        };
    }

    [GeneratedRegex(@"(?:\bborn\b|\bb\.|\bd\.?o\.?b\b\.?|date\s+of\s+birth|birth\s*date|birthday|\bbday\b|\bnée?s?\b|naissance|\bddn\b|anniversaire)\W*(?:\w+\W+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex BirthWord();

    [GeneratedRegex(@"\G\s*(?:\(\s*(?:age\s*|âge\s*)?\d{1,3}\s*(?:y/?o|yrs?|ans)?\s*\)|,?\s*(?:age[ds]?|âgée?\s+de)\s+\d{1,3}\b|,?\s*\d{1,3}\s*(?:y/?o\b|yrs?\s+old|years?\s+old|ans\b))", RegexOptions.IgnoreCase)]
    private static partial Regex AgeFollows();

    [GeneratedRegex(@"\b(?:born|b\.|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*year|née?s?|date\s+de\s+naissance|ddn)\s*(?::|-)?\s*(?:(?:in|on|en|le|in\s+the\s+year)\s+)?(?:" + Month + @"\.?\s+)?(?:(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er)?,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|déc)[a-zéû]*\.?,?\s+)?(?:19|20)\d{2}\b(?![-/.]\d)", RegexOptions.IgnoreCase)]
    private static partial Regex BirthYear();

    [GeneratedRegex(@"(?<![\w-])" + Year + @"([-/.])(?<month>0?[1-9]|1[0-2])\1(?<day>0?[1-9]|[12]\d|3[01])(?![\w-])")]
    private static partial Regex YearFirstDate();

    [GeneratedRegex(@"(?<![\w-])(?<a>0?[1-9]|[12]\d|3[01])(?:([-/.])(?<b>0?[1-9]|[12]\d|3[01])\1(?<year>(?:19|20)\d{2})|([/.])(?<b>0?[1-9]|[12]\d|3[01])\2(?<year>\d{2}))(?![\w-])")]
    private static partial Regex NumericDate();

    // "17 April 2001", "April 17, 2001", and the records' "17-Apr-2001".
    [GeneratedRegex(@"\b(?:" + Day + @"\s+(?:of\s+|de\s+)?" + Month + @"\.?,?\s+|" + Month + @"\.?\s+" + Day + @",?\s+|" + Day + "-" + Month + "-)" + Year + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"\b(?:" + Day + @"\s+(?:of\s+|de\s+)?" + Month + @"\b\.?|" + Month + @"\.?\s+" + Day + @"\b)", RegexOptions.IgnoreCase)]
    private static partial Regex YearlessDate();
}

using System.Text.RegularExpressions;

namespace FocusBot.Core.Privacy;

/// <summary>
/// A Social Insurance Number (NAS in French): nine digits in 3-3-3 groups (space, hyphen or dot) or run together,
/// that pass the Luhn check digit as every SIN does (Employment and Social Development Canada). Nine digits that fail
/// it are a case or file number, not a SIN.
/// </summary>
public sealed partial class SocialInsuranceNumberDetector : IIdentifierDetector
{
    /// <inheritdoc/>
    public string Name => "Social Insurance Number (Luhn-valid)";

    /// <inheritdoc/>
    public IEnumerable<IdentifierFinding> Find(string text, IdentifierContext context)
    {
        foreach (Match match in NineDigits().Matches(text))
        {
            if (IsLuhnValid(match.Value.Where(char.IsAsciiDigit)))
            {
                yield return new IdentifierFinding(IdentifierKind.SocialInsuranceNumber, match.Index, match.Length, Name);
            }
        }
    }

    /// <summary>Whether the digits pass the Luhn (mod 10) check.</summary>
    public static bool IsLuhnValid(IEnumerable<char> digits)
    {
        var sum = 0;
        var doubled = false;
        foreach (var digit in digits.Reverse())
        {
            var value = digit - '0';
            if (doubled)
            {
                value *= 2;
                if (value > 9) value -= 9;
            }

            sum += value;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"(?<![\w$.,/-])\d{3}(?:([ .-])\d{3}\1\d{3}|\d{6})(?![\w/-]|[.,]\d)")]
    private static partial Regex NineDigits();
}

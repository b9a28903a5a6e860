using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FocusBot.Core.Situations;

/// <summary>
/// A situation's number as the table says it: table code, year, then a number of at least four digits,
/// e.g. <c>RX-2026-0142</c>.
/// </summary>
public readonly partial record struct SituationId
{
    // Longest valid form is "ABCD-2026-999999"; anything much longer is refused before any parsing.
    private const int LongestInput = 40;
    private const int HighestNumber = 999_999;

    private SituationId(string code, int year, int number)
    {
        Code = code;
        Year = year;
        Number = number;
    }

    public string Code { get; }
    public int Year { get; }
    public int Number { get; }

    [GeneratedRegex(@"^([A-Z]{2,4})-([0-9]{4})-([0-9]{4,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^[A-Z]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();

    /// <exception cref="ArgumentException">The code is not 2–4 upper-case letters, or year or number is out of range.</exception>
    public static SituationId Create(string code, int year, int number)
    {
        if (code is null || !CodeShape().IsMatch(code))
        {
            throw new ArgumentException("A table code is 2 to 4 upper-case letters.", nameof(code));
        }

        if (year is < 2000 or > 2999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be between 2000 and 2999.");
        }

        if (number is < 1 or > HighestNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"The number must be between 1 and {HighestNumber}.");
        }

        return new SituationId(code, year, number);
    }

    /// <summary>Reads an id as a person might type it: any case, surrounding spaces ignored.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SituationId id)
    {
        id = default;
        if (text is null || text.Length > LongestInput)
        {
            return false;
        }

        var match = Shape().Match(text.Trim().ToUpperInvariant());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        if (year < 2000 || number < 1)
        {
            return false;
        }

        id = new SituationId(match.Groups[1].Value, year, number);
        return true;
    }

    /// <exception cref="FormatException">The text is not a situation id.</exception>
    public static SituationId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException("Not a situation id (expected e.g. RX-2026-0142).");

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Code}-{Year:D4}-{Number:D4}");
}

using System.Text.RegularExpressions;

namespace FocusBot.Core.Roster;

/// <summary>A deliberately plain check of a work e-mail address: one @, a dotted domain, no spaces.</summary>
public static partial class EmailAddress
{
    public static bool IsValid(string? text) => text is { Length: <= 254 } && Pattern().IsMatch(text);

    [GeneratedRegex(@"^[^@\s]{1,64}@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex Pattern();
}

using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace FocusBot.Teams.Cards;

/// <summary>
/// Text a member typed (a situation's summary, an update's note and next step, a decline reason), made to read as typed
/// where Teams reads Markdown: a card's <c>TextBlock</c> and <c>FactSet</c>, and a text message. Teams' Adaptive Card
/// subset (Microsoft's "Format cards in Teams") honours bold and italic (<c>**</c>, <c>*</c>, <c>_</c>), bulleted and
/// numbered lists at the start of a line (<c>- </c>, <c>* </c>, <c>+ </c>, <c>1. </c>, <c>1) </c>) and links
/// (<c>[text](url)</c>); those are escaped with a backslash, CommonMark's escape, and so is the backslash itself.
/// Headings, quotes, code and tables are not in the subset (Teams shows <c>#</c> and <c>&gt;</c> as typed), so
/// nothing is added before them: a backslash a client does not honour would show.
/// Never for an input's <c>value</c> (not Markdown there) nor for our own resources (their Markdown is meant).
/// </summary>
public static partial class UserText
{
    /// <summary>The text with every character Teams would read as formatting escaped; null stays null.</summary>
    [return: NotNullIfNotNull(nameof(typed))]
    public static string? ForCard(string? typed)
    {
        if (typed is null) return null;
        var escaped = new StringBuilder(typed.Length + 8);
        foreach (var c in typed)
        {
            if (c is '\\' or '*' or '_' or '[' or ']') escaped.Append('\\');
            escaped.Append(c);
        }
        var text = Bullet().Replace(escaped.ToString(), @"$1\$2");
        return Numbered().Replace(text, @"$1\$2");
    }

    // "- item" or "+ item" at the start of a line ("*" is escaped everywhere already).
    [GeneratedRegex(@"^([ \t]*)([-+])(?=[ \t\r]|$)", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    // "1. item" or "1) item" at the start of a line.
    [GeneratedRegex(@"^([ \t]*\d{1,9})([.)])(?=[ \t\r]|$)", RegexOptions.Multiline)]
    private static partial Regex Numbered();
}

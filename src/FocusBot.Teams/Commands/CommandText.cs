using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Commands;

/// <summary>
/// What a member typed, made readable before it is parsed: the @mentions taken out, Unicode NFKC (fullwidth
/// <c>ｏｐｅｎ</c> reads as <c>open</c>, a non-breaking space as a space), format characters such as U+200B (zero width
/// space) and U+200F (right-to-left mark) removed, and the dash variants U+2010–U+2015 and U+2212 (minus) read as
/// '-', so <c>situation DM‑2026‑0010</c> typed with non-breaking hyphens finds DM-2026-0010.
/// </summary>
public static partial class CommandText
{
    /// <summary>The text of a message without its mentions; "" when there is no text. Never throws, whatever the entities hold.</summary>
    public static string WithoutMentions(IActivity activity)
    {
        var text = (activity as IMessageActivity)?.Text ?? "";
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity?.Type, "mention", StringComparison.OrdinalIgnoreCase)) continue;
            // A mention's "text" is what Teams put in the message for it, e.g. "<at>FocusBot</at>".
            if (entity!.Properties?["text"] is { Type: JTokenType.String } mentionText && ((string?)mentionText) is { Length: > 0 } shown)
                text = text.Replace(shown, " ", StringComparison.Ordinal);
        }
        // Mentions Teams did not list as entities still arrive as <at>…</at>.
        return AtTag().Replace(text, " ");
    }

    /// <summary>The text in NFKC, without format characters, with every dash variant as '-'. Null reads as "".</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        string composed;
        try
        {
            composed = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Unpaired surrogates cannot be normalized; they are not part of any command either.
            composed = new string([.. text.Where(c => !char.IsSurrogate(c))]).Normalize(NormalizationForm.FormKC);
        }

        var result = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            result.Append(c is >= '\u2010' and <= '\u2015' or '\u2212' ? '-' : c);
        }
        return result.ToString();
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex AtTag();
}

using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Situations;

/// <summary>
/// A button press from one of our cards (Action.Execute invoke or Action.Submit message), read defensively: card
/// data comes from the client and may be forged, so every value is checked for type and length.
/// </summary>
public sealed class CardAction(string verb, JObject data, string? activityId = null)
{
    public const int MaxValueLength = 2000;

    public string Verb { get; } = verb;

    /// <param name="verb">The action's verb, or null to read it from <paramref name="data"/>.</param>
    /// <param name="data">The card's data: a JSON object, or its text (Action.Submit).</param>
    /// <param name="activityId">The id of the activity that carried the press (Teams' redelivery repeats it), or null.</param>
    /// <returns>The action, or null when there is no usable verb.</returns>
    public static CardAction? From(string? verb, object? data, string? activityId = null)
    {
        var json = data switch
        {
            JObject o => o,
            string s when s.Length <= 64 * 1024 => TryParse(s),
            _ => null,
        } ?? [];
        verb ??= json["verb"]?.Type == JTokenType.String ? (string?)json["verb"] : null;
        return string.IsNullOrWhiteSpace(verb) || verb.Length > 60 ? null : new CardAction(verb, json, activityId);
    }

    /// <summary>A text value, or null when it is missing, not text, or too long.</summary>
    public string? Text(string name)
    {
        var token = data[name];
        if (token is null || token.Type != JTokenType.String) return null;
        var value = ((string?)token)?.Trim();
        return string.IsNullOrEmpty(value) || value.Length > MaxValueLength ? null : value;
    }

    /// <summary>A whole number sent as a JSON number or as digits, or null when it is anything else.</summary>
    public int? Number(string name)
    {
        var token = data[name];
        return token?.Type switch
        {
            JTokenType.Integer when ((JValue)token).Value is long n && n is >= int.MinValue and <= int.MaxValue => (int)n,
            JTokenType.String when ((string?)token)?.Trim() is { Length: > 0 and <= 9 } text
                && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    /// <summary>A multi-select's value: Adaptive Cards send the chosen ids comma-separated.</summary>
    public IReadOnlyList<string> List(string name) =>
        Text(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(50).ToList() ?? [];

    /// <summary>
    /// Which submission of a form this is: the form's own <c>submissionId</c> (made when the card was built: letters,
    /// digits, <c>-_.:</c>, at most 64), else the id of the activity that carried it, so that Teams delivering the same
    /// invoke twice has one effect even from a card without one (DESIGN.md, "Delivery"). Null when there is neither.
    /// </summary>
    public string? SubmissionId(string field) =>
        Text(field) is { Length: <= 64 } id && Core.Situations.SituationWorkflow.IsSubmissionIdText(id)
            ? id
            : activityId is { Length: > 0 and <= 64 } ? $"activity:{activityId}" : null;

    /// <summary>Free text the member typed, kept whole (the domain checks its length) unless absurdly long.</summary>
    public string? TypedText(string name)
    {
        var token = data[name];
        return token?.Type == JTokenType.String && ((string?)token)!.Length <= 64 * 1024 ? (string?)token : null;
    }

    private static JObject? TryParse(string text)
    {
        try
        {
            return JObject.Parse(text);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}

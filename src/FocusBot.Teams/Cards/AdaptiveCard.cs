using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards;

/// <summary>
/// A small typed builder for Adaptive Card 1.5 JSON (the highest version Teams renders). We build the JSON
/// ourselves: the AdaptiveCards package is not available to this project, and the cards we need are few.
/// </summary>
public sealed class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    private readonly JsonArray _body = [];
    private readonly JsonArray _actions = [];
    private JsonObject? _refresh;

    public AdaptiveCard Add(JsonObject element)
    {
        _body.Add(element);
        return this;
    }

    /// <summary>Puts <paramref name="elements"/> at the top of the body, in their order (e.g. why a click was refused, above the card it was made on).</summary>
    public AdaptiveCard AddFirst(params JsonObject[] elements)
    {
        for (var i = elements.Length - 1; i >= 0; i--) _body.Insert(0, elements[i]);
        return this;
    }

    public AdaptiveCard Heading(string text) => Add(Element.Text(text, size: "Medium", weight: "Bolder"));

    public AdaptiveCard Text(string text, bool subtle = false) => Add(Element.Text(text, subtle: subtle));

    public AdaptiveCard Facts(params IEnumerable<(string Title, string Value)> facts) => Add(Element.Facts(facts));

    public AdaptiveCard Action(JsonObject action)
    {
        _actions.Add(action);
        return this;
    }

    /// <summary>
    /// Asks Teams to fetch a fresh copy of the card for each viewer (Universal Actions), so that everyone in a
    /// channel sees the current state and only their own buttons.
    /// </summary>
    public AdaptiveCard RefreshWith(string verb, object data, IEnumerable<string>? userIds = null)
    {
        _refresh = new JsonObject { ["action"] = Actions.Execute(Texts.Get("Action.Refresh"), verb, data) };
        if (userIds is not null) _refresh["userIds"] = new JsonArray([.. userIds.Select(id => JsonValue.Create(id))]);
        return this;
    }

    public JsonObject ToJson()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = _body.DeepClone(),
        };
        if (_actions.Count > 0) card["actions"] = _actions.DeepClone();
        if (_refresh is not null) card["refresh"] = _refresh.DeepClone();
        card["msteams"] = new JsonObject { ["width"] = "Full" };
        return card;
    }

    public override string ToString() => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}

/// <summary>
/// Body elements of a card. Text colours are the default or <c>Attention</c> (for what needs someone to act, always
/// said in words too): Teams' <c>Good</c>, <c>Warning</c> and <c>Accent</c> are too light on a light theme.
/// </summary>
public static class Element
{
    /// <summary>An <c>ActionSet</c> in the body: its buttons sit where it is, on a row of their own.</summary>
    public static JsonObject ActionSet(params JsonObject[] actions) =>
        new() { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. actions]) };

    public static JsonObject Text(string text, string? size = null, string? weight = null, bool subtle = false, string? color = null,
        string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (spacing is not null) block["spacing"] = spacing;
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (subtle) block["isSubtle"] = true;
        if (color is not null) block["color"] = color;
        return block;
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    public static JsonObject TextInput(string id, string label, string? value = null, bool multiline = false,
        int? maxLength = null, bool required = false, string? placeholder = null, string? error = null)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["isMultiline"] = multiline };
        if (value is not null) input["value"] = value;
        if (maxLength is not null) input["maxLength"] = maxLength;
        if (required) input["isRequired"] = true;
        if (placeholder is not null) input["placeholder"] = placeholder;
        if (error is not null) input["errorMessage"] = error;
        return input;
    }

    /// <summary>
    /// An <c>Input.ChoiceSet</c>. A drop-down (<paramref name="compact"/>) shows <paramref name="placeholder"/> while
    /// nothing is chosen, or by default "Choose one" / "Choose any that apply" in the reader's language: an empty box
    /// reads as broken on a phone.
    /// </summary>
    public static JsonObject ChoiceInput(string id, string label, IEnumerable<(string Value, string Title)> choices,
        string? value = null, bool multiSelect = false, bool required = false, bool compact = true, string? placeholder = null)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = compact ? "compact" : "expanded",
            ["isMultiSelect"] = multiSelect,
            // Long choices (often French ones) wrap instead of being cut with an ellipsis at a phone's width.
            ["wrap"] = true,
            ["choices"] = new JsonArray([.. choices.Select(c => new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        };
        if (value is not null) input["value"] = value;
        if (required) input["isRequired"] = true;
        if (compact) input["placeholder"] = placeholder ?? Texts.Get(multiSelect ? "Choice.PlaceholderMany" : "Choice.PlaceholderOne");
        return input;
    }
}

/// <summary>Card actions. Buttons use Universal Actions with an Action.Submit fallback for older clients.</summary>
public static class Actions
{
    public static JsonObject Execute(string title, string verb, object data, string? style = null)
    {
        var payload = JsonSerializer.SerializeToNode(data, CardJson.Options) as JsonObject ?? [];
        payload["verb"] = verb;
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = payload,
        };
        if (style is not null) action["style"] = style;
        action["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = payload.DeepClone() };
        return action;
    }

    public static JsonObject ShowCard(string title, AdaptiveCard card) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = WithoutTeamsExtras(card.ToJson()),
    };

    private static JsonObject WithoutTeamsExtras(JsonObject card)
    {
        card.Remove("$schema");
        card.Remove("msteams");
        return card;
    }
}

internal static class CardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

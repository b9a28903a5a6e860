using System.Text.Json.Nodes;
using FocusBot.Teams.Cards;

namespace FocusBot.Teams.Tests.Cards;

/// <summary>Reads a card the way a client does: from its JSON text.</summary>
internal static class CardReading
{
    public static JsonObject Json(AdaptiveCard card) => JsonNode.Parse(card.ToString())!.AsObject();

    /// <summary>Every object in the card, depth first, fallbacks and shown cards included.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Objects(child)) yield return inner;
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var inner in Objects(child)) yield return inner;
                }
                break;
        }
    }

    public static string? TypeOf(JsonObject obj) => obj["type"]?.GetValue<string>();

    public static IEnumerable<JsonObject> OfType(JsonObject card, string type) => Objects(card).Where(o => TypeOf(o) == type);

    /// <summary>
    /// The card's buttons, in the order they show: those of the body's own action sets (a row each), then the card's
    /// actions (not the refresh action, not fallbacks, not the buttons inside a show-card's form).
    /// </summary>
    public static IReadOnlyList<JsonObject> Buttons(JsonObject card) =>
    [
        .. (card["body"] as JsonArray ?? []).OfType<JsonObject>().Where(e => TypeOf(e) == "ActionSet")
            .SelectMany(set => set["actions"]!.AsArray().Select(a => a!.AsObject())),
        .. card["actions"] is JsonArray actions ? actions.Select(a => a!.AsObject()) : [],
    ];

    public static IReadOnlyList<string> ButtonTitles(JsonObject card) => [.. Buttons(card).Select(b => (string)b["title"]!)];

    public static JsonObject Button(JsonObject card, string title) =>
        Assert.Single(Buttons(card), b => (string?)b["title"] == title);

    public static JsonArray Body(JsonObject card) => card["body"]!.AsArray();

    public static JsonObject Input(JsonObject card, string id) =>
        Assert.Single(Objects(card), o => (TypeOf(o) ?? "").StartsWith("Input.", StringComparison.Ordinal) && (string?)o["id"] == id);

    /// <summary>The body element right after the input with that id.</summary>
    public static JsonObject? After(JsonObject card, string id)
    {
        var body = Body(card);
        var index = body.Select((e, i) => (e, i)).Single(x => (string?)x.e!["id"] == id).i;
        return index + 1 < body.Count ? body[index + 1]!.AsObject() : null;
    }

    /// <summary>Every text a reader sees: text blocks, fact titles and values, button titles.</summary>
    public static IReadOnlyList<string> Texts(JsonObject card) =>
    [
        .. Objects(card).SelectMany(o => new[] { o["text"], o["title"], o["value"] })
            .OfType<JsonValue>()
            .Select(v => v.TryGetValue<string>(out var s) ? s : null)
            .OfType<string>(),
    ];

    public static IReadOnlyList<(string Title, string Value)> Facts(JsonObject card) =>
    [
        .. OfType(card, "FactSet").SelectMany(f => f["facts"]!.AsArray())
            .Select(f => ((string)f!["title"]!, (string)f["value"]!)),
    ];

    public static JsonObject TextBlock(JsonObject card, string text) =>
        Assert.Single(OfType(card, "TextBlock"), t => (string?)t["text"] == text);
}

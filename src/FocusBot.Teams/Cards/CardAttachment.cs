using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Cards;

public static class CardAttachment
{
    /// <summary>Bot Framework serializes with Newtonsoft.Json, so the card goes in as a JObject.</summary>
    public static Attachment From(AdaptiveCard card) => From(card.ToJson());

    public static Attachment From(JsonObject card) => new()
    {
        ContentType = AdaptiveCard.ContentType,
        Content = JObject.Parse(card.ToJsonString()),
    };

    public static IMessageActivity Message(AdaptiveCard card, string? summary = null)
    {
        var activity = MessageFactory.Attachment(From(card));
        if (summary is not null) activity.Summary = summary;
        return activity;
    }
}

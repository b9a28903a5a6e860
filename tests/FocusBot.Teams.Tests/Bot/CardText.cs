using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>Reads what a reply shows: its text, or every text in its Adaptive Card.</summary>
public static class CardText
{
    public static JObject? CardOf(IActivity reply) =>
        (reply as IMessageActivity)?.Attachments?.FirstOrDefault(a => a.ContentType == "application/vnd.microsoft.card.adaptive")?.Content as JObject;

    public static string Of(IActivity reply)
    {
        var message = (IMessageActivity)reply;
        var card = CardOf(reply);
        if (card is null) return message.Text ?? "";
        return string.Join("\n", card.Descendants().OfType<JProperty>()
            .Where(p => p.Name is "text" or "title" or "value" && p.Value.Type == JTokenType.String)
            .Select(p => p.Value.ToString()));
    }
}

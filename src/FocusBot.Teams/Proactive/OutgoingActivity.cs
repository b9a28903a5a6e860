using FocusBot.Core.Conversations;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Proactive;

/// <summary>Turns an <see cref="OutgoingMessage"/> into the message activity Bot Framework sends.</summary>
public static class OutgoingActivity
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static Activity From(OutgoingMessage message)
    {
        if (string.IsNullOrWhiteSpace(message.Text) && string.IsNullOrWhiteSpace(message.CardJson))
        {
            throw new ArgumentException("A message needs text, a card or both.", nameof(message));
        }

        var activity = (Activity)Activity.CreateMessageActivity();
        activity.Text = message.Text;
        if (message.CardJson is { } card)
        {
            // Bot Framework serializes with Newtonsoft: a JObject goes out as the card itself, not as a JSON string.
            activity.Attachments = [new Attachment(AdaptiveCardContentType, content: JObject.Parse(card))];
        }

        return activity;
    }
}

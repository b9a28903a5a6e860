using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Bot;

/// <summary>Teams deep links (https://teams.microsoft.com/l/...), which Teams opens in its own client from a tab.</summary>
public static class TeamsDeepLinks
{
    /// <summary>
    /// A link to one message of a chat: the conversation id read from a stored conversation reference (Bot Framework's
    /// JSON) and the message's activity id; null when the reference names no conversation.
    /// </summary>
    public static string? ToMessage(string referenceJson, string activityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        string? conversationId;
        try
        {
            conversationId = JObject.Parse(referenceJson)["conversation"]?["id"]?.Value<string>();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
        return string.IsNullOrWhiteSpace(conversationId)
            ? null
            : $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(conversationId)}/{Uri.EscapeDataString(activityId)}" +
              "?context=%7B%22contextType%22%3A%22chat%22%7D";
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FocusBot.Tests.Host;

/// <summary>Teams-shaped activities, as JSON, for posting to <c>/api/messages</c>.</summary>
public static class Activities
{
    public static JsonObject Message(string serviceUrl, string userId, string text, string conversationId = "a:personal-1") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Sam Example" },
        ["recipient"] = new JsonObject { ["id"] = "28:focusbot", ["name"] = "FocusBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };

    public static JsonObject Install(string serviceUrl, string userId)
    {
        var activity = Message(serviceUrl, userId, "");
        activity["type"] = "installationUpdate";
        activity["action"] = "add";
        activity.Remove("text");
        return activity;
    }

    /// <summary>An Adaptive Card Universal Action (<c>Action.Execute</c>) with this verb and data, as Teams sends it.</summary>
    public static JsonObject Invoke(string serviceUrl, string userId, string verb, JsonObject data, string conversationId = "a:personal-1")
    {
        var activity = Message(serviceUrl, userId, "", conversationId);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity) =>
        client.PostAsJsonAsync("/api/messages", activity);
}

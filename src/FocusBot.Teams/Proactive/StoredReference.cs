using FocusBot.Core.Conversations;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FocusBot.Teams.Proactive;

/// <summary>The conversation reference JSON kept in <see cref="IConversationStore"/> (Bot Framework's Newtonsoft shape).</summary>
public static class StoredReference
{
    private const string ThreadSuffix = ";messageid=";

    public static string Write(ConversationReference reference) => JsonConvert.SerializeObject(reference);

    public static ConversationReference Read(string json, ConversationAddress address)
    {
        var reference = JsonConvert.DeserializeObject<ConversationReference>(json)
            ?? throw new InvalidDataException($"The stored conversation reference of {address} is empty.");

        // A channel reference taken from a message names that message's thread; FocusBot starts a new post instead.
        if (address.Kind == ConversationKind.Channel && reference.Conversation?.Id is { } id
            && id.IndexOf(ThreadSuffix, StringComparison.OrdinalIgnoreCase) is var thread and >= 0)
        {
            reference.Conversation.Id = id[..thread];
        }

        return reference;
    }
}

namespace FocusBot.Core.Conversations;

public enum ConversationKind
{
    /// <summary>The bot's 1:1 chat with a member; the key is the member's e-mail.</summary>
    Personal,
    /// <summary>A team channel; the key is the Teams channel id.</summary>
    Channel,
}

/// <summary>Names a conversation the bot can write to, independent of Teams' own ids.</summary>
public sealed record ConversationAddress(ConversationKind Kind, string Key)
{
    public static ConversationAddress Personal(string memberEmail) => new(ConversationKind.Personal, memberEmail.ToLowerInvariant());
    public static ConversationAddress Channel(string channelId) => new(ConversationKind.Channel, channelId);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Key}";
}

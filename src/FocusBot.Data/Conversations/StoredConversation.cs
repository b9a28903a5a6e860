using FocusBot.Core.Conversations;

namespace FocusBot.Data.Conversations;

/// <summary>A conversation reference the bot keeps so it can write first.</summary>
public sealed class StoredConversation
{
    public required ConversationKind Kind { get; init; }
    public required string Key { get; init; }
    public required string ReferenceJson { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Set when Teams refused this conversation for good; cleared when the member is heard from again.</summary>
    public DateTimeOffset? UnreachableSince { get; set; }
    public string? UnreachableReason { get; set; }
    /// <summary>The team of a channel (so that archiving or deleting the team marks all its channels); null for a personal chat.</summary>
    public string? TeamId { get; set; }
}

/// <summary>Which team channel is a table's channel (set by a co-chair with <c>link</c>).</summary>
public sealed class TableChannelLink
{
    public required string TableId { get; init; }
    public required string ChannelKey { get; set; }
    public required DateTimeOffset LinkedAt { get; set; }
}

using FocusBot.Core.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FocusBot.Teams.Bot;

/// <summary>Where the current turn takes place, as an address the bot can write to later.</summary>
public static class ConversationReferences
{
    public static bool IsPersonal(IActivity activity) =>
        activity.Conversation?.ConversationType is null or "personal";

    /// <summary>The address of the turn's conversation: the member's personal chat, or the team channel / group chat.</summary>
    public static ConversationAddress? AddressOf(ITurnContext turnContext, string? memberEmail)
    {
        var activity = turnContext.Activity;
        if (IsPersonal(activity)) return memberEmail is null ? null : ConversationAddress.Personal(memberEmail);
        var channelId = ChannelIdOf(activity);
        return channelId is null ? null : ConversationAddress.Channel(channelId);
    }

    /// <summary>
    /// A reference that posts a new message to the conversation: for a channel, the channel itself rather than the
    /// thread the turn came from.
    /// </summary>
    public static string ReferenceJsonOf(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var reference = activity.GetConversationReference();
        if (!IsPersonal(activity) && ChannelIdOf(activity) is { } channelId)
        {
            reference.Conversation = new ConversationAccount(
                isGroup: reference.Conversation.IsGroup, id: channelId, name: reference.Conversation.Name,
                conversationType: reference.Conversation.ConversationType, tenantId: reference.Conversation.TenantId);
        }
        reference.ActivityId = null;
        return JsonConvert.SerializeObject(reference);
    }

    public static string? ChannelIdOf(IActivity activity)
    {
        var fromChannelData = (activity as Activity)?.TeamsGetChannelId();
        if (!string.IsNullOrEmpty(fromChannelData)) return fromChannelData;
        var id = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(id)) return null;
        var thread = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread > 0 ? id[..thread] : id;
    }
}

using FocusBot.Core.Telemetry;
using System.Runtime.ExceptionServices;
using FocusBot.Core.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Proactive;

/// <summary>
/// Sends and updates messages the bot writes on its own initiative, through the stored conversation reference (or a
/// personal chat it opens), paced by <see cref="SendPacer"/> and retried by the connector's retry policy, except a
/// throttle: a 429 is answered at once as <see cref="DeliveryStatus.Failed"/> with Teams' Retry-After, for the
/// dispatcher to release the row until then (<see cref="Resilience.ThrottlingReleasedToCaller"/>).
/// </summary>
public sealed class TeamsChatSender(
    CloudAdapter adapter,
    BotApplicationId bot,
    IConversationStore conversations,
    PersonalChatOpener opener,
    SendPacer pacer,
    UnreachableMembers unreachable,
    ILogger<TeamsChatSender> logger) : IChatSender
{
    public Task<DeliveryResult> SendAsync(ConversationAddress to, OutgoingMessage message, CancellationToken cancellationToken) =>
        CountedAsync("send", DeliverAsync(to, OutgoingActivity.From(message), openIfMissing: true,
            static (turn, activity, token) => turn.SendActivityAsync(activity, token), cancellationToken));

    public Task<DeliveryResult> UpdateAsync(ConversationAddress to, string activityId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        var activity = OutgoingActivity.From(message);
        activity.Id = activityId;
        return CountedAsync("update", DeliverAsync(to, activity, openIfMissing: false,
            static (turn, activity, token) => turn.UpdateActivityAsync(activity, token), cancellationToken));
    }

    private static async Task<DeliveryResult> CountedAsync(string operation, Task<DeliveryResult> delivery)
    {
        var result = await delivery;
        FocusBotTelemetry.Deliveries.Add(1, new KeyValuePair<string, object?>("focusbot.operation", operation),
            new KeyValuePair<string, object?>("focusbot.delivery", result.Status.ToString()));
        return result;
    }

    private async Task<DeliveryResult> DeliverAsync(
        ConversationAddress to,
        Activity activity,
        bool openIfMissing,
        Func<ITurnContext, Activity, CancellationToken, Task<ResourceResponse>> post,
        CancellationToken cancellationToken)
    {
        using var throttling = Resilience.ThrottlingReleasedToCaller.Begin();
        try
        {
            // Marked when Teams refused it for good or told us it is gone (channel deleted, team archived, app removed):
            // nothing goes there until the member or channel is heard from again (re-installed, linked again).
            if (await conversations.UnreachableReasonAsync(to, cancellationToken) is { } gone)
            {
                return new DeliveryResult(DeliveryStatus.Unreachable, Detail: gone);
            }

            if (await FindAsync(to, openIfMissing, cancellationToken) is not { } reference)
            {
                return new DeliveryResult(DeliveryStatus.NoConversation, Detail: $"The bot has no conversation with {to}");
            }

            await pacer.WaitTurnAsync(to.ToString(), cancellationToken);
            var response = await PostAsync(reference, activity, post, cancellationToken);
            return new DeliveryResult(DeliveryStatus.Delivered, response?.Id is { Length: > 0 } id ? id : activity.Id);
        }
        catch (Exception exception) when (ConnectorFailure.Classify(exception) is { } failure)
        {
            if (failure.Status == DeliveryStatus.Unreachable)
            {
                await unreachable.MarkAsync(to, failure.Detail!, cancellationToken);
            }
            else
            {
                // Expected (throttled, Teams busy): one line; the dispatcher tries again after its backoff.
                logger.LogWarning("Could not deliver to {Address} yet: {Detail}", to, failure.Detail);
            }

            return failure;
        }
    }

    private async Task<ConversationReference?> FindAsync(ConversationAddress to, bool openIfMissing, CancellationToken cancellationToken)
    {
        if (await conversations.FindAsync(to, cancellationToken) is { } json)
        {
            return StoredReference.Read(json, to);
        }

        return openIfMissing && to.Kind == ConversationKind.Personal ? await opener.OpenAsync(to, cancellationToken) : null;
    }

    private async Task<ResourceResponse?> PostAsync(
        ConversationReference reference,
        Activity activity,
        Func<ITurnContext, Activity, CancellationToken, Task<ResourceResponse>> post,
        CancellationToken cancellationToken)
    {
        ResourceResponse? response = null;
        ExceptionDispatchInfo? failure = null;
        await adapter.ContinueConversationAsync(bot.Value, reference, async (turn, token) =>
        {
            // Caught here, not by the adapter: an OnTurnError handler would swallow the failure (and try to apologise
            // in the very conversation that just refused us).
            try
            {
                response = await post(turn, activity, token);
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        }, cancellationToken);

        failure?.Throw();
        return response;
    }
}

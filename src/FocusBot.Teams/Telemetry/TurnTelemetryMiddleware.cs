using System.Diagnostics;
using FocusBot.Core.Telemetry;
using FocusBot.Teams.Commands;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Telemetry;

/// <summary>
/// One span (<c>focusbot.turn</c>) and one count per turn, tagged with what kind of turn it was and how it ended:
/// the activity type, the conversation type (personal | channel | groupChat), the command's kind (never its text
/// or argument) or the card action's verb, and the outcome (ok | error).
/// </summary>
public sealed class TurnTelemetryMiddleware : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var command = CommandOf(activity);
        using var span = FocusBotTelemetry.Source.StartActivity("focusbot.turn", ActivityKind.Internal);
        span?.SetTag("activity.type", activity.Type);
        span?.SetTag("focusbot.conversation.type", activity.Conversation?.ConversationType);
        span?.SetTag("focusbot.command", command);
        var outcome = "ok";
        try
        {
            await next(cancellationToken);
        }
        catch (Exception exception)
        {
            outcome = "error";
            // The exception's type only: its message may quote what was sent.
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
        finally
        {
            span?.SetTag("focusbot.outcome", outcome);
            FocusBotTelemetry.Turns.Add(1,
                new KeyValuePair<string, object?>("activity.type", activity.Type),
                new KeyValuePair<string, object?>("focusbot.command", command),
                new KeyValuePair<string, object?>("focusbot.outcome", outcome));
        }
    }

    /// <summary>The command's kind for a message, the card action's verb for an invoke or a submit; null otherwise.</summary>
    private static string? CommandOf(Microsoft.Bot.Schema.Activity activity)
    {
        if (activity.Type == ActivityTypes.Message)
        {
            if (!string.IsNullOrWhiteSpace(activity.Text)) return CommandParser.Parse(StripMention(activity.Text)).Kind.ToString();
            return activity.Value is null ? null : "card-submit:" + VerbOf(activity.Value);
        }
        return activity.Type == ActivityTypes.Invoke ? $"{activity.Name}:{VerbOf(activity.Value)}" : null;
    }

    private static string StripMention(string text) =>
        text.Contains("</at>", StringComparison.Ordinal) ? text[(text.LastIndexOf("</at>", StringComparison.Ordinal) + 5)..] : text;

    /// <summary>A card action's verb, kept only when it is a short token (our verbs are), so no typed text slips in.</summary>
    private static string VerbOf(object? value)
    {
        var token = value is null ? null : JToken.FromObject(value);
        var verb = (string?)token?.SelectToken("action.verb") ?? (string?)token?.SelectToken("verb");
        return verb is { Length: > 0 and <= 40 } && verb.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? verb : "unknown";
    }
}

using System.Net;
using FocusBot.Core.Conversations;
using Microsoft.Bot.Schema;
using Polly.Timeout;

namespace FocusBot.Teams.Proactive;

/// <summary>What a failed Bot Connector call means for the message, once the retry policy has given up.</summary>
internal static class ConnectorFailure
{
    public static DeliveryResult? Classify(Exception exception) => exception switch
    {
        ErrorResponseException { Response: { } response } refused => Refusal(response.StatusCode, refused.Body?.Error?.Code) with { RetryAfter = RetryAfterOf(response) },
        HttpRequestException transport => new(DeliveryStatus.Failed, Detail: $"Teams could not be reached: {transport.Message}"),
        TimeoutRejectedException => new(DeliveryStatus.Failed, Detail: "Teams did not answer in time"),
        _ => null,
    };

    /// <summary>Teams' Retry-After (Teams gives seconds), so the dispatcher waits at least that long before trying again.</summary>
    private static TimeSpan? RetryAfterOf(Microsoft.Rest.HttpResponseMessageWrapper response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var values) || values.FirstOrDefault() is not { } value) return null;
        return int.TryParse(value, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static DeliveryResult Refusal(HttpStatusCode status, string? code)
    {
        var detail = code is null ? $"Teams answered {(int)status}" : $"Teams answered {(int)status} ({code})";
        return status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            ? new(DeliveryStatus.Unreachable, Detail: detail)
            : new(DeliveryStatus.Failed, Detail: detail);
    }
}

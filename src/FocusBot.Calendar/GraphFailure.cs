using System.Text.Json;
using Azure.Identity;
using FocusBot.Core.Meetings;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace FocusBot.Calendar;

/// <summary>
/// Turns what the Graph SDK throws into our calendar exceptions, with messages an administrator can act on. The
/// messages carry no request ids or times, so the same problem reads the same way each time it happens.
/// </summary>
public static class GraphFailure
{
    public const string AccessHint =
        "The app registration needs the Microsoft Graph application permission Calendars.ReadWrite with admin consent, " +
        "and an Exchange application access policy (New-ApplicationAccessPolicy, or an RBAC for Applications scope) " +
        "that covers the organizer mailbox.";

    /// <summary>Whether <paramref name="exception"/> is a failure of Graph or of signing in, rather than a bug of ours.</summary>
    public static bool IsGraphFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        AggregateException retried => retried.InnerExceptions.All(inner => IsGraphFailure(inner, cancellationToken)),
        ApiException or AuthenticationFailedException or CredentialUnavailableException or HttpRequestException
            or JsonException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <param name="subject">What was being read or written, e.g. "the calendar of focus-rexdale@example.org".</param>
    public static CalendarUnavailableException Translate(Exception exception, string subject, int maxRetries) =>
        exception switch
        {
            // The retry handler gathers every failed attempt; the last one says how it ended.
            AggregateException { InnerExceptions.Count: > 0 } retried => Translate(retried.InnerExceptions[^1], subject, maxRetries),
            AuthenticationFailedException or CredentialUnavailableException => new CalendarAccessException(
                $"FocusBot could not sign in to Microsoft Graph for {subject}: check Graph:TenantId, Graph:ClientId " +
                "and the client secret, certificate or managed identity.", exception),
            ApiException { ResponseStatusCode: 401 or 403 } refused => new CalendarAccessException(
                $"Microsoft Graph refused access to {subject} (HTTP {refused.ResponseStatusCode}). {AccessHint}", exception),
            ApiException { ResponseStatusCode: 404 } => new CalendarUnavailableException(
                $"Microsoft Graph does not know {subject} (HTTP 404{CodeOf(exception)}): check the organizer mailbox " +
                "in the roster.", exception),
            ApiException { ResponseStatusCode: 429 or 503 or 504 } busy => new CalendarUnavailableException(
                $"Microsoft Graph was still throttling or unavailable (HTTP {busy.ResponseStatusCode}) after {maxRetries} " +
                $"retries on {subject}.", exception),
            ApiException failed => new CalendarUnavailableException(
                $"Microsoft Graph failed on {subject} (HTTP {failed.ResponseStatusCode}{CodeOf(exception)}).", exception),
            JsonException => new CalendarUnavailableException(
                $"Microsoft Graph's answer about {subject} could not be read.", exception),
            OperationCanceledException => new CalendarUnavailableException(
                $"Microsoft Graph did not answer in time about {subject}.", exception),
            _ => new CalendarUnavailableException($"Microsoft Graph could not be reached for {subject}.", exception),
        };

    private static string CodeOf(Exception exception) =>
        exception is ODataError { Error.Code: { Length: > 0 } code } ? $", {code}" : "";
}

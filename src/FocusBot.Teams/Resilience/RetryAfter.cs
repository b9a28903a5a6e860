using System.Net.Http.Headers;

namespace FocusBot.Teams.Resilience;

/// <summary>Reads the wait Teams asks for in a <c>Retry-After</c> header: a number of seconds or an HTTP date.</summary>
public static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage? response, DateTimeOffset now) =>
        response?.Headers.RetryAfter is { } header ? Of(header, now) : null;

    public static TimeSpan? Of(RetryConditionHeaderValue header, DateTimeOffset now)
    {
        var wait = header.Delta ?? header.Date - now;
        return wait is null ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}

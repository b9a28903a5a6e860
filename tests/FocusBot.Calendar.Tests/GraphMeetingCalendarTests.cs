using Azure.Core;
using Azure.Identity;
using FocusBot.Core.Meetings;
using Microsoft.Extensions.Options;
using Moq;
using static FocusBot.Calendar.Tests.Tables;

namespace FocusBot.Calendar.Tests;

public sealed class GraphMeetingCalendarTests : IAsyncLifetime
{
    private const string SeriesId = "series-rexdale";
    private static readonly DateTimeOffset From = Utc("2026-03-09T00:00");
    private static readonly DateTimeOffset To = Utc("2026-03-23T00:00");

    private GraphStandIn _graph = null!;
    private readonly RecordingLogger<GraphMeetingCalendar> _log = new();

    public async Task InitializeAsync() => _graph = await GraphStandIn.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task Asks_calendar_view_of_the_organizer_for_the_window_in_utc_with_a_token()
    {
        _graph.Answer = (_, _) => StandInAnswer.Ok("""{ "value": [] }""");

        await Calendar().GetMeetingsAsync(Rexdale(calendarEventId: SeriesId), From, To, CancellationToken.None);

        var request = Assert.Single(_graph.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v1.0/users/{Organizer}/calendarView", request.Path);
        Assert.Equal("2026-03-09T00:00:00.0000000Z", request.Query["startDateTime"]);
        Assert.Equal("2026-03-23T00:00:00.0000000Z", request.Query["endDateTime"]);
        Assert.Contains("seriesMasterId", request.Query["$select"]);
        Assert.Contains("onlineMeeting", request.Query["$select"]);
        Assert.Equal("outlook.timezone=\"UTC\"", request.Headers["Prefer"]);
        Assert.Equal($"Bearer {FakeTokenCredential.Token}", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task Moved_occurrence_is_at_its_real_time_and_cancelled_one_is_left_out()
    {
        _graph.Answer = (_, _) => StandInAnswer.Ok($$"""
            { "value": [
              {{Event("occ-1", "occurrence", "2026-03-10T14:00:00.0000000", "2026-03-10T15:30:00.0000000")}},
              {{Event("moved", "exception", "2026-03-18T18:00:00.0000000", "2026-03-18T19:30:00.0000000")}},
              {{Event("cancelled", "occurrence", "2026-03-24T14:00:00.0000000", "2026-03-24T15:30:00.0000000", cancelled: true)}},
              {{Event("other", "occurrence", "2026-03-11T14:00:00.0000000", "2026-03-11T15:00:00.0000000", series: "someone-elses")}}
            ] }
            """);

        var meetings = await Calendar().GetMeetingsAsync(Rexdale(calendarEventId: SeriesId), From, To.AddDays(7), CancellationToken.None);

        Assert.Equal(
            [
                new MeetingOccurrence(Utc("2026-03-10T14:00"), Utc("2026-03-10T15:30"), "https://teams.example/join/occ-1"),
                new MeetingOccurrence(Utc("2026-03-18T18:00"), Utc("2026-03-18T19:30"), "https://teams.example/join/moved"),
            ],
            meetings);
    }

    [Fact]
    public async Task Without_a_stored_series_id_the_series_is_found_by_its_subject()
    {
        _graph.Answer = (_, _) => StandInAnswer.Ok($$"""
            { "value": [
              {{Event("ours", "occurrence", "2026-03-10T14:00:00.0000000", "2026-03-10T15:30:00.0000000")}},
              {{Event("lunch", "singleInstance", "2026-03-10T16:00:00.0000000", "2026-03-10T17:00:00.0000000", series: null, subject: "Lunch")}}
            ] }
            """);

        var meetings = await Calendar().GetMeetingsAsync(Rexdale(), From, To, CancellationToken.None);

        Assert.Equal("https://teams.example/join/ours", Assert.Single(meetings).JoinUrl);
    }

    [Fact]
    public async Task Wall_clock_times_in_the_tables_zone_are_read_as_that_zones_instants()
    {
        _graph.Answer = (_, _) => StandInAnswer.Ok($$"""
            { "value": [
              {{Event("before", "occurrence", "2026-03-03T10:00:00.0000000", "2026-03-03T11:30:00.0000000", zone: "Eastern Standard Time")}},
              {{Event("after", "occurrence", "2026-03-10T10:00:00.0000000", "2026-03-10T11:30:00.0000000", zone: "America/Toronto")}}
            ] }
            """);

        var meetings = await Calendar().GetMeetingsAsync(Rexdale(calendarEventId: SeriesId), Utc("2026-03-01T00:00"), To, CancellationToken.None);

        Assert.Equal([Utc("2026-03-03T15:00"), Utc("2026-03-10T14:00")], meetings.Select(m => m.Start));
    }

    [Fact]
    public async Task Malformed_events_are_skipped_with_a_log_line_and_the_rest_are_kept()
    {
        _graph.Answer = (_, _) => StandInAnswer.Ok($$"""
            { "value": [
              { "id": "no-start", "type": "occurrence", "seriesMasterId": "{{SeriesId}}",
                "end": { "dateTime": "2026-03-10T15:30:00.0000000", "timeZone": "UTC" } },
              {{Event("bad-date", "occurrence", "the tenth of March", "2026-03-10T15:30:00.0000000")}},
              {{Event("bad-zone", "occurrence", "2026-03-10T14:00:00.0000000", "2026-03-10T15:30:00.0000000", zone: "Mars/Olympus_Mons")}},
              {{Event("bad-end", "occurrence", "2026-03-10T14:00:00.0000000", "")}},
              { "id": "start-not-an-object", "type": "occurrence", "seriesMasterId": "{{SeriesId}}", "start": "yesterday",
                "end": { "dateTime": "2026-03-10T15:30:00.0000000", "timeZone": "UTC" } },
              { "id": "start-a-number", "type": "occurrence", "seriesMasterId": "{{SeriesId}}", "start": { "dateTime": 42, "timeZone": 7 },
                "end": { "dateTime": "2026-03-10T15:30:00.0000000", "timeZone": "UTC" } },
              {{Event("good", "occurrence", "2026-03-17T14:00:00.0000000", "2026-03-17T15:30:00.0000000")}}
            ] }
            """);

        var meetings = await Calendar().GetMeetingsAsync(Rexdale(calendarEventId: SeriesId), From, To, CancellationToken.None);

        Assert.Equal("https://teams.example/join/good", Assert.Single(meetings).JoinUrl);
        foreach (var skipped in new[] { "no-start", "bad-date", "bad-zone", "bad-end", "start-not-an-object", "start-a-number" })
        {
            Assert.Contains(_log.Lines, line => line.StartsWith("Warning: Skipped calendar event " + skipped));
        }
    }

    [Fact]
    public async Task Every_page_of_the_calendar_view_is_read()
    {
        _graph.Answer = (request, index) => index == 0
            ? StandInAnswer.Ok($$"""
                { "@odata.nextLink": "{{_graph.BaseUrl}}/users/{{Organizer}}/calendarView?page=2",
                  "value": [ {{Event("first", "occurrence", "2026-03-10T14:00:00.0000000", "2026-03-10T15:30:00.0000000")}} ] }
                """)
            : StandInAnswer.Ok($$"""
                { "value": [ {{Event("second", "occurrence", "2026-03-17T14:00:00.0000000", "2026-03-17T15:30:00.0000000")}} ] }
                """);

        var meetings = await Calendar().GetMeetingsAsync(Rexdale(calendarEventId: SeriesId), From, To, CancellationToken.None);

        Assert.Equal(["https://teams.example/join/first", "https://teams.example/join/second"], meetings.Select(m => m.JoinUrl));
        Assert.Equal("2", _graph.Requests[1].Query["page"]);
        Assert.Equal("outlook.timezone=\"UTC\"", _graph.Requests[1].Headers["Prefer"]);
    }

    [Fact]
    public async Task Throttled_request_is_retried_after_the_time_graph_asks_for()
    {
        _graph.Answer = (_, index) => index == 0
            ? StandInAnswer.Error(429, "TooManyRequests", new Dictionary<string, string> { ["Retry-After"] = "1" })
            : StandInAnswer.Ok($$"""{ "value": [ {{Event("occ", "occurrence", "2026-03-10T14:00:00.0000000", "2026-03-10T15:30:00.0000000")}} ] }""");

        var meetings = await Calendar().GetMeetingsAsync(Rexdale(calendarEventId: SeriesId), From, To, CancellationToken.None);

        Assert.Single(meetings);
        Assert.Equal(2, _graph.Requests.Count);
        Assert.Equal("1", _graph.Requests[1].Headers["Retry-Attempt"]);
    }

    [Fact]
    public async Task Graph_that_stays_unavailable_is_given_up_after_the_configured_retries()
    {
        _graph.Answer = (_, _) => StandInAnswer.Error(503, "ServiceUnavailable", new Dictionary<string, string> { ["Retry-After"] = "0" });

        var failure = await Assert.ThrowsAsync<CalendarUnavailableException>(
            () => Calendar(maxRetries: 2).GetMeetingsAsync(Rexdale(), From, To, CancellationToken.None));

        Assert.Equal(3, _graph.Requests.Count);
        Assert.Contains("HTTP 503", failure.Message);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Refused_access_explains_the_permission_and_mailbox_policy_needed(int status)
    {
        _graph.Answer = (_, _) => StandInAnswer.Error(status, "ErrorAccessDenied");

        var failure = await Assert.ThrowsAsync<CalendarAccessException>(
            () => Calendar().GetMeetingsAsync(Rexdale(), From, To, CancellationToken.None));

        Assert.Contains(Organizer, failure.Message);
        Assert.Contains("Calendars.ReadWrite", failure.Message);
        Assert.Contains("admin consent", failure.Message);
        Assert.Contains("application access policy", failure.Message);
    }

    [Fact]
    public async Task Credentials_that_cannot_sign_in_are_an_access_problem_naming_the_settings()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AuthenticationFailedException("AADSTS7000215: Invalid client secret provided."));
        var options = new GraphOptions { ClientId = "client", BaseUrl = _graph.BaseUrl };
        var calendar = new GraphMeetingCalendar(
            GraphServiceClientFactory.Create(options, credential.Object), Options.Create(options), _log);

        var failure = await Assert.ThrowsAsync<CalendarAccessException>(
            () => calendar.GetMeetingsAsync(Rexdale(), From, To, CancellationToken.None));

        Assert.Contains("Graph:ClientId", failure.Message);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task Unknown_organizer_says_which_mailbox_graph_does_not_know()
    {
        _graph.Answer = (_, _) => StandInAnswer.Error(404, "ErrorInvalidUser");

        var failure = await Assert.ThrowsAsync<CalendarUnavailableException>(
            () => Calendar().GetMeetingsAsync(Rexdale(), From, To, CancellationToken.None));

        Assert.Equal(
            $"Microsoft Graph does not know the calendar of {Organizer} (HTTP 404, ErrorInvalidUser): check the organizer mailbox in the roster.",
            failure.Message);
    }

    [Fact]
    public async Task Table_without_an_organizer_is_a_calendar_problem_not_a_crash()
    {
        var table = Rexdale();
        table.Meeting.Organizer = null;

        var failure = await Assert.ThrowsAsync<CalendarUnavailableException>(
            () => Calendar().GetMeetingsAsync(table, From, To, CancellationToken.None));

        Assert.Contains("no meeting organizer", failure.Message);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task Answer_that_is_not_json_is_a_calendar_problem()
    {
        _graph.Answer = (_, _) => new StandInAnswer(200, "<html>proxy login</html>");

        await Assert.ThrowsAsync<CalendarUnavailableException>(
            () => Calendar().GetMeetingsAsync(Rexdale(), From, To, CancellationToken.None));
    }

    private GraphMeetingCalendar Calendar(int maxRetries = 3)
    {
        var options = new GraphOptions { ClientId = "client", BaseUrl = _graph.BaseUrl, MaxRetries = maxRetries };
        return new GraphMeetingCalendar(
            GraphServiceClientFactory.Create(options, new FakeTokenCredential()), Options.Create(options), _log);
    }

    private static string Event(
        string id, string type, string start, string end, bool cancelled = false, string? series = SeriesId,
        string zone = "UTC", string subject = "FOCUS Rexdale situation table") => $$"""
        {
          "id": "{{id}}", "type": "{{type}}", "subject": "{{subject}}", "isCancelled": {{(cancelled ? "true" : "false")}},
          "seriesMasterId": {{(series is null ? "null" : $"\"{series}\"")}},
          "start": { "dateTime": "{{start}}", "timeZone": "{{zone}}" },
          "end": { "dateTime": "{{end}}", "timeZone": "{{zone}}" },
          "onlineMeeting": { "joinUrl": "https://teams.example/join/{{id}}" }
        }
        """;
}

using System.Text.Json;
using FocusBot.Core.Meetings;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static FocusBot.Calendar.Tests.Tables;

namespace FocusBot.Calendar.Tests;

public sealed class GraphMeetingSeriesProvisionerTests : IAsyncLifetime
{
    private GraphStandIn _graph = null!;
    private readonly FakeTimeProvider _time = new(Utc("2026-03-04T12:00"));

    public async Task InitializeAsync() => _graph = await GraphStandIn.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task Creates_a_weekly_teams_meeting_from_the_next_meeting_date_in_the_tables_zone()
    {
        _graph.Answer = (_, _) => new StandInAnswer(201, """{ "id": "new-series" }""");

        var id = await Provisioner().EnsureRecurringMeetingAsync(Rexdale(), CancellationToken.None);

        Assert.Equal("new-series", id);
        var request = Assert.Single(_graph.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v1.0/users/{Organizer}/events", request.Path);
        Assert.Equal($"Bearer {FakeTokenCredential.Token}", request.Headers["Authorization"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("FOCUS Rexdale situation table", body.GetProperty("subject").GetString());
        AssertWallClock(body.GetProperty("start"), "2026-03-10T10:00:00");
        AssertWallClock(body.GetProperty("end"), "2026-03-10T11:30:00");
        var pattern = body.GetProperty("recurrence").GetProperty("pattern");
        Assert.Equal("weekly", pattern.GetProperty("type").GetString());
        Assert.Equal(1, pattern.GetProperty("interval").GetInt32());
        Assert.Equal(["tuesday"], pattern.GetProperty("daysOfWeek").EnumerateArray().Select(d => d.GetString()));
        var range = body.GetProperty("recurrence").GetProperty("range");
        Assert.Equal("noEnd", range.GetProperty("type").GetString());
        Assert.Equal("2026-03-10", range.GetProperty("startDate").GetString());
        Assert.Equal("Eastern Standard Time", range.GetProperty("recurrenceTimeZone").GetString());
        Assert.True(body.GetProperty("isOnlineMeeting").GetBoolean());
        Assert.Equal("teamsForBusiness", body.GetProperty("onlineMeetingProvider").GetString());
    }

    [Fact]
    public async Task Series_created_after_this_weeks_meeting_started_begins_next_week()
    {
        _time.SetUtcNow(Utc("2026-03-10T14:05"));
        _graph.Answer = (_, _) => new StandInAnswer(201, """{ "id": "new-series" }""");

        await Provisioner().EnsureRecurringMeetingAsync(Rexdale(), CancellationToken.None);

        var range = JsonDocument.Parse(Assert.Single(_graph.Requests).Body).RootElement.GetProperty("recurrence").GetProperty("range");
        Assert.Equal("2026-03-17", range.GetProperty("startDate").GetString());
    }

    [Fact]
    public async Task Stored_series_that_still_exists_is_adopted_without_creating_another()
    {
        _graph.Answer = (_, _) => StandInAnswer.Ok("""{ "id": "stored-series", "isCancelled": false }""");

        var id = await Provisioner().EnsureRecurringMeetingAsync(Rexdale(calendarEventId: "stored-series"), CancellationToken.None);

        Assert.Equal("stored-series", id);
        var request = Assert.Single(_graph.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v1.0/users/{Organizer}/events/stored-series", request.Path);
    }

    [Fact]
    public async Task Stored_series_that_was_deleted_is_replaced_by_a_new_one()
    {
        _graph.Answer = (request, _) => request.Method == "GET"
            ? StandInAnswer.Error(404, "ErrorItemNotFound")
            : new StandInAnswer(201, """{ "id": "replacement" }""");

        var id = await Provisioner().EnsureRecurringMeetingAsync(Rexdale(calendarEventId: "deleted-series"), CancellationToken.None);

        Assert.Equal("replacement", id);
        Assert.Equal(["GET", "POST"], _graph.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Refused_creation_explains_the_permission_and_mailbox_policy_needed()
    {
        _graph.Answer = (_, _) => StandInAnswer.Error(403, "ErrorAccessDenied");

        var failure = await Assert.ThrowsAsync<CalendarAccessException>(
            () => Provisioner().EnsureRecurringMeetingAsync(Rexdale(), CancellationToken.None));

        Assert.Contains("Calendars.ReadWrite", failure.Message);
        Assert.Contains("application access policy", failure.Message);
    }

    [Fact]
    public async Task Unknown_organizer_mailbox_is_named_in_the_failure()
    {
        _graph.Answer = (_, _) => StandInAnswer.Error(404, "ErrorInvalidUser");

        var failure = await Assert.ThrowsAsync<CalendarUnavailableException>(
            () => Provisioner().EnsureRecurringMeetingAsync(Rexdale(), CancellationToken.None));

        Assert.Contains(Organizer, failure.Message);
        Assert.Contains("404", failure.Message);
    }

    private static void AssertWallClock(JsonElement dateTimeTimeZone, string expected)
    {
        Assert.Equal(expected, dateTimeTimeZone.GetProperty("dateTime").GetString());
        Assert.Equal("Eastern Standard Time", dateTimeTimeZone.GetProperty("timeZone").GetString());
    }

    private GraphMeetingSeriesProvisioner Provisioner()
    {
        var options = new GraphOptions { ClientId = "client", BaseUrl = _graph.BaseUrl };
        return new GraphMeetingSeriesProvisioner(
            GraphServiceClientFactory.Create(options, new FakeTokenCredential()), new RosterScheduleCalendar(), _time,
            Options.Create(options), NullLogger<GraphMeetingSeriesProvisioner>.Instance);
    }
}

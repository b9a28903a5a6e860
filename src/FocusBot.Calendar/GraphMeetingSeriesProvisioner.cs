using FocusBot.Core.Meetings;
using FocusBot.Core.Roster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace FocusBot.Calendar;

/// <summary>
/// Keeps one weekly Teams meeting series per table in the organizer's calendar: adopts the stored one, or creates it
/// from the roster's schedule starting with the next meeting.
/// </summary>
public sealed class GraphMeetingSeriesProvisioner(
    GraphServiceClient graph,
    RosterScheduleCalendar schedule,
    TimeProvider time,
    IOptions<GraphOptions> options,
    ILogger<GraphMeetingSeriesProvisioner> logger) : IMeetingSeriesProvisioner
{
    public async Task<string> EnsureRecurringMeetingAsync(Table table, CancellationToken cancellationToken)
    {
        var organizer = GraphMeetingCalendar.OrganizerOf(table);
        if (table.Meeting.CalendarEventId is { Length: > 0 } storedId
            && await FindSeriesAsync(organizer, storedId, cancellationToken) is { } adopted)
        {
            return adopted;
        }
        return await CreateSeriesAsync(table, organizer, cancellationToken);
    }

    private async Task<string?> FindSeriesAsync(string organizer, string eventId, CancellationToken cancellationToken)
    {
        try
        {
            var found = await graph.Users[organizer].Events[eventId]
                .GetAsync(request => request.QueryParameters.Select = ["id", "isCancelled"], cancellationToken);
            return found is { IsCancelled: not true, Id: { Length: > 0 } id } ? id : null;
        }
        catch (ApiException missing) when (missing.ResponseStatusCode == 404)
        {
            logger.LogWarning("Meeting series {EventId} of {Organizer} is gone ({Code}); creating a new one",
                eventId, organizer, (missing as ODataError)?.Error?.Code);
            return null;
        }
        catch (Exception failure) when (GraphFailure.IsGraphFailure(failure, cancellationToken))
        {
            throw GraphFailure.Translate(failure, $"the meeting series {eventId} of {organizer}", options.Value.MaxRetries);
        }
    }

    private async Task<string> CreateSeriesAsync(Table table, string organizer, CancellationToken cancellationToken)
    {
        Event created;
        try
        {
            created = await graph.Users[organizer].Events.PostAsync(SeriesFor(table), cancellationToken: cancellationToken)
                ?? throw new CalendarUnavailableException($"Microsoft Graph answered nothing when creating the meeting of {organizer}.");
        }
        catch (Exception failure) when (GraphFailure.IsGraphFailure(failure, cancellationToken))
        {
            throw GraphFailure.Translate(failure, $"the calendar of {organizer}", options.Value.MaxRetries);
        }
        logger.LogInformation("Created the meeting series {EventId} of table {TableId} in the calendar of {Organizer}",
            created.Id, table.Id, organizer);
        return created.Id is { Length: > 0 } id
            ? id
            : throw new CalendarUnavailableException($"Microsoft Graph created the meeting of {organizer} but gave no event id.");
    }

    private Event SeriesFor(Table table)
    {
        var meeting = table.Meeting;
        var next = schedule.NextMeetingFrom(table, time.GetUtcNow());
        var firstDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(next.Start, table.TimeZone).DateTime);
        var start = firstDate.ToDateTime(meeting.Start);
        var zoneName = GraphTimeZoneName.For(table);
        return new Event
        {
            Subject = MeetingSubject.For(table),
            Start = new DateTimeTimeZone { DateTime = GraphDateTime.WallClockText(start), TimeZone = zoneName },
            End = new DateTimeTimeZone { DateTime = GraphDateTime.WallClockText(start.AddMinutes(meeting.Minutes)), TimeZone = zoneName },
            Recurrence = new PatternedRecurrence
            {
                Pattern = new RecurrencePattern
                {
                    Type = RecurrencePatternType.Weekly,
                    Interval = 1,
                    DaysOfWeek = [GraphDayOf(meeting.Day)],
                },
                Range = new RecurrenceRange
                {
                    Type = RecurrenceRangeType.NoEnd,
                    StartDate = new Date(firstDate.Year, firstDate.Month, firstDate.Day),
                    RecurrenceTimeZone = zoneName,
                },
            },
            IsOnlineMeeting = true,
            OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
        };
    }

    private static DayOfWeekObject? GraphDayOf(DayOfWeek day) => day switch
    {
        DayOfWeek.Sunday => DayOfWeekObject.Sunday,
        DayOfWeek.Monday => DayOfWeekObject.Monday,
        DayOfWeek.Tuesday => DayOfWeekObject.Tuesday,
        DayOfWeek.Wednesday => DayOfWeekObject.Wednesday,
        DayOfWeek.Thursday => DayOfWeekObject.Thursday,
        DayOfWeek.Friday => DayOfWeekObject.Friday,
        _ => DayOfWeekObject.Saturday,
    };
}

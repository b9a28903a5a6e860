using FocusBot.Core.Meetings;
using FocusBot.Core.Roster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace FocusBot.Calendar;

/// <summary>
/// The table's meetings as its organizer's Outlook calendar has them: moved occurrences at their new time,
/// cancelled ones left out, each with its Teams join link.
/// </summary>
public sealed class GraphMeetingCalendar(
    GraphServiceClient graph, IOptions<GraphOptions> options, ILogger<GraphMeetingCalendar> logger) : IMeetingCalendar
{
    private static readonly string[] Fields =
        ["id", "subject", "start", "end", "isCancelled", "seriesMasterId", "type", "onlineMeeting"];

    public async Task<IReadOnlyList<MeetingOccurrence>> GetMeetingsAsync(
        Table table, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var organizer = OrganizerOf(table);
        var events = await ReadCalendarViewAsync(organizer, from, to, cancellationToken);
        return events
            .Where(e => BelongsToSeries(e, table) && e.IsCancelled != true)
            .Select(e => ToOccurrence(e, table))
            .OfType<MeetingOccurrence>()
            .Where(m => m.Start >= from && m.Start < to)
            .OrderBy(m => m.Start)
            .ToList();
    }

    internal static string OrganizerOf(Table table) =>
        table.Meeting.Organizer is { Length: > 0 } organizer
            ? organizer
            : throw new CalendarUnavailableException(
                $"Table {table.Name} has no meeting organizer mailbox in the roster, so its Outlook calendar cannot be read.");

    private async Task<List<Event>> ReadCalendarViewAsync(
        string organizer, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var calendarView = graph.Users[organizer].CalendarView;
        var events = new List<Event>();
        try
        {
            var page = await calendarView.GetAsync(request =>
            {
                request.QueryParameters.StartDateTime = GraphDateTime.InstantText(from);
                request.QueryParameters.EndDateTime = GraphDateTime.InstantText(to);
                request.QueryParameters.Select = Fields;
                request.QueryParameters.Top = 100;
                AskForUtc(request.Headers);
            }, cancellationToken);
            while (page is not null)
            {
                events.AddRange(page.Value ?? []);
                page = page.OdataNextLink is { } next
                    ? await calendarView.WithUrl(next).GetAsync(request => AskForUtc(request.Headers), cancellationToken)
                    : null;
            }
        }
        catch (Exception failure) when (GraphFailure.IsGraphFailure(failure, cancellationToken))
        {
            throw GraphFailure.Translate(failure, $"the calendar of {organizer}", options.Value.MaxRetries);
        }
        return events;
    }

    // Wall-clock times are ambiguous in the hour the clocks go back; UTC never is.
    private static void AskForUtc(Microsoft.Kiota.Abstractions.RequestHeaders headers) =>
        headers.Add("Prefer", "outlook.timezone=\"UTC\"");

    private static bool BelongsToSeries(Event calendarEvent, Table table) =>
        table.Meeting.CalendarEventId is { Length: > 0 } seriesId
            ? calendarEvent.SeriesMasterId == seriesId || calendarEvent.Id == seriesId
            : string.Equals(calendarEvent.Subject, MeetingSubject.For(table), StringComparison.OrdinalIgnoreCase);

    private MeetingOccurrence? ToOccurrence(Event calendarEvent, Table table)
    {
        if (!GraphDateTime.TryToInstant(calendarEvent.Start, out var start))
        {
            logger.LogWarning("Skipped calendar event {EventId} of table {TableId}: its start is missing or unreadable",
                calendarEvent.Id, table.Id);
            return null;
        }
        if (!GraphDateTime.TryToInstant(calendarEvent.End, out var end) || end < start)
        {
            logger.LogWarning("Skipped calendar event {EventId} of table {TableId}: its end is missing or unreadable",
                calendarEvent.Id, table.Id);
            return null;
        }
        return new MeetingOccurrence(start, end, calendarEvent.OnlineMeeting?.JoinUrl);
    }
}

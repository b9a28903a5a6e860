using FocusBot.Core.Meetings;
using FocusBot.Core.Roster;

namespace FocusBot.Meetings;

/// <summary>
/// <c>provision-meetings</c>: for each table, adopts the weekly meeting series already in its organizer's calendar
/// (by the stored event id) or creates it from the roster's schedule as a Teams meeting, and stores the series id so
/// that reminders follow the real occurrences (moved or cancelled meetings).
/// </summary>
public static class ProvisionMeetingsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (services.GetService<IMeetingSeriesProvisioner>() is not { } provisioner)
        {
            await error.WriteLineAsync("Microsoft Graph is not configured (Graph:ClientId with a secret or certificate, or " +
                                       "Graph:UseManagedIdentity): meeting times come from the roster's schedule. Nothing was done.");
            return 1;
        }

        var roster = services.GetRequiredService<IRosterStore>();
        var failed = 0;
        foreach (var table in await roster.TablesAsync(cancellationToken))
        {
            if (string.IsNullOrEmpty(table.Meeting.Organizer))
            {
                await error.WriteLineAsync($"{table.Id}: skipped, the roster names no meeting organizer (meeting.organizer).");
                failed++;
                continue;
            }
            try
            {
                var eventId = await provisioner.EnsureRecurringMeetingAsync(table, cancellationToken);
                await roster.RecordCalendarEventIdAsync(table.Id, eventId, cancellationToken);
                await output.WriteLineAsync($"{table.Id}: weekly series {eventId} in {table.Meeting.Organizer}'s calendar.");
            }
            catch (CalendarUnavailableException e)
            {
                await error.WriteLineAsync($"{table.Id}: {e.Message}");
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}

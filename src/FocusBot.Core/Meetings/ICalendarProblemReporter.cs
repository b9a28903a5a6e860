using FocusBot.Core.Roster;

namespace FocusBot.Core.Meetings;

/// <summary>Tells a table's people that its meeting times come from the roster because the calendar could not be read.</summary>
public interface ICalendarProblemReporter
{
    /// <summary><paramref name="problem"/> is a plain-language sentence, the same text each time for the same problem.</summary>
    Task ReportAsync(Table table, string problem, CancellationToken cancellationToken);
}

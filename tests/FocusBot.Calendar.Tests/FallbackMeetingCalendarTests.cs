using FocusBot.Core.Meetings;
using FocusBot.Core.Roster;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using static FocusBot.Calendar.Tests.Tables;

namespace FocusBot.Calendar.Tests;

public sealed class FallbackMeetingCalendarTests
{
    private static readonly DateTimeOffset From = Utc("2026-03-01T00:00");
    private static readonly DateTimeOffset To = Utc("2026-03-15T00:00");

    private readonly Mock<IMeetingCalendar> _graph = new();
    private readonly Mock<ICalendarProblemReporter> _reporter = new();
    private readonly FallbackMeetingCalendar _calendar;

    public FallbackMeetingCalendarTests() =>
        _calendar = new FallbackMeetingCalendar(
            _graph.Object, new RosterScheduleCalendar(), _reporter.Object, NullLogger<FallbackMeetingCalendar>.Instance);

    [Fact]
    public async Task Meetings_come_from_the_calendar_when_it_answers()
    {
        var table = Rexdale();
        MeetingOccurrence[] fromGraph = [new(Utc("2026-03-04T18:00"), Utc("2026-03-04T19:30"), "https://teams.example/join")];
        _graph.Setup(g => g.GetMeetingsAsync(table, From, To, It.IsAny<CancellationToken>())).ReturnsAsync(fromGraph);

        var meetings = await _calendar.GetMeetingsAsync(table, From, To, CancellationToken.None);

        Assert.Equal(fromGraph, meetings);
        _reporter.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Failing_calendar_gives_the_roster_schedule_and_reports_the_problem_once()
    {
        var table = Rexdale();
        FailWith("Microsoft Graph refused access");

        var first = await _calendar.GetMeetingsAsync(table, From, To, CancellationToken.None);
        var second = await _calendar.GetMeetingsAsync(table, From, To, CancellationToken.None);

        Assert.Equal([Utc("2026-03-03T15:00"), Utc("2026-03-10T14:00")], first.Select(m => m.Start));
        Assert.Equal(first, second);
        _reporter.Verify(r => r.ReportAsync(table, "Microsoft Graph refused access", It.IsAny<CancellationToken>()), Times.Once);
        _reporter.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_different_problem_or_another_table_is_reported_again()
    {
        var rexdale = Rexdale();
        var scarborough = new Table { Id = "scarborough", Name = "Scarborough", Code = "SC", TimeZoneId = rexdale.TimeZoneId, Meeting = rexdale.Meeting };

        FailWith("refused");
        await _calendar.GetMeetingsAsync(rexdale, From, To, CancellationToken.None);
        await _calendar.GetMeetingsAsync(scarborough, From, To, CancellationToken.None);
        FailWith("unreachable");
        await _calendar.GetMeetingsAsync(rexdale, From, To, CancellationToken.None);
        await _calendar.GetMeetingsAsync(rexdale, From, To, CancellationToken.None);

        _reporter.Verify(r => r.ReportAsync(rexdale, "refused", It.IsAny<CancellationToken>()), Times.Once);
        _reporter.Verify(r => r.ReportAsync(scarborough, "refused", It.IsAny<CancellationToken>()), Times.Once);
        _reporter.Verify(r => r.ReportAsync(rexdale, "unreachable", It.IsAny<CancellationToken>()), Times.Once);
        _reporter.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Problem_that_could_not_be_reported_is_reported_at_the_next_failure()
    {
        var table = Rexdale();
        FailWith("refused");
        _reporter.SetupSequence(r => r.ReportAsync(table, "refused", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("Teams is down"))
            .Returns(Task.CompletedTask);

        var meetings = await _calendar.GetMeetingsAsync(table, From, To, CancellationToken.None);
        await _calendar.GetMeetingsAsync(table, From, To, CancellationToken.None);
        await _calendar.GetMeetingsAsync(table, From, To, CancellationToken.None);

        Assert.Equal(2, meetings.Count);
        _reporter.Verify(r => r.ReportAsync(table, "refused", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_bug_in_the_calendar_is_not_hidden_behind_the_schedule()
    {
        _graph.Setup(g => g.GetMeetingsAsync(It.IsAny<Table>(), From, To, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new NullReferenceException());

        await Assert.ThrowsAsync<NullReferenceException>(
            () => _calendar.GetMeetingsAsync(Rexdale(), From, To, CancellationToken.None));
    }

    private void FailWith(string problem) =>
        _graph.Setup(g => g.GetMeetingsAsync(It.IsAny<Table>(), From, To, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CalendarUnavailableException(problem));
}

using FocusBot.Core.Meetings;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Core.Tests.Reminders;

public sealed class ReminderPlannerTests
{
    private static Table Toronto(DayOfWeek day = DayOfWeek.Tuesday, string start = "10:00") => new()
    {
        Id = "rexdale", Name = "Rexdale", Code = "RX", TimeZoneId = "America/Toronto",
        Meeting = new MeetingSchedule { Day = day, Start = TimeOnly.Parse(start), Minutes = 90 },
    };

    private static readonly Member[] Members =
    [
        new() { Email = "rep@cmha.example", AgencyId = "cmha", Role = MemberRole.Rep, TableIds = ["rexdale"] },
        new() { Email = "chair@city.example", AgencyId = "city", Role = MemberRole.CoChair, TableIds = ["rexdale"] },
    ];

    private static IReadOnlyList<PlannedReminder> PlanFrom(DateTimeOffset now, Table table, ILogger<ReminderPlanner>? logger = null)
    {
        var meetings = new RosterScheduleCalendar().MeetingsBetween(table, now, now.AddDays(8));
        return new ReminderPlanner(new FakeTimeProvider(now), new ReminderOptions(), logger ?? NullLogger<ReminderPlanner>.Instance)
            .Plan(table, Members, meetings, []);
    }

    // The Tuesday after each 2026/2027 change in America/Toronto, and the Tuesday before it.
    [Theory]
    [InlineData("2026-03-02T12:00:00Z", "2026-03-02T15:00:00Z", "2026-03-03T14:00:00Z", "2026-03-03T15:00:00Z")] // EST, before 8 Mar
    [InlineData("2026-03-09T12:00:00Z", "2026-03-09T14:00:00Z", "2026-03-10T13:00:00Z", "2026-03-10T14:00:00Z")] // EDT, after 8 Mar
    [InlineData("2026-10-26T12:00:00Z", "2026-10-26T14:00:00Z", "2026-10-27T13:00:00Z", "2026-10-27T14:00:00Z")] // EDT, before 1 Nov
    [InlineData("2026-11-02T12:00:00Z", "2026-11-02T15:00:00Z", "2026-11-03T14:00:00Z", "2026-11-03T15:00:00Z")] // EST, after 1 Nov
    [InlineData("2027-03-08T12:00:00Z", "2027-03-08T15:00:00Z", "2027-03-09T14:00:00Z", "2027-03-09T15:00:00Z")] // EST, before 14 Mar
    [InlineData("2027-03-15T12:00:00Z", "2027-03-15T14:00:00Z", "2027-03-16T13:00:00Z", "2027-03-16T14:00:00Z")] // EDT, after 14 Mar
    [InlineData("2027-11-01T12:00:00Z", "2027-11-01T14:00:00Z", "2027-11-02T13:00:00Z", "2027-11-02T14:00:00Z")] // EDT, before 7 Nov
    [InlineData("2027-11-08T12:00:00Z", "2027-11-08T15:00:00Z", "2027-11-09T14:00:00Z", "2027-11-09T15:00:00Z")] // EST, after 7 Nov
    public void A_Tuesday_10_00_meeting_is_reminded_24_hours_and_1_hour_before_in_Toronto_time(
        string now, string digestDue, string agendaDue, string meetingStart)
    {
        var plan = PlanFrom(DateTimeOffset.Parse(now), Toronto());

        var digest = Assert.Single(plan, p => p.Kind == ReminderKind.MeetingDigest && p.Target == "member:rep@cmha.example");
        var agenda = Assert.Single(plan, p => p.Kind == ReminderKind.MeetingAgenda);
        Assert.Equal(DateTimeOffset.Parse(meetingStart), agenda.Occurrence);
        Assert.Equal(DateTimeOffset.Parse(digestDue), digest.DueAt);
        Assert.Equal(DateTimeOffset.Parse(agendaDue), agenda.DueAt);
        Assert.Equal(ReminderTarget.TableChannel, agenda.Target);
        Assert.Equal(2, plan.Count(p => p.Kind == ReminderKind.MeetingDigest));
    }

    [Theory]
    // A Sunday 10:00 meeting on the change day: "24 hours before" is Saturday 10:00 on the clock, 23 or 25 hours earlier.
    [InlineData("2026-03-08T14:00:00Z", "2026-03-07T15:00:00Z")]
    [InlineData("2026-11-01T15:00:00Z", "2026-10-31T14:00:00Z")]
    [InlineData("2027-03-14T14:00:00Z", "2027-03-13T15:00:00Z")]
    [InlineData("2027-11-07T15:00:00Z", "2027-11-06T14:00:00Z")]
    public void A_day_before_is_the_same_time_on_the_tables_clock_across_a_change(string meetingStart, string digestDue)
    {
        var start = DateTimeOffset.Parse(meetingStart);
        var plan = PlanFrom(start.AddDays(-3), Toronto(DayOfWeek.Sunday));

        var digest = plan.First(p => p.Kind == ReminderKind.MeetingDigest);
        Assert.Equal(start, digest.Occurrence);
        Assert.Equal(DateTimeOffset.Parse(digestDue), digest.DueAt);
        Assert.Equal(start.AddHours(-1), plan.Single(p => p.Kind == ReminderKind.MeetingAgenda).DueAt);
    }

    [Fact]
    public void A_meeting_at_02_30_on_the_spring_forward_day_starts_at_03_00_and_is_logged_once()
    {
        var logger = new ListLogger();
        var table = Toronto(DayOfWeek.Sunday, "02:30");
        var now = DateTimeOffset.Parse("2026-03-06T12:00:00Z");
        var meetings = new RosterScheduleCalendar().MeetingsBetween(table, now, now.AddDays(3));
        var planner = new ReminderPlanner(new FakeTimeProvider(now), new ReminderOptions(), logger);

        var plan = planner.Plan(table, Members, meetings, []);
        planner.Plan(table, Members, meetings, []);

        // 03:00 EDT is 07:00 UTC: the first instant after the skipped hour.
        var agenda = Assert.Single(plan, p => p.Kind == ReminderKind.MeetingAgenda);
        Assert.Equal(DateTimeOffset.Parse("2026-03-08T07:00:00Z"), agenda.Occurrence);
        Assert.Equal(DateTimeOffset.Parse("2026-03-08T06:00:00Z"), agenda.DueAt);
        var line = Assert.Single(logger.Lines);
        Assert.Contains("spring forward", line);
        Assert.Contains("rexdale", line);
    }

    [Fact]
    public void Meetings_already_started_and_cancelled_occurrences_get_no_reminders()
    {
        var table = Toronto();
        var now = DateTimeOffset.Parse("2026-11-24T15:30:00Z");
        var meetings = new[]
        {
            new MeetingOccurrence(DateTimeOffset.Parse("2026-11-24T15:00:00Z"), DateTimeOffset.Parse("2026-11-24T16:30:00Z"), null),
            new MeetingOccurrence(DateTimeOffset.Parse("2026-12-01T15:00:00Z"), DateTimeOffset.Parse("2026-12-01T16:30:00Z"), null, IsCancelled: true),
            new MeetingOccurrence(DateTimeOffset.Parse("2026-12-08T15:00:00Z"), DateTimeOffset.Parse("2026-12-08T16:30:00Z"), "https://teams.example/join"),
        };

        var plan = new ReminderPlanner(new FakeTimeProvider(now), new ReminderOptions(), NullLogger<ReminderPlanner>.Instance)
            .Plan(table, Members, meetings, []);

        Assert.All(plan, p => Assert.Equal(DateTimeOffset.Parse("2026-12-08T15:00:00Z"), p.Occurrence));
        Assert.Equal("https://teams.example/join", plan.Single(p => p.Kind == ReminderKind.MeetingAgenda).JoinUrl);
    }

    [Fact]
    public void A_table_with_no_members_still_gets_its_channel_agenda()
    {
        var now = DateTimeOffset.Parse("2026-11-24T12:00:00Z");
        var table = Toronto();
        var plan = new ReminderPlanner(new FakeTimeProvider(now), new ReminderOptions(), NullLogger<ReminderPlanner>.Instance)
            .Plan(table, [], new RosterScheduleCalendar().MeetingsBetween(table, now, now.AddDays(7)), []);

        Assert.Equal(ReminderKind.MeetingAgenda, Assert.Single(plan).Kind);
    }

    private sealed class ListLogger : ILogger<ReminderPlanner>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}

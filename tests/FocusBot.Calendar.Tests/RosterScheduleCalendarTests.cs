using FocusBot.Core.Meetings;
using static FocusBot.Calendar.Tests.Tables;

namespace FocusBot.Calendar.Tests;

public sealed class RosterScheduleCalendarTests
{
    private readonly RosterScheduleCalendar _calendar = new();

    [Theory]
    [InlineData("2026-03-01", "2026-03-03T15:00", "2026-03-10T14:00")]
    [InlineData("2026-10-25", "2026-10-27T14:00", "2026-11-03T15:00")]
    [InlineData("2027-03-07", "2027-03-09T15:00", "2027-03-16T14:00")]
    [InlineData("2027-10-31", "2027-11-02T14:00", "2027-11-09T15:00")]
    public async Task Ten_oclock_meeting_stays_at_ten_local_across_a_daylight_saving_change(
        string weekStarting, string beforeChangeUtc, string afterChangeUtc)
    {
        var from = Utc(weekStarting + "T00:00");

        var meetings = await _calendar.GetMeetingsAsync(Rexdale(), from, from.AddDays(14), CancellationToken.None);

        Assert.Equal([Utc(beforeChangeUtc), Utc(afterChangeUtc)], meetings.Select(m => m.Start));
        Assert.All(meetings, m => Assert.Equal(TimeSpan.FromMinutes(90), m.End - m.Start));
        Assert.All(meetings, m => Assert.Null(m.JoinUrl));
    }

    [Theory]
    [InlineData("2026-03-08", "2026-03-08T07:00")]
    [InlineData("2027-03-14", "2027-03-14T07:00")]
    public void Start_skipped_by_spring_forward_moves_to_three_oclock_daylight_time(string day, string expectedUtc)
    {
        var from = Utc(day + "T00:00");

        var meetings = _calendar.MeetingsBetween(Rexdale(DayOfWeek.Sunday, "02:30"), from, from.AddDays(1));

        var meeting = Assert.Single(meetings);
        Assert.Equal(Utc(expectedUtc), meeting.Start);
        Assert.Equal(TimeSpan.FromHours(-4), TimeZoneInfo.FindSystemTimeZoneById("America/Toronto").GetUtcOffset(meeting.Start));
    }

    [Fact]
    public void Half_past_two_on_the_sundays_around_spring_forward_is_half_past_two_local()
    {
        var meetings = _calendar.MeetingsBetween(
            Rexdale(DayOfWeek.Sunday, "02:30"), Utc("2026-03-01T00:00"), Utc("2026-03-16T00:00"));

        Assert.Equal(
            [Utc("2026-03-01T07:30"), Utc("2026-03-08T07:00"), Utc("2026-03-15T06:30")],
            meetings.Select(m => m.Start));
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-01T05:30")]
    [InlineData("2027-11-07", "2027-11-07T05:30")]
    public void Start_shown_twice_on_fall_back_day_takes_the_first_daylight_time_one(string day, string expectedUtc)
    {
        var from = Utc(day + "T00:00");

        var meetings = _calendar.MeetingsBetween(Rexdale(DayOfWeek.Sunday, "01:30"), from, from.AddDays(1));

        Assert.Equal(Utc(expectedUtc), Assert.Single(meetings).Start);
    }

    [Fact]
    public void Meeting_starting_exactly_at_the_window_end_is_left_for_the_next_window()
    {
        var meetings = _calendar.MeetingsBetween(Rexdale(), Utc("2026-03-03T00:00"), Utc("2026-03-10T14:00"));

        Assert.Equal([Utc("2026-03-03T15:00")], meetings.Select(m => m.Start));
    }

    [Fact]
    public void Evening_meeting_is_found_in_a_window_of_the_next_utc_day()
    {
        var meetings = _calendar.MeetingsBetween(
            Rexdale(DayOfWeek.Monday, "21:00"), Utc("2026-01-06T00:00"), Utc("2026-01-07T00:00"));

        Assert.Equal(Utc("2026-01-06T02:00"), Assert.Single(meetings).Start);
    }

    [Fact]
    public void Next_meeting_from_the_day_of_a_meeting_is_that_meeting_until_it_starts()
    {
        var table = Rexdale();

        Assert.Equal(Utc("2026-03-10T14:00"), _calendar.NextMeetingFrom(table, Utc("2026-03-10T13:59")).Start);
        Assert.Equal(Utc("2026-03-17T14:00"), _calendar.NextMeetingFrom(table, Utc("2026-03-10T14:01")).Start);
    }
}

using FocusBot.Core.Figures;
using FocusBot.Core.Tests.Situations;
using static FocusBot.Core.Tests.Figures.AprilAtRexdale;

namespace FocusBot.Core.Tests.Figures;

/// <summary>The dashboard's series over Rexdale's March and April 2026 (<see cref="AprilAtRexdale"/>), worked out by hand.</summary>
public sealed class DashboardFiguresTests
{
    private static readonly FiguresPeriod MarchAndApril = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1));

    private static DashboardReport Rexdale() => DashboardFigures.Compute(Seed(), [RexdaleTable.Rexdale], MarchAndApril, AsOf);

    [Fact]
    public void The_48_hour_updates_are_counted_by_the_month_the_situation_was_discussed()
    {
        var months = Rexdale().FortyEightHourUpdatesByMonth;

        Assert.Equal(["2026-03", "2026-04"], months.Select(m => m.Month));
        Assert.Equal(new FortyEightHourUpdateFigures(1, 0, 0), months[0].Updates); // 0101 on time; 0102 never accepted
        Assert.Equal(new FortyEightHourUpdateFigures(1, 1, 1), months[1].Updates); // 0103 on time, 0104 late, 0105 missing
    }

    [Fact]
    public void New_situations_are_counted_by_week_from_monday_every_week_listed()
    {
        var weeks = Rexdale().NewSituationsByWeek;

        // 1 March 2026 is a Sunday: the first week is the one that holds it, from Monday 23 February; the last holds 30 April.
        Assert.Equal(new DateOnly(2026, 2, 23), weeks[0].Monday);
        Assert.Equal(new DateOnly(2026, 4, 27), weeks[^1].Monday);
        Assert.Equal(10, weeks.Count);
        var counted = weeks.Where(w => w.Count > 0).ToDictionary(w => w.Monday, w => w.Count);
        Assert.Equal(new Dictionary<DateOnly, int>
        {
            [new(2026, 3, 9)] = 1, [new(2026, 3, 30)] = 1, [new(2026, 4, 6)] = 1, [new(2026, 4, 13)] = 1, [new(2026, 4, 20)] = 1,
            [new(2026, 4, 27)] = 2, // 0106 and 0107 (30 April 23:30 in Toronto, 1 May in UTC)
        }, counted);
    }

    [Fact]
    public void Barriers_are_counted_by_the_month_of_the_update_that_names_them()
    {
        var months = Rexdale().BarriersByMonth.ToDictionary(m => m.Month, m => m.Barriers);

        Assert.Equal([new FigureCount("transportation", 1)], months["2026-03"]);
        Assert.Equal([new FigureCount("no-shelter-bed", 2), new FigureCount("mental-health-wait-list", 1)], months["2026-04"]);
    }

    [Fact]
    public void Open_situations_are_todays_by_status_and_lead_agency_whatever_the_period()
    {
        var report = DashboardFigures.Compute(Seed(), [RexdaleTable.Rexdale], new FiguresPeriod(new DateOnly(2001, 1, 1), new DateOnly(2001, 2, 1)), AsOf);

        Assert.True(report.PeriodIsEmpty);
        // Open (no lead accepted): 0102, 0106, 0107; active: 0104, 0105. 0101 and 0103 are concluded; York is another table.
        Assert.Equal([new FigureCount("open", 3), new FigureCount("active", 2)], report.OpenByStatus);
        Assert.Equal([new FigureCount("cmha", 5)], report.OpenByLeadAgency);
        Assert.Equal(0, report.Totals.SituationsRecorded);
    }

    [Fact]
    public void A_period_with_a_discussion_is_not_empty()
    {
        Assert.False(Rexdale().PeriodIsEmpty);
    }
}

using FocusBot.Core.Figures;
using FocusBot.Core.Situations;
using FocusBot.Core.Tests.Situations;
using static FocusBot.Core.Tests.Figures.AprilAtRexdale;

namespace FocusBot.Core.Tests.Figures;

public sealed class TableFiguresTests
{
    private static FiguresReport RexdaleInApril() => TableFigures.Compute(Seed(), [RexdaleTable.Rexdale], April, AsOf);

    [Fact]
    public void Situations_and_people_count_those_first_discussed_in_the_period_in_the_tables_time_zone()
    {
        var figures = RexdaleInApril();

        Assert.Equal(5, figures.SituationsRecorded);
        Assert.Equal(5, figures.People);
        Assert.Equal(["rexdale"], figures.TableIds);
        Assert.Equal(April, figures.Period);
    }

    [Fact]
    public void Risk_factors_are_counted_per_category_most_frequent_first()
    {
        Assert.Equal(
            [new("housing", 3), new("mental-health", 2), new("alcohol", 1), new("drugs", 1), new("suicide", 1)],
            RexdaleInApril().RiskFactors);
    }

    [Fact]
    public void Outcomes_count_the_situations_concluded_in_the_period_whenever_they_were_recorded()
    {
        var figures = RexdaleInApril();

        Assert.Equal(2, figures.SituationsConcluded);
        Assert.Equal([new("risk-lowered-connected", 1), new("still-aer-refused", 1)], figures.Outcomes);
    }

    [Fact]
    public void Medians_are_in_hours_over_the_situations_recorded_in_the_period()
    {
        var figures = RexdaleInApril();

        Assert.Equal(2, figures.MedianHoursToLeadAcceptance);
        Assert.Equal(40, figures.MedianHoursToFortyEightHourUpdate);
    }

    [Fact]
    public void The_on_time_rate_counts_a_48_hour_update_never_posted_as_missing()
    {
        var updates = RexdaleInApril().FortyEightHourUpdates;

        Assert.Equal(new FortyEightHourUpdateFigures(1, 1, 1), updates);
        Assert.Equal(3, updates.Due);
        Assert.Equal(1.0 / 3, updates.OnTimeRate);
    }

    [Fact]
    public void Barriers_count_the_updates_posted_in_the_period()
    {
        Assert.Equal([new("no-shelter-bed", 2), new("mental-health-wait-list", 1)], RexdaleInApril().Barriers);
    }

    [Fact]
    public void Another_tables_situations_count_only_when_that_table_is_asked_for()
    {
        var both = TableFigures.Compute(Seed(), RexdaleTable.Tables, April, AsOf);
        var york = TableFigures.Compute(Seed(), [RexdaleTable.York], April, AsOf);

        Assert.Equal(6, both.SituationsRecorded);
        Assert.Equal(1, york.SituationsRecorded);
        Assert.Equal([new("housing", 1)], york.RiskFactors);
        Assert.Null(york.MedianHoursToLeadAcceptance);
    }

    [Fact]
    public void A_48_hour_update_not_yet_due_is_not_counted()
    {
        var situation = Record(1, Local(4, 28, 10), ["housing"]);
        situation.Accept("cmha", RexdaleTable.LeadRep, Local(4, 28, 11));

        // Due 48 hours after the table's discussion (28 Apr 10:00), not after the acceptance.
        var justBeforeDue = TableFigures.Compute([situation], [RexdaleTable.Rexdale], April, Local(4, 30, 9, 59));
        var justAfterDue = TableFigures.Compute([situation], [RexdaleTable.Rexdale], April, Local(4, 30, 10, 1));

        Assert.Equal(new FortyEightHourUpdateFigures(0, 0, 0), justBeforeDue.FortyEightHourUpdates);
        Assert.Null(justBeforeDue.FortyEightHourUpdates.OnTimeRate);
        Assert.Equal(new FortyEightHourUpdateFigures(0, 0, 1), justAfterDue.FortyEightHourUpdates);
        Assert.Equal(0, justAfterDue.FortyEightHourUpdates.OnTimeRate);
    }

    [Fact]
    public void A_situation_concluded_before_its_48_hour_update_fell_due_owes_none()
    {
        var situation = Record(1, Local(4, 7, 10), ["housing"]);
        situation.Accept("cmha", RexdaleTable.LeadRep, Local(4, 7, 11));
        situation.Conclude(RexdaleTable.CoChair, "risk-lowered-already-connected", RexdaleTable.Choices, Local(4, 8, 9));

        var figures = TableFigures.Compute([situation], [RexdaleTable.Rexdale], April, AsOf);

        Assert.Equal(new FortyEightHourUpdateFigures(0, 0, 0), figures.FortyEightHourUpdates);
        Assert.Equal([new("risk-lowered-already-connected", 1)], figures.Outcomes);
    }

    [Fact]
    public void A_reopened_situation_is_not_counted_as_concluded()
    {
        var situation = Record(1, Local(4, 7, 10), ["housing"]);
        situation.Conclude(RexdaleTable.CoChair, "other", RexdaleTable.Choices, Local(4, 8, 9));
        situation.Reopen(RexdaleTable.CoChair, Local(4, 9, 9));

        var figures = TableFigures.Compute([situation], [RexdaleTable.Rexdale], April, AsOf);

        Assert.Equal(0, figures.SituationsConcluded);
        Assert.Empty(figures.Outcomes);
    }

    [Fact]
    public void No_situations_give_zeros_and_no_medians()
    {
        var figures = TableFigures.Compute([], [RexdaleTable.Rexdale], April, AsOf);

        Assert.Equal((0, 0, 0), (figures.SituationsRecorded, figures.People, figures.SituationsConcluded));
        Assert.Empty(figures.RiskFactors);
        Assert.Null(figures.MedianHoursToLeadAcceptance);
        Assert.Null(figures.MedianHoursToFortyEightHourUpdate);
        Assert.Null(figures.FortyEightHourUpdates.OnTimeRate);
    }

    [Theory]
    [InlineData(new double[0], null)]
    [InlineData(new[] { 7.0 }, 7.0)]
    [InlineData(new[] { 9.0, 1.0, 5.0 }, 5.0)]
    [InlineData(new[] { 4.0, 1.0, 10.0, 2.0 }, 3.0)]
    [InlineData(new[] { 1.5, 2.5 }, 2.0)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_values(double[] values, double? expected)
    {
        Assert.Equal(expected, TableFigures.Median(values));
    }

    [Fact]
    public void People_is_the_sum_of_the_people_counts_not_added_up_situations()
    {
        var family = Situation.Record(SituationId.Create("RX", 2026, 1),
            RexdaleTable.Valid(RexdaleTable.Request() with { Type = "family", PeopleCount = 4 }), Local(4, 7, 10));
        var place = Situation.Record(SituationId.Create("RX", 2026, 2),
            RexdaleTable.Valid(RexdaleTable.Request() with { Type = "environment" }), Local(4, 7, 10));
        var person = Situation.Record(SituationId.Create("RX", 2026, 3), RexdaleTable.Valid(), Local(4, 8, 10));
        var notAer = Situation.Record(SituationId.Create("RX", 2026, 4), RexdaleTable.Valid(RexdaleTable.NotAerRequest()), Local(4, 9, 10));

        var figures = TableFigures.Compute([family, place, person, notAer], [RexdaleTable.Rexdale], April, AsOf);

        // 4 (family) + 0 (place) + 1 (person) + 1 (a person discussed and found not AER) = 6, over 4 discussions.
        Assert.Equal(6, figures.People);
        Assert.Equal(4, figures.SituationsRecorded);
        Assert.Equal(1, figures.NotAer);
    }
}

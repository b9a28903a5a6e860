using FocusBot.Core.Situations;
using static FocusBot.Core.Tests.Situations.RexdaleTable;

namespace FocusBot.Core.Tests.Situations;

public class ConclusionTests
{
    private static readonly DateTimeOffset NextWeek = TuesdayMorning.AddDays(7);

    [Fact]
    public void Co_chair_concludes_with_an_outcome()
    {
        var situation = Active();
        var before = situation.Version;

        var result = situation.Conclude(CoChair, "risk-lowered-connected", Choices, NextWeek);

        Assert.True(result.Succeeded);
        Assert.Equal(SituationStatus.Concluded, situation.Status);
        Assert.Equal("risk-lowered-connected", situation.OutcomeId);
        Assert.Equal(NextWeek, situation.ConcludedAt);
        Assert.Equal(SituationEventKind.Concluded, situation.Events[^1].Kind);
        Assert.Equal(before + 1, situation.Version);
    }

    [Fact]
    public void An_open_situation_can_be_concluded()
    {
        var situation = Recorded();

        Assert.True(situation.Conclude(CoChair, "other", Choices, NextWeek).Succeeded);
    }

    [Fact]
    public void Admin_of_the_table_can_conclude()
    {
        Assert.True(Active().Conclude(Admin, "other", Choices, NextWeek).Succeeded);
    }

    [Fact]
    public void Lead_rep_cannot_conclude()
    {
        var situation = Active();

        var result = situation.Conclude(LeadRep, "risk-lowered-connected", Choices, NextWeek);

        Assert.Equal(SituationRefusal.NotCoChair, result.Refusal);
        Assert.Equal(SituationStatus.Active, situation.Status);
    }

    [Fact]
    public void Co_chair_of_another_table_cannot_conclude()
    {
        Assert.Equal(SituationRefusal.NotCoChair, Active().Conclude(CoChairOfYork, "other", Choices, NextWeek).Refusal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("solved")]
    public void Outcome_must_be_in_the_catalogue(string? outcome)
    {
        Assert.Equal(SituationRefusal.UnknownOutcome, Active().Conclude(CoChair, outcome, Choices, NextWeek).Refusal);
    }

    [Fact]
    public void Concluding_twice_is_refused()
    {
        var situation = Active();
        situation.Conclude(CoChair, "other", Choices, NextWeek);

        var again = situation.Conclude(CoChair, "still-aer-refused", Choices, NextWeek.AddHours(1));

        Assert.Equal(SituationRefusal.SituationConcluded, again.Refusal);
        Assert.Equal("other", situation.OutcomeId);
    }

    [Fact]
    public void Reopening_a_situation_whose_lead_accepted_makes_it_active()
    {
        var situation = Active();
        situation.Conclude(CoChair, "other", Choices, NextWeek);

        var result = situation.Reopen(CoChair, NextWeek.AddDays(1));

        Assert.True(result.Succeeded);
        Assert.Equal(SituationStatus.Active, situation.Status);
        Assert.Null(situation.OutcomeId);
        Assert.Null(situation.ConcludedAt);
        Assert.Equal(SituationEventKind.Reopened, situation.Events[^1].Kind);
    }

    [Fact]
    public void Reopening_a_situation_without_a_lead_makes_it_open()
    {
        var situation = Recorded();
        situation.Conclude(CoChair, "other", Choices, NextWeek);

        situation.Reopen(CoChair, NextWeek.AddDays(1));

        Assert.Equal(SituationStatus.Open, situation.Status);
    }

    [Fact]
    public void Only_a_concluded_situation_can_be_reopened()
    {
        Assert.Equal(SituationRefusal.NotConcluded, Active().Reopen(CoChair, NextWeek).Refusal);
    }

    [Fact]
    public void Rep_cannot_reopen()
    {
        var situation = Active();
        situation.Conclude(CoChair, "other", Choices, NextWeek);

        Assert.Equal(SituationRefusal.NotCoChair, situation.Reopen(LeadRep, NextWeek).Refusal);
        Assert.Equal(SituationStatus.Concluded, situation.Status);
    }

    [Fact]
    public void Every_change_is_in_the_history_in_order_with_one_version_each()
    {
        var situation = Recorded();
        situation.Accept("cmha", LeadRep, TuesdayMorning.AddHours(1));
        situation.Accept("housing", AssistingRep, TuesdayMorning.AddHours(2));
        situation.PostUpdate(LeadRep, "contacted", "Met at the drop-in.", null, [], Choices, TuesdayMorning.AddHours(20));
        situation.Conclude(CoChair, "risk-lowered-connected", Choices, NextWeek);
        situation.Reopen(CoChair, NextWeek.AddHours(1));

        Assert.Equal(
            [SituationEventKind.Recorded, SituationEventKind.Accepted, SituationEventKind.Accepted,
             SituationEventKind.UpdatePosted, SituationEventKind.Concluded, SituationEventKind.Reopened],
            situation.Events.Select(e => e.Kind));
        Assert.Equal(situation.Events.Count, situation.Version);
        Assert.Equal(situation.Events.OrderBy(e => e.At).Select(e => e.Id), situation.Events.Select(e => e.Id));
    }
}

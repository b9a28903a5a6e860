using FocusBot.Core.Catalogue;
using FocusBot.Core.Situations;
using static FocusBot.Core.Tests.Situations.RexdaleTable;

namespace FocusBot.Core.Tests.Situations;

/// <summary>A discussion the table found below the threshold of acutely elevated risk, and the people count.</summary>
public class NotAerTests
{
    private static NewSituationValidation Validate(NewSituationRequest request) =>
        new NewSituationValidator(Choices).Validate(request, CoChair, Tables, Agencies);

    [Fact]
    public void A_not_AER_discussion_is_recorded_with_filter_2_fields_only_and_no_agencies()
    {
        var situation = Situation.Record(SituationId.Create("RX", 2026, 7), Valid(NotAerRequest()), TuesdayMorning);

        Assert.Equal(SituationStatus.NotAer, situation.Status);
        Assert.False(situation.AerMet);
        Assert.Empty(situation.Assignments);
        Assert.Null(situation.LeadAssignment);
        Assert.Null(situation.Summary);
        Assert.Null(situation.UpdateDueAt);
        Assert.Equal(["mental-health", "housing"], situation.RiskFactorIds);
        Assert.Equal(SituationEventKind.Recorded, Assert.Single(situation.Events).Kind);
    }

    [Fact]
    public void A_not_AER_discussion_takes_no_agencies_no_summary_no_change_and_no_update()
    {
        var problems = Validate(NotAerRequest() with { Summary = "Some text", LeadAgency = "cmha", AssistingAgencies = ["housing"] }).Problems;
        Assert.Equal(["assistingAgencies", "leadAgency", "summary"], problems.Keys.Order());

        var situation = Situation.Record(SituationId.Create("RX", 2026, 7), Valid(NotAerRequest()), TuesdayMorning);
        Assert.Equal(SituationRefusal.NotAer, situation.AddAssisting("cmha", CoChair, RexdaleAgencies, TuesdayMorning).Refusal);
        Assert.Equal(SituationRefusal.NotAer, situation.ChangeLead("cmha", CoChair, RexdaleAgencies, TimeSpan.FromHours(48), TuesdayMorning).Refusal);
        Assert.Equal(SituationRefusal.NotAer, situation.PostUpdate(CoChair, "contacted", "A note", null, [], Choices, TuesdayMorning).Refusal);
        Assert.Equal(SituationRefusal.NotAer, situation.Conclude(CoChair, "other", Choices, TuesdayMorning).Refusal);
    }

    [Theory]
    [InlineData("person", null, 1)]
    [InlineData("person", 1, 1)]
    [InlineData("family", 4, 4)]
    [InlineData("environment", null, 0)]
    [InlineData("environment", 0, 0)]
    public void People_count_follows_the_type(string type, int? given, int counted)
    {
        var validation = Validate(Request() with { Type = type, PeopleCount = given });

        Assert.True(validation.IsValid);
        Assert.Equal(counted, validation.NewSituation!.PeopleCount);
    }

    [Theory]
    [InlineData("family", null, "2 to 50")]
    [InlineData("family", -1, "2 to 50")]
    [InlineData("family", 10_000, "2 to 50")]
    [InlineData("person", 3, "allowed: 1")]
    [InlineData("person", -1, "allowed: 1")]
    [InlineData("environment", 2, "allowed: 0")]
    public void A_wrong_people_count_is_refused_naming_the_allowed_range(string type, int? given, string allowed)
    {
        var validation = Validate(Request() with { Type = type, PeopleCount = given });

        Assert.False(validation.IsValid);
        Assert.Contains(allowed, Assert.Single(validation.Problems["peopleCount"]));
    }

    [Fact]
    public void Services_mobilized_are_kept_on_the_update_and_an_unknown_one_is_refused()
    {
        var situation = Active();
        var catalogue = new SituationCatalogue(new CatalogueOptions { Services = [new("harm-reduction", "Harm reduction")] });

        var unknown = situation.PostUpdate(LeadRep, "contacted", "Met at the drop-in", null, [], catalogue, TuesdayMorning.AddHours(3), ["housing"]);
        var posted = situation.PostUpdate(LeadRep, "contacted", "Met at the drop-in", null, [], catalogue, TuesdayMorning.AddHours(3),
            ["HARM-REDUCTION", "harm-reduction"]);

        Assert.Equal(SituationRefusal.UnknownService, unknown.Refusal);
        Assert.Equal(["harm-reduction"], posted.PostedUpdate!.ServiceIds);
    }
}

using FocusBot.Core.Situations;
using static FocusBot.Core.Tests.Situations.RexdaleTable;

namespace FocusBot.Core.Tests.Situations;

/// <summary>Co-chairs change the agencies of a situation: a new lead, an assisting agency added or released, a declined agency asked again.</summary>
public class AgencyChangeTests
{
    private static readonly TimeSpan Due = TimeSpan.FromHours(48);
    private static readonly DateTimeOffset Declined = TuesdayMorning.AddHours(2);
    private static readonly DateTimeOffset Named = TuesdayMorning.AddHours(5);
    private static Roster.Member YouthRepAtRexdale => Rep("youth@youth.example", "youth");

    private static Situation LeadDeclined()
    {
        var situation = Recorded();
        Assert.True(situation.Decline("cmha", LeadRep, "No capacity this month", Declined).Succeeded);
        return situation;
    }

    [Fact]
    public void Naming_a_new_lead_releases_the_old_one_asks_the_new_one_and_gives_it_48_hours_from_being_named()
    {
        var situation = LeadDeclined();

        var result = situation.ChangeLead("city", CoChair, RexdaleAgencies, Due, Named);

        Assert.True(result.Succeeded);
        Assert.Equal(["city"], result.NewlyAsked);
        Assert.Equal(["cmha"], result.Released);
        Assert.Equal("city", situation.LeadAgencyId);
        Assert.Equal(AssignmentState.Requested, situation.LeadAssignment!.State);
        Assert.Equal(Named + Due, situation.UpdateDueAt);
        Assert.Equal(SituationStatus.Open, situation.Status);
        var old = situation.Assignments.Single(a => a.AgencyId == "cmha");
        Assert.Equal(AssignmentState.Released, old.State);
        Assert.Equal(Named, old.ReleasedAt);
        Assert.Equal("No capacity this month", old.DeclineReason);
        Assert.Null(situation.AssignmentOf("cmha"));
        var changed = situation.Events[^1];
        Assert.Equal((SituationEventKind.LeadChanged, "city", CoChair.Email, Named), (changed.Kind, changed.AgencyId, changed.ByEmail, changed.At));
        Assert.Equal(("cmha", AssignmentRole.Lead), (changed.FormerAgencyId, changed.Role));
    }

    [Fact]
    public void The_new_leads_rep_can_answer_and_accepting_makes_it_active_with_the_due_time_from_being_named()
    {
        var situation = LeadDeclined();
        situation.ChangeLead("youth", CoChair, Agencies, Due, Named);

        Assert.True(situation.CanAnswer(YouthRepAtRexdale));
        Assert.False(situation.CanAnswer(LeadRep));
        Assert.True(situation.Accept("youth", YouthRepAtRexdale, Named.AddHours(1)).Succeeded);

        Assert.Equal(SituationStatus.Active, situation.Status);
        Assert.Equal(Named.AddHours(1), situation.LeadAcceptedAt);
        Assert.Equal(Named + Due, situation.UpdateDueAt);
        Assert.Equal(
            [SituationEventKind.Recorded, SituationEventKind.Declined, SituationEventKind.LeadChanged, SituationEventKind.Accepted],
            situation.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Changing_an_accepted_lead_opens_the_situation_again_and_the_released_agency_loses_the_notes()
    {
        var situation = Active();

        Assert.True(situation.ChangeLead("city", CoChair, RexdaleAgencies, Due, Named).Succeeded);

        Assert.Equal(SituationStatus.Open, situation.Status);
        Assert.Null(situation.LeadAcceptedAt);
        Assert.False(situation.Involves("cmha"));
        Assert.Equal(SituationAccess.TableView, SituationVisibility.For(LeadRep, situation));
        Assert.Equal(SituationRefusal.AgencyNotOnSituation, situation.Accept("cmha", LeadRep, Named).Refusal);
    }

    [Fact]
    public void An_assisting_agency_named_lead_gives_up_its_assisting_part()
    {
        var situation = LeadDeclined();

        Assert.True(situation.ChangeLead("housing", CoChair, RexdaleAgencies, Due, Named).Succeeded);

        Assert.Equal("housing", situation.LeadAgencyId);
        Assert.Empty(situation.AssistingAssignments);
        Assert.Equal(AssignmentRole.Lead, situation.AssignmentOf("housing")!.Role);
        Assert.Equal(AssignmentRole.Lead, situation.AssignmentToAnswer(AssistingRep)!.Role);
    }

    [Fact]
    public void Adding_an_assisting_agency_asks_it()
    {
        var situation = Active();

        var result = situation.AddAssisting("city", CoChair, RexdaleAgencies, Named);

        Assert.True(result.Succeeded);
        Assert.Equal(["city"], result.NewlyAsked);
        Assert.Empty(result.Released);
        Assert.Equal((AssignmentRole.Assisting, AssignmentState.Requested), (situation.AssignmentOf("city")!.Role, situation.AssignmentOf("city")!.State));
        Assert.Null(situation.AssignmentOf("city")!.UpdateDueAt);
        Assert.Equal(SituationStatus.Active, situation.Status);
        Assert.Equal(SituationEventKind.AssistingAdded, situation.Events[^1].Kind);
    }

    [Fact]
    public void Releasing_an_assisting_agency_ends_its_part_and_it_can_be_added_again_later()
    {
        var situation = Active();

        var result = situation.ReleaseAssisting("housing", CoChair, Named);

        Assert.True(result.Succeeded);
        Assert.Equal(["housing"], result.Released);
        Assert.Empty(situation.AssistingAssignments);
        Assert.False(situation.CanAnswer(AssistingRep));
        Assert.Equal(SituationEventKind.Released, situation.Events[^1].Kind);

        Assert.True(situation.AddAssisting("housing", CoChair, RexdaleAgencies, Named.AddHours(1)).Succeeded);
        Assert.Equal(2, situation.Assignments.Count(a => a.AgencyId == "housing"));
        Assert.True(situation.CanAnswer(AssistingRep));
    }

    [Fact]
    public void Asking_a_declined_lead_again_gives_it_48_hours_from_being_asked()
    {
        var situation = LeadDeclined();

        var result = situation.AskAgain("cmha", CoChair, Due, Named);

        Assert.True(result.Succeeded);
        Assert.Equal(["cmha"], result.NewlyAsked);
        Assert.Equal(Named + Due, situation.UpdateDueAt);
        Assert.True(situation.CanAnswer(LeadRep));
        Assert.Equal(SituationEventKind.AskedAgain, situation.Events[^1].Kind);
    }

    public static TheoryData<string, SituationRefusal> LeadChangeRefusals => new()
    {
        { "not a co-chair", SituationRefusal.NotCoChair },
        { "co-chair of another table", SituationRefusal.NotCoChair },
        { "agency of another table", SituationRefusal.AgencyNotAtTable },
        { "unknown agency", SituationRefusal.AgencyNotAtTable },
        { "already the lead", SituationRefusal.AlreadyOnSituation },
        { "concluded", SituationRefusal.SituationConcluded },
    };

    [Theory]
    [MemberData(nameof(LeadChangeRefusals))]
    public void A_lead_change_is_refused_clearly_and_changes_nothing(string why, SituationRefusal refusal)
    {
        var situation = LeadDeclined();
        if (why == "concluded") situation.Conclude(CoChair, "other", Choices, Named);
        var version = situation.Version;
        var (agency, by) = why switch
        {
            "not a co-chair" => ("city", AssistingRep),
            "co-chair of another table" => ("city", CoChairOfYork),
            "agency of another table" => ("youth", CoChair),
            "unknown agency" => ("nobody", CoChair),
            "already the lead" => ("CMHA", CoChair),
            _ => ("city", CoChair),
        };

        var result = situation.ChangeLead(agency, by, RexdaleAgencies, Due, Named.AddHours(1));

        Assert.False(result.Succeeded);
        Assert.Equal(refusal, result.Refusal);
        Assert.Equal(version, situation.Version);
        Assert.Equal("cmha", situation.LeadAgencyId);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Fact]
    public void Adding_an_agency_already_on_the_situation_is_refused_and_a_declined_one_is_pointed_to_asking_again()
    {
        var situation = Recorded();
        situation.Decline("housing", AssistingRep, "Outside our catchment", Declined);

        var lead = situation.AddAssisting("cmha", CoChair, RexdaleAgencies, Named);
        var declined = situation.AddAssisting("housing", CoChair, RexdaleAgencies, Named);

        Assert.Equal(SituationRefusal.AlreadyOnSituation, lead.Refusal);
        Assert.Equal(SituationRefusal.AlreadyOnSituation, declined.Refusal);
        Assert.Contains("ask it again", declined.Message);
        Assert.Equal(SituationRefusal.AgencyNotAtTable, situation.AddAssisting("youth", CoChair, RexdaleAgencies, Named).Refusal);
        Assert.Equal(SituationRefusal.NotCoChair, situation.AddAssisting("city", LeadRep, RexdaleAgencies, Named).Refusal);
    }

    [Fact]
    public void The_lead_cannot_be_released_alone_nor_an_agency_not_named()
    {
        var situation = Active();

        Assert.Equal(SituationRefusal.IsLead, situation.ReleaseAssisting("cmha", CoChair, Named).Refusal);
        Assert.Equal(SituationRefusal.AgencyNotOnSituation, situation.ReleaseAssisting("city", CoChair, Named).Refusal);
        Assert.Equal(SituationRefusal.NotCoChair, situation.ReleaseAssisting("housing", AssistingRep, Named).Refusal);
        Assert.Equal(2, situation.Version);
    }

    [Fact]
    public void No_agency_change_on_a_concluded_situation()
    {
        var situation = LeadDeclined();
        situation.Conclude(CoChair, "other", Choices, Named);

        Assert.Equal(SituationRefusal.SituationConcluded, situation.AddAssisting("city", CoChair, RexdaleAgencies, Named).Refusal);
        Assert.Equal(SituationRefusal.SituationConcluded, situation.ReleaseAssisting("housing", CoChair, Named).Refusal);
        Assert.Equal(SituationRefusal.SituationConcluded, situation.AskAgain("cmha", CoChair, Due, Named).Refusal);
    }

    [Fact]
    public void Nobody_can_answer_on_a_concluded_situation_or_for_another_agency_or_table()
    {
        var situation = Recorded();

        Assert.True(situation.CanAnswer(LeadRep));
        Assert.True(situation.CanAnswer(AssistingRep));
        Assert.False(situation.CanAnswer(UninvolvedRep));
        Assert.False(situation.CanAnswer(LeadAgencyRepAtYork));
        Assert.False(situation.CanAnswer(null));
        situation.Conclude(CoChair, "other", Choices, Named);
        Assert.False(situation.CanAnswer(LeadRep));
    }
}

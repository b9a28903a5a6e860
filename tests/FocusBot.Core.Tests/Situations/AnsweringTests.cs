using FocusBot.Core.Situations;
using static FocusBot.Core.Tests.Situations.RexdaleTable;

namespace FocusBot.Core.Tests.Situations;

public class AnsweringTests
{
    private static readonly DateTimeOffset Later = TuesdayMorning.AddHours(2);

    [Fact]
    public void Lead_rep_accepting_makes_the_situation_active_and_the_48_hour_clock_keeps_running_from_the_recording()
    {
        var situation = Recorded();

        var result = situation.Accept("cmha", LeadRep, Later);

        Assert.True(result.Succeeded);
        Assert.True(result.Changed);
        Assert.Equal(SituationStatus.Active, situation.Status);
        Assert.Equal(Later, situation.LeadAcceptedAt);
        Assert.Equal(TuesdayMorning.AddHours(48), situation.UpdateDueAt);
        Assert.Equal(AssignmentState.Accepted, situation.LeadAssignment!.State);
        Assert.Equal(LeadRep.Email, situation.LeadAssignment!.RespondedByEmail);
        Assert.Equal(Later, situation.LeadAssignment!.RespondedAt);
    }

    [Fact]
    public void Accepting_appends_an_event_and_bumps_the_version()
    {
        var situation = Recorded();

        situation.Accept("cmha", LeadRep, Later);

        var accepted = situation.Events[^1];
        Assert.Equal(SituationEventKind.Accepted, accepted.Kind);
        Assert.Equal("cmha", accepted.AgencyId);
        Assert.Equal(LeadRep.Email, accepted.ByEmail);
        Assert.Equal(2, situation.Version);
    }

    [Fact]
    public void Accepting_twice_succeeds_without_a_new_event()
    {
        var situation = Recorded();
        situation.Accept("cmha", LeadRep, Later);

        var again = situation.Accept("cmha", LeadRep, Later.AddMinutes(5));

        Assert.True(again.Succeeded);
        Assert.False(again.Changed);
        Assert.Equal(2, situation.Version);
        Assert.Equal(2, situation.Events.Count);
        Assert.Equal(Later, situation.LeadAcceptedAt);
    }

    [Fact]
    public void Assisting_rep_accepting_leaves_the_situation_open()
    {
        var situation = Recorded();

        var result = situation.Accept("housing", AssistingRep, Later);

        Assert.True(result.Succeeded);
        Assert.Equal(SituationStatus.Open, situation.Status);
        Assert.Null(situation.AssignmentOf("housing")!.UpdateDueAt);
        Assert.Equal(AssignmentState.Accepted, situation.AssignmentOf("housing")!.State);
    }

    [Fact]
    public void Agency_ids_match_regardless_of_case()
    {
        var situation = Recorded();

        Assert.True(situation.Accept("CMHA", LeadRep, Later).Succeeded);
    }

    [Fact]
    public void Rep_of_another_agency_cannot_accept_as_lead()
    {
        var situation = Recorded();

        var result = situation.Accept("cmha", AssistingRep, Later);

        Assert.False(result.Succeeded);
        Assert.Equal(SituationRefusal.NotYourAgency, result.Refusal);
        Assert.Equal(SituationStatus.Open, situation.Status);
        Assert.Equal(1, situation.Version);
    }

    [Fact]
    public void Co_chair_cannot_accept_for_another_agency()
    {
        var result = Recorded().Accept("cmha", CoChair, Later);

        Assert.Equal(SituationRefusal.NotYourAgency, result.Refusal);
    }

    [Fact]
    public void Co_chair_can_accept_for_their_own_agency()
    {
        var coChairOfLead = new Roster.Member { Email = "chair@cmha.example", AgencyId = "cmha", Role = Roster.MemberRole.CoChair, TableIds = ["rexdale"] };

        Assert.True(Recorded().Accept("cmha", coChairOfLead, Later).Succeeded);
    }

    [Fact]
    public void Admin_cannot_answer_for_an_agency()
    {
        var adminOfLead = new Roster.Member { Email = "admin@cmha.example", AgencyId = "cmha", Role = Roster.MemberRole.Admin, TableIds = ["rexdale"] };

        Assert.Equal(SituationRefusal.NotYourAgency, Recorded().Accept("cmha", adminOfLead, Later).Refusal);
    }

    [Fact]
    public void Rep_of_the_lead_agency_at_another_table_cannot_accept()
    {
        var result = Recorded().Accept("cmha", LeadAgencyRepAtYork, Later);

        Assert.Equal(SituationRefusal.NotAtThisTable, result.Refusal);
    }

    [Fact]
    public void Rep_of_an_agency_not_named_cannot_accept()
    {
        var result = Recorded().Accept("youth", UninvolvedRep, Later);

        Assert.Equal(SituationRefusal.AgencyNotOnSituation, result.Refusal);
    }

    [Fact]
    public void Nobody_can_accept_on_a_concluded_situation()
    {
        var situation = Recorded();
        situation.Conclude(CoChair, "other", Choices, Later);

        var result = situation.Accept("cmha", LeadRep, Later.AddHours(1));

        Assert.Equal(SituationRefusal.SituationConcluded, result.Refusal);
    }

    [Fact]
    public void Lead_decline_keeps_the_situation_open_and_says_so()
    {
        var situation = Recorded();

        var result = situation.Decline("cmha", LeadRep, "No capacity this month", Later);

        Assert.True(result.Succeeded);
        Assert.True(result.LeadDeclined);
        Assert.Equal(SituationStatus.Open, situation.Status);
        Assert.Equal(AssignmentState.Declined, situation.LeadAssignment!.State);
        Assert.Equal("No capacity this month", situation.LeadAssignment!.DeclineReason);
        Assert.Equal(SituationEventKind.Declined, situation.Events[^1].Kind);
        Assert.Equal(2, situation.Version);
    }

    [Fact]
    public void Decline_event_does_not_carry_the_reason()
    {
        var situation = Recorded();

        situation.Decline("housing", AssistingRep, "Outside our catchment", Later);

        var declined = situation.Events[^1];
        Assert.Equal(AssignmentRole.Assisting, declined.Role);
        Assert.DoesNotContain(typeof(SituationEvent).GetProperties().Select(p => p.GetValue(declined) as string), text => text?.Contains("catchment") == true);
    }

    [Fact]
    public void Assisting_decline_is_not_a_lead_decline()
    {
        var result = Recorded().Decline("housing", AssistingRep, "Outside our catchment", Later);

        Assert.True(result.Succeeded);
        Assert.False(result.LeadDeclined);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  no ")]
    [InlineData("x")]
    public void Decline_needs_a_reason(string? reason)
    {
        var situation = Recorded();

        var result = situation.Decline("cmha", LeadRep, reason, Later);

        Assert.Equal(SituationRefusal.InvalidText, result.Refusal);
        Assert.Equal(AssignmentState.Requested, situation.LeadAssignment!.State);
    }

    [Fact]
    public void Decline_reason_is_at_most_300_characters()
    {
        var result = Recorded().Decline("cmha", LeadRep, new string('a', 301), Later);

        Assert.Equal(SituationRefusal.InvalidText, result.Refusal);
    }

    [Fact]
    public void Decline_reason_with_a_phone_number_is_refused()
    {
        var result = Recorded().Decline("cmha", LeadRep, "Call me at 416-555-0199 to discuss", Later);

        Assert.Equal(SituationRefusal.IdentifyingDetails, result.Refusal);
        Assert.Contains("a phone number? '416-555-0199'", result.Message);
    }

    [Fact]
    public void Declining_twice_succeeds_without_a_new_event()
    {
        var situation = Recorded();
        situation.Decline("cmha", LeadRep, "No capacity", Later);

        var again = situation.Decline("cmha", LeadRep, "No capacity", Later.AddMinutes(1));

        Assert.True(again.Succeeded);
        Assert.False(again.Changed);
        Assert.Equal(2, situation.Version);
    }

    [Fact]
    public void Declined_assignment_cannot_then_be_accepted()
    {
        var situation = Recorded();
        situation.Decline("cmha", LeadRep, "No capacity", Later);

        var result = situation.Accept("cmha", LeadRep, Later.AddHours(1));

        Assert.Equal(SituationRefusal.AlreadyDeclined, result.Refusal);
        Assert.Equal(SituationStatus.Open, situation.Status);
    }

    [Fact]
    public void Accepted_assignment_cannot_then_be_declined()
    {
        var situation = Active();

        var result = situation.Decline("cmha", LeadRep, "Changed our mind", Later.AddHours(1));

        Assert.Equal(SituationRefusal.AlreadyAccepted, result.Refusal);
        Assert.Equal(AssignmentState.Accepted, situation.LeadAssignment!.State);
    }

    [Fact]
    public void Rep_of_another_agency_cannot_decline()
    {
        Assert.Equal(SituationRefusal.NotYourAgency, Recorded().Decline("cmha", UninvolvedRep, "Not us", Later).Refusal);
    }

    [Fact]
    public void Co_chair_asking_again_lets_a_declined_agency_accept()
    {
        var situation = Recorded();
        situation.Decline("cmha", LeadRep, "No capacity", Later);

        var asked = situation.AskAgain("cmha", CoChair, TimeSpan.FromHours(48), Later.AddHours(1));
        var accepted = situation.Accept("cmha", LeadRep, Later.AddHours(2));

        Assert.True(asked.Succeeded);
        Assert.True(accepted.Succeeded);
        Assert.Equal(SituationStatus.Active, situation.Status);
        Assert.Null(situation.LeadAssignment!.DeclineReason);
        Assert.Equal(
            [SituationEventKind.Recorded, SituationEventKind.Declined, SituationEventKind.AskedAgain, SituationEventKind.Accepted],
            situation.Events.Select(e => e.Kind));
        Assert.Equal(4, situation.Version);
    }

    [Fact]
    public void Rep_cannot_ask_again()
    {
        var situation = Recorded();
        situation.Decline("cmha", LeadRep, "No capacity", Later);

        Assert.Equal(SituationRefusal.NotCoChair, situation.AskAgain("cmha", LeadRep, TimeSpan.FromHours(48), Later).Refusal);
    }

    [Fact]
    public void Asking_again_an_agency_that_did_not_decline_is_refused()
    {
        Assert.Equal(SituationRefusal.NotDeclined, Recorded().AskAgain("cmha", CoChair, TimeSpan.FromHours(48), Later).Refusal);
    }

    [Fact]
    public void Asking_again_an_agency_not_named_is_refused()
    {
        Assert.Equal(SituationRefusal.AgencyNotOnSituation, Recorded().AskAgain("youth", CoChair, TimeSpan.FromHours(48), Later).Refusal);
    }

    [Fact]
    public void Asking_again_on_a_concluded_situation_is_refused()
    {
        var situation = Recorded();
        situation.Decline("cmha", LeadRep, "No capacity", Later);
        situation.Conclude(CoChair, "other", Choices, Later);

        Assert.Equal(SituationRefusal.SituationConcluded, situation.AskAgain("cmha", CoChair, TimeSpan.FromHours(48), Later).Refusal);
    }
}

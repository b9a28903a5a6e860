using FocusBot.Core.Situations;
using Microsoft.Extensions.Time.Testing;
using static FocusBot.Core.Tests.Situations.RexdaleTable;

namespace FocusBot.Core.Tests.Situations;

public class UpdateTests
{
    private readonly FakeTimeProvider _clock = new(TuesdayMorning);

    private Situation AcceptedByLeadNow()
    {
        var situation = Recorded(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromHours(1));
        situation.Accept("cmha", LeadRep, _clock.GetUtcNow());
        return situation;
    }

    private SituationResult Post(Situation situation, Roster.Member member, string note = "Door knock done with police; engaged.",
        string kind = "contacted", string? nextStep = "Follow-up visit Friday", IEnumerable<string>? barriers = null) =>
        situation.PostUpdate(member, kind, note, nextStep, barriers ?? [], Choices, _clock.GetUtcNow());

    [Fact]
    public void Lead_agencys_first_update_within_48_hours_is_the_48_hour_update_on_time()
    {
        var situation = AcceptedByLeadNow();
        _clock.Advance(TimeSpan.FromHours(47));

        var result = Post(situation, LeadRep);

        Assert.True(result.Succeeded);
        var update = Assert.Single(situation.Updates);
        Assert.Same(update, result.PostedUpdate);
        Assert.True(update.IsFortyEightHourUpdate);
        Assert.True(update.WasOnTime);
        Assert.True(situation.HasFortyEightHourUpdate);
    }

    [Fact]
    public void Update_exactly_at_the_due_time_is_on_time()
    {
        var situation = AcceptedByLeadNow();
        _clock.Advance(TimeSpan.FromHours(47)); // accepted 1 hour after the recording: 48 hours after the recording

        Post(situation, LeadRep);

        Assert.True(situation.Updates[0].WasOnTime);
    }

    [Fact]
    public void Lead_agencys_first_update_after_48_hours_is_late()
    {
        var situation = AcceptedByLeadNow();
        _clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));

        var result = Post(situation, LeadRep);

        var update = Assert.Single(situation.Updates);
        Assert.True(update.IsFortyEightHourUpdate);
        Assert.False(update.WasOnTime);
        Assert.Contains("after it was due", result.Message);
        Assert.False(situation.Events[^1].WasOnTime);
    }

    [Fact]
    public void Only_the_first_lead_update_is_the_48_hour_update()
    {
        var situation = AcceptedByLeadNow();
        Post(situation, LeadRep);
        _clock.Advance(TimeSpan.FromDays(7));

        Post(situation, LeadRep, kind: "connected-to-services");

        Assert.False(situation.Updates[1].IsFortyEightHourUpdate);
        Assert.Null(situation.Updates[1].WasOnTime);
    }

    [Fact]
    public void Assisting_agencys_update_is_not_the_48_hour_update()
    {
        var situation = AcceptedByLeadNow();
        situation.Accept("housing", AssistingRep, _clock.GetUtcNow());

        var result = Post(situation, AssistingRep);

        Assert.True(result.Succeeded);
        Assert.False(situation.Updates[0].IsFortyEightHourUpdate);
        Assert.Null(situation.Updates[0].WasOnTime);
        Assert.Equal("housing", situation.Updates[0].AgencyId);
    }

    [Fact]
    public void Update_keeps_who_when_kind_note_next_step_and_barriers()
    {
        var situation = AcceptedByLeadNow();

        Post(situation, LeadRep, note: "  Engaged, agreed to assessment.  ", kind: "CONNECTED-TO-SERVICES",
            nextStep: "Assessment booked", barriers: ["no-family-doctor", "Transportation", "no-family-doctor"]);

        var update = situation.Updates[0];
        Assert.Equal("cmha", update.AgencyId);
        Assert.Equal(LeadRep.Email, update.ByEmail);
        Assert.Equal(_clock.GetUtcNow(), update.At);
        Assert.Equal("connected-to-services", update.KindId);
        Assert.Equal("Engaged, agreed to assessment.", update.Note);
        Assert.Equal("Assessment booked", update.NextStep);
        Assert.Equal(["no-family-doctor", "transportation"], update.BarrierIds);
        Assert.NotEqual(Guid.Empty, update.Id);
    }

    [Fact]
    public void Posting_appends_an_event_without_the_note_and_bumps_the_version()
    {
        var situation = AcceptedByLeadNow();
        var before = situation.Version;

        Post(situation, LeadRep, note: "Engaged with the worker today");

        var posted = situation.Events[^1];
        Assert.Equal(SituationEventKind.UpdatePosted, posted.Kind);
        Assert.Equal("cmha", posted.AgencyId);
        Assert.DoesNotContain(typeof(SituationEvent).GetProperties().Select(p => p.GetValue(posted) as string), text => text?.Contains("worker") == true);
        Assert.Equal(before + 1, situation.Version);
    }

    [Fact]
    public void Co_chair_can_post_an_update_without_an_assignment()
    {
        var situation = AcceptedByLeadNow();

        var result = Post(situation, CoChair);

        Assert.True(result.Succeeded);
        Assert.False(situation.Updates[0].IsFortyEightHourUpdate);
    }

    [Fact]
    public void Agency_that_has_not_accepted_cannot_post()
    {
        var situation = AcceptedByLeadNow();

        Assert.Equal(SituationRefusal.NoAcceptedAssignment, Post(situation, AssistingRep).Refusal);
    }

    [Fact]
    public void Agency_that_declined_cannot_post()
    {
        var situation = AcceptedByLeadNow();
        situation.Decline("housing", AssistingRep, "No capacity", _clock.GetUtcNow());

        Assert.Equal(SituationRefusal.NoAcceptedAssignment, Post(situation, AssistingRep).Refusal);
    }

    [Fact]
    public void Uninvolved_rep_cannot_post()
    {
        Assert.Equal(SituationRefusal.NoAcceptedAssignment, Post(AcceptedByLeadNow(), UninvolvedRep).Refusal);
    }

    [Fact]
    public void Member_of_another_table_cannot_post()
    {
        Assert.Equal(SituationRefusal.NotAtThisTable, Post(AcceptedByLeadNow(), LeadAgencyRepAtYork).Refusal);
    }

    [Fact]
    public void No_update_on_a_concluded_situation()
    {
        var situation = AcceptedByLeadNow();
        situation.Conclude(CoChair, "risk-lowered-connected", Choices, _clock.GetUtcNow());

        Assert.Equal(SituationRefusal.SituationConcluded, Post(situation, LeadRep).Refusal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Note_is_required(string note)
    {
        Assert.Equal(SituationRefusal.InvalidText, Post(AcceptedByLeadNow(), LeadRep, note: note).Refusal);
    }

    [Fact]
    public void Note_is_at_most_1000_characters()
    {
        var situation = AcceptedByLeadNow();

        Assert.True(Post(situation, LeadRep, note: new string('a', 1000)).Succeeded);
        Assert.Equal(SituationRefusal.InvalidText, Post(situation, LeadRep, note: new string('a', 1001)).Refusal);
    }

    [Fact]
    public void Next_step_is_at_most_500_characters()
    {
        Assert.Equal(SituationRefusal.InvalidText, Post(AcceptedByLeadNow(), LeadRep, nextStep: new string('a', 501)).Refusal);
    }

    [Fact]
    public void Note_with_an_address_is_refused_and_nothing_is_stored()
    {
        var situation = AcceptedByLeadNow();
        var before = situation.Version;

        var result = Post(situation, LeadRep, note: "Found him at 45 Jane Street");

        Assert.Equal(SituationRefusal.IdentifyingDetails, result.Refusal);
        Assert.Equal(
            "Please remove what could identify someone: a street address? '45 Jane Street'. Names and numbers that " +
            "identify a person must not be written here; this check helps but cannot catch everything.",
            result.Message);
        Assert.Empty(situation.Updates);
        Assert.Equal(before, situation.Version);
    }

    [Fact]
    public void Next_step_with_a_phone_number_is_refused()
    {
        var result = Post(AcceptedByLeadNow(), LeadRep, nextStep: "Call mother on 647-555-0123");

        Assert.Equal(SituationRefusal.IdentifyingDetails, result.Refusal);
    }

    [Fact]
    public void Update_kind_must_be_in_the_catalogue()
    {
        Assert.Equal(SituationRefusal.UnknownUpdateKind, Post(AcceptedByLeadNow(), LeadRep, kind: "gossip").Refusal);
    }

    [Fact]
    public void Barriers_must_be_in_the_catalogue()
    {
        Assert.Equal(SituationRefusal.UnknownBarrier, Post(AcceptedByLeadNow(), LeadRep, barriers: ["no-shelter-bed", "bad-weather"]).Refusal);
    }
}

using System.Text.Json.Nodes;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards.Situations;
using static FocusBot.Teams.Tests.Cards.CardReading;
using static FocusBot.Teams.Tests.Cards.DemoTable;

namespace FocusBot.Teams.Tests.Cards;

public sealed class SituationCardTests
{
    private const string DeclineReason = "Our outreach team is at capacity this month.";
    private const string UpdateNote = "Door knock done with outreach; he agreed to see the team.";
    private const string NextStep = "Intake appointment this week";
    private static readonly DateTimeOffset TwoDaysLater = RecordedAt.AddDays(2).AddHours(-1);

    private static JsonObject Card(Situation s, SituationCardViewer viewer, DateTimeOffset? now = null) =>
        Json(SituationCard.Build(s, Demo, AgenciesById, Catalogue, viewer, now ?? TwoDaysLater));

    private static JsonObject PersonalCard(Situation s, Member member, DateTimeOffset? now = null) =>
        Card(s, Personal(member, s), now);

    private static string Status(JsonObject card) => (string)Body(card)[1]!["text"]!;

    /// <summary>Lead accepted and posted the 48-hour update with a note; the assisting agency declined with a reason.</summary>
    private static Situation WithNotesAndADecline()
    {
        var s = LeadAccepted();
        Succeeds(s.Decline("harbour-housing", AssistingRep, DeclineReason, RecordedAt.AddHours(2)));
        Succeeds(s.PostUpdate(LeadRep, "contacted", UpdateNote, NextStep, [], Catalogue, RecordedAt.AddDays(1)));
        return s;
    }

    [Fact]
    public void Heading_names_the_situation_and_its_table()
    {
        var card = Card(Recorded(), SituationCardViewer.Channel);

        Assert.Equal("Situation DM-2026-0001 · Demo Table", (string?)Body(card)[0]!["text"]);
    }

    [Fact]
    public void Lead_rep_with_a_requested_assignment_can_accept_as_lead_or_decline_with_a_reason()
    {
        var card = PersonalCard(Recorded(), LeadRep);

        Assert.Equal(["Accept as lead", "Decline"], ButtonTitles(card));
        var accept = Button(card, "Accept as lead");
        Assert.Equal("Action.Execute", TypeOf(accept));
        Assert.Equal("situation.accept", (string?)accept["verb"]);
        Assert.Equal("DM-2026-0001", (string?)accept["data"]!["situationId"]);
        Assert.Equal("northside-mh", (string?)accept["data"]!["agencyId"]);

        var decline = Button(card, "Decline");
        Assert.Equal("Action.ShowCard", TypeOf(decline));
        var form = decline["card"]!.AsObject();
        var reason = Input(form, "reason");
        Assert.Equal("Input.Text", TypeOf(reason));
        Assert.Equal("Why is your agency declining?", (string?)reason["label"]);
        Assert.True((bool)reason["isRequired"]!);
        Assert.Equal(300, (int)reason["maxLength"]!);
        var execute = Assert.Single(Buttons(form));
        Assert.Equal("Decline", (string?)execute["title"]);
        Assert.Equal("situation.decline", (string?)execute["verb"]);
        Assert.Equal("DM-2026-0001", (string?)execute["data"]!["situationId"]);
        Assert.Equal("northside-mh", (string?)execute["data"]!["agencyId"]);
    }

    [Theory]
    [InlineData("ab", false)]
    [InlineData("   ab   ", false)]
    [InlineData("abc", true)]
    [InlineData("No capacity\nuntil next month", true)]
    public void Decline_reason_is_checked_for_3_to_300_characters_before_it_is_sent(string reason, bool accepted)
    {
        var card = PersonalCard(Recorded(), LeadRep);
        var input = Input(Button(card, "Decline")["card"]!.AsObject(), "reason");

        var pattern = new System.Text.RegularExpressions.Regex((string)input["regex"]!);

        Assert.Equal(accepted, pattern.IsMatch(reason));
        Assert.DoesNotMatch(pattern, new string('x', 301));
    }

    [Fact]
    public void Assisting_rep_with_a_requested_assignment_can_accept_as_assisting()
    {
        var card = PersonalCard(LeadAccepted(), AssistingRep);

        Assert.Equal(["Accept as assisting", "Decline"], ButtonTitles(card));
        Assert.Equal("harbour-housing", (string?)Button(card, "Accept as assisting")["data"]!["agencyId"]);
    }

    [Fact]
    public void After_accepting_the_rep_can_post_updates_and_no_longer_accept()
    {
        var card = PersonalCard(LeadAccepted(), LeadRep);

        Assert.Equal(["Post update"], ButtonTitles(card));
        var update = Button(card, "Post update");
        Assert.Equal("situation.updateForm", (string?)update["verb"]);
        Assert.Equal("DM-2026-0001", (string?)update["data"]!["situationId"]);
        Assert.DoesNotContain(Buttons(card), b => (string?)b["verb"] == "situation.view");
    }

    [Fact]
    public void Another_rep_of_the_lead_agency_gets_the_same_buttons()
    {
        var card = PersonalCard(Recorded(), Rep("rep2.demo@northside-mh.example", "northside-mh"));

        Assert.Contains("Accept as lead", ButtonTitles(card));
    }

    [Fact]
    public void Uninvolved_member_sees_the_filter_2_card_without_buttons_or_summary()
    {
        var s = WithNotesAndADecline();
        var card = PersonalCard(s, UninvolvedRep);
        var text = card.ToJsonString();

        Assert.Empty(Buttons(card));
        Assert.DoesNotContain("summary", Texts(card), StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(Summary, text);
        Assert.DoesNotContain(UpdateNote, text);
        Assert.DoesNotContain(NextStep, text);
        Assert.DoesNotContain(DeclineReason, text);
        Assert.Contains(("Risk factors", "Mental health, Housing"), Facts(card));
    }

    [Fact]
    public void Agency_that_declined_loses_the_summary_and_its_buttons()
    {
        var s = WithNotesAndADecline();
        var card = PersonalCard(s, AssistingRep);

        Assert.Empty(Buttons(card));
        Assert.DoesNotContain(Summary, card.ToJsonString());
    }

    [Fact]
    public void Channel_copy_shows_only_filter_2_even_when_built_for_a_co_chair()
    {
        var s = WithNotesAndADecline();

        foreach (var viewer in new[] { SituationCardViewer.Channel, new SituationCardViewer(SituationAccess.Full, CoChair, InChannel: true) })
        {
            var card = Card(s, viewer);
            var text = card.ToJsonString();

            Assert.Null(card["actions"]);
            Assert.Null(card["refresh"]);
            Assert.Empty(OfType(card, "Action.Execute"));
            Assert.DoesNotContain(Summary, text);
            Assert.DoesNotContain(UpdateNote, text);
            Assert.DoesNotContain(NextStep, text);
            Assert.DoesNotContain(DeclineReason, text);
            Assert.Contains(("Assisting agency", "Harbour Housing Services (declined)"), Facts(card));
        }
    }

    [Fact]
    public void Channel_copy_has_no_buttons_even_while_agencies_are_waiting()
    {
        var card = Card(Recorded(), new SituationCardViewer(SituationAccess.Full, LeadRep, InChannel: true));

        Assert.Empty(Buttons(card));
        Assert.Null(card["refresh"]);
    }

    [Fact]
    public void Summary_is_shown_only_to_full_access_in_personal_chat()
    {
        var s = Recorded();

        Assert.Contains(Summary, Texts(PersonalCard(s, CoChair)));
        Assert.Contains(Summary, Texts(PersonalCard(s, LeadRep)));
        Assert.Contains(Summary, Texts(PersonalCard(s, OriginatingRep)));
        Assert.DoesNotContain(Summary, Texts(PersonalCard(s, UninvolvedRep)));
        Assert.DoesNotContain(Summary, Texts(Card(s, SituationCardViewer.Channel)));
    }

    [Fact]
    public void Full_access_in_personal_chat_reads_the_latest_update()
    {
        var card = PersonalCard(WithNotesAndADecline(), LeadRep);

        Assert.Contains(UpdateNote, Texts(card));
        Assert.Contains($"Next step: {NextStep}", Texts(card));
    }

    [Fact]
    public void Decline_reasons_go_to_the_co_chairs_only()
    {
        var s = WithNotesAndADecline();

        Assert.Contains(("Assisting agency", $"Harbour Housing Services (declined: {DeclineReason})"), Facts(PersonalCard(s, CoChair)));
        Assert.DoesNotContain(DeclineReason, PersonalCard(s, LeadRep).ToJsonString());
    }

    [Fact]
    public void Co_chair_who_is_not_on_the_situation_gets_no_accept_or_update_buttons_but_can_conclude()
    {
        var card = PersonalCard(LeadAccepted(), CoChair);

        Assert.Equal(["Change agencies", "Conclude"], ButtonTitles(card));
    }

    [Fact]
    public void Co_chair_concludes_from_the_card_with_one_of_the_tables_outcomes()
    {
        var conclude = Button(PersonalCard(LeadAccepted(), CoChair), "Conclude");

        Assert.Equal("Action.ShowCard", TypeOf(conclude));
        var form = conclude["card"]!.AsObject();
        var outcome = Input(form, "outcome");
        Assert.True((bool)outcome["isRequired"]!);
        Assert.Equal(Catalogue.Outcomes.Select(o => o.Id), outcome["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        var execute = Assert.Single(Buttons(form));
        Assert.Equal("situation.conclude", (string?)execute["verb"]);
        Assert.Equal("DM-2026-0001", (string?)execute["data"]!["situationId"]);
    }

    [Fact]
    public void Co_chair_can_re_open_a_concluded_situation_and_reps_cannot()
    {
        var s = LeadAccepted();
        Succeeds(s.Conclude(CoChair, "risk-lowered-connected", Catalogue, RecordedAt.AddDays(7)));

        var coChair = PersonalCard(s, CoChair, RecordedAt.AddDays(7));
        var lead = PersonalCard(s, LeadRep, RecordedAt.AddDays(7));

        Assert.Equal(["Re-open"], ButtonTitles(coChair));
        Assert.Equal("situation.reopen", (string?)Button(coChair, "Re-open")["verb"]);
        Assert.DoesNotContain("Re-open", ButtonTitles(lead));
        Assert.DoesNotContain("Conclude", ButtonTitles(lead));
    }

    [Fact]
    public void The_channel_copy_never_offers_conclude()
    {
        var card = Card(LeadAccepted(), new SituationCardViewer(SituationAccess.Full, CoChair, InChannel: true));

        Assert.Empty(Buttons(card));
    }

    [Fact]
    public void Personal_cards_refresh_for_each_viewer_with_the_situation_id()
    {
        var card = PersonalCard(Recorded(), LeadRep);

        var refresh = card["refresh"]!["action"]!;
        Assert.Equal("Action.Execute", (string?)refresh["type"]);
        Assert.Equal("situation.refresh", (string?)refresh["verb"]);
        Assert.Equal("DM-2026-0001", (string?)refresh["data"]!["situationId"]);
        Assert.Null(refresh["data"]!["agencyId"]);
    }

    [Fact]
    public void Member_of_another_table_is_told_the_situation_cannot_be_found()
    {
        var stranger = new Member { Email = "rep.lakeside@youthlink.example", AgencyId = "northside-mh", Role = MemberRole.Rep, TableIds = ["lakeside"] };
        var card = PersonalCard(Recorded(), stranger);
        var text = card.ToJsonString();

        Assert.Contains("That situation does not exist or is not yours to see.", Texts(card));
        Assert.DoesNotContain("DM-2026-0001", text);
        Assert.Empty(Buttons(card));
    }

    [Fact]
    public void Facts_use_the_catalogue_labels_and_name_each_agency_with_its_answer()
    {
        var card = Card(LeadAccepted(), SituationCardViewer.Channel);

        var facts = Facts(card);
        Assert.Contains(("Type", "Person"), facts);
        Assert.Contains(("Age group", "18–24"), facts);
        Assert.Contains(("Gender", "Male"), facts);
        Assert.Contains(("Risk factors", "Mental health, Housing"), facts);
        Assert.Contains(("Originating agency", "Police Division 99"), facts);
        Assert.Contains(("Lead agency", "Northside Mental Health (accepted)"), facts);
        Assert.Contains(("Assisting agency", "Harbour Housing Services (no answer yet)"), facts);
        Assert.Contains(("Recorded", "2 days ago (Tuesday 24 November 2026)"), facts);
        Assert.Contains(("48-hour update due", "Thursday 26 November 2026, 10:15\u00A0a.m. (Toronto time)"), facts);
    }

    [Fact]
    public void Days_since_recorded_count_in_the_tables_time_zone()
    {
        // 23:30 on Tuesday in Toronto is already Wednesday in UTC: still "today" for the table.
        var lateTuesday = new DateTimeOffset(2026, 11, 25, 4, 30, 0, TimeSpan.Zero);

        Assert.Contains(("Recorded", "today (Tuesday 24 November 2026)"), Facts(Card(Recorded(), SituationCardViewer.Channel, lateTuesday)));
    }

    [Fact]
    public void Status_says_the_lead_agency_has_not_yet_accepted()
    {
        var card = Card(Recorded(), SituationCardViewer.Channel);

        Assert.Equal("Waiting for the lead agency to accept", Status(card));
        Assert.Contains(("Lead agency", "Northside Mental Health (no answer yet)"), Facts(card));
    }

    [Fact]
    public void Status_names_the_agency_that_accepted_the_lead()
    {
        var card = Card(LeadAccepted(), SituationCardViewer.Channel, RecordedAt.AddHours(2));

        Assert.Equal("Active: lead accepted by Northside Mental Health", Status(card));
    }

    [Fact]
    public void Status_flags_an_overdue_48_hour_update()
    {
        var s = LeadAccepted(RecordedAt.AddHours(1));
        var dueAt = s.UpdateDueAt!.Value;

        Assert.Equal("Active: lead accepted by Northside Mental Health", Status(Card(s, SituationCardViewer.Channel, dueAt)));
        var overdue = Body(Card(s, SituationCardViewer.Channel, dueAt.AddMinutes(1)))[1]!;
        Assert.Equal("48-hour update overdue", (string?)overdue["text"]);
        Assert.Equal("Attention", (string?)overdue["color"]);
    }

    [Fact]
    public void Status_says_the_48_hour_update_came_on_time()
    {
        var s = LeadAccepted(RecordedAt.AddHours(1));
        Succeeds(s.PostUpdate(LeadRep, "contacted", UpdateNote, null, [], Catalogue, s.UpdateDueAt!.Value));

        var card = Card(s, SituationCardViewer.Channel, s.UpdateDueAt!.Value.AddDays(1));

        Assert.Equal("48-hour update posted on time", Status(card));
        Assert.DoesNotContain(Facts(card), f => f.Title == "48-hour update due");
    }

    [Fact]
    public void Status_says_the_48_hour_update_came_late()
    {
        var s = LeadAccepted(RecordedAt.AddHours(1));
        Succeeds(s.PostUpdate(LeadRep, "contacted", UpdateNote, null, [], Catalogue, s.UpdateDueAt!.Value.AddMinutes(5)));

        Assert.Equal("48-hour update posted late", Status(Card(s, SituationCardViewer.Channel, s.UpdateDueAt!.Value.AddDays(1))));
    }

    [Fact]
    public void Status_gives_the_outcome_of_a_concluded_situation()
    {
        var s = LeadAccepted();
        Succeeds(s.Conclude(CoChair, "still-aer-refused", Catalogue, RecordedAt.AddDays(7)));

        Assert.Equal("Concluded: Still AER – refused services", Status(Card(s, SituationCardViewer.Channel, RecordedAt.AddDays(7))));
    }

    [Fact]
    public void Status_tells_the_table_when_the_lead_declined()
    {
        var s = Recorded();
        Succeeds(s.Decline("northside-mh", LeadRep, "No capacity this month.", RecordedAt.AddHours(1)));

        var card = Card(s, SituationCardViewer.Channel);

        Assert.Equal("The lead agency declined: the co-chairs will name another lead", Status(card));
        Assert.Contains(("Lead agency", "Northside Mental Health (declined)"), Facts(card));
    }

    [Fact]
    public void Concluded_situation_offers_no_accept_even_to_an_agency_that_never_answered()
    {
        var s = LeadAccepted();
        Succeeds(s.Conclude(CoChair, "risk-lowered-connected", Catalogue, RecordedAt.AddDays(7)));

        var card = PersonalCard(s, AssistingRep, RecordedAt.AddDays(7));

        Assert.Empty(ButtonTitles(card));
    }

    [Fact]
    public void Administrator_cannot_answer_for_their_agency()
    {
        var admin = new Member { Email = "admin@northside-mh.example", AgencyId = "northside-mh", Role = MemberRole.Admin, TableIds = ["demo"] };

        var card = PersonalCard(Recorded(), admin);

        Assert.DoesNotContain("Accept as lead", ButtonTitles(card));
    }
}

using FocusBot.Core.Conversations;
using FocusBot.Core.Situations;
using FocusBot.Data.Conversations;
using FocusBot.Data.Situations;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>The first journey: a co-chair records a situation, the named agencies' reps accept or decline it from the card.</summary>
public sealed class AssignmentJourneyTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        _bot.TeamsKnows("chair", "chair.demo@city.example");
        _bot.TeamsKnows("lead-rep", "rep.demo@northside-mh.example");
        _bot.TeamsKnows("lead-rep-2", "rep2.demo@northside-mh.example");
        _bot.TeamsKnows("housing-rep", "rep.demo@harbour-housing.example");
        _bot.TeamsKnows("lakeside-rep", "rep.lakeside@youthlink.example");
        await using var db = _bot.Database();
        await new EfConversationStore(db, _bot.Time).LinkTableChannelAsync("demo", ConversationAddress.Channel("19:demo-channel@thread.tacv2"), default);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static JObject ValidForm() => new()
    {
        ["table"] = "demo", ["type"] = "person", ["ageGroup"] = "25-29", ["gender"] = "male",
        ["riskFactors"] = "mental-health,housing", ["summary"] = "Repeated crisis calls; eviction notice served.",
        ["originatingAgency"] = "tps-99", ["leadAgency"] = "northside-mh", ["assistingAgencies"] = "harbour-housing",
    };

    private async Task<string> RecordAsync()
    {
        var (_, card) = await _bot.ClickAsync("chair", "situation.record", ValidForm());
        Assert.True(card is not null, $"no card from situation.record; chat sent {_bot.Chat.Sent.Count}; replies {_bot.Adapter.ActiveQueue.Count}");
        Assert.Contains("DM-2026-0001", card!.ToString());
        // The co-chair's own confirmation is redrawn once the cards are out; the tests below count the situation's cards.
        _bot.Chat.Updated.RemoveAll(u => u.ActivityId == "card-message-1");
        return "DM-2026-0001";
    }

    private static string TextOf(JObject? card) => string.Join("\n", card!.Descendants().OfType<JProperty>()
        .Where(p => p.Name is "text" or "title" or "value" && p.Value.Type == JTokenType.String).Select(p => p.Value.ToString()));

    [Fact]
    public async Task A_co_chair_gets_the_new_situation_form_and_a_rep_does_not()
    {
        var chair = Assert.Single(await _bot.SendAsync(BotHarness.Message("new situation", "chair")));
        var rep = Assert.Single(await _bot.SendAsync(BotHarness.Message("new situation", "lead-rep")));

        Assert.Contains("Record situation", CardText.Of(chair));
        Assert.Contains("Demo Table", CardText.Of(chair));
        Assert.Contains("Only a table's co-chair can record a situation.", CardText.Of(rep));
    }

    [Fact]
    public async Task Recording_posts_the_channel_card_and_a_personal_card_to_each_rep_of_the_named_agencies()
    {
        await RecordAsync();

        var sent = _bot.Chat.Sent.Select(s => s.To.ToString()).Order().ToList();
        Assert.Equal(
            ["channel:19:demo-channel@thread.tacv2", "personal:rep.demo@harbour-housing.example",
             "personal:rep.demo@northside-mh.example", "personal:rep2.demo@northside-mh.example"], sent);
        var channelCard = _bot.Chat.Sent.Single(s => s.To.Kind == ConversationKind.Channel).Message.CardJson!;
        Assert.DoesNotContain("eviction", channelCard);
        Assert.DoesNotContain("Accept as lead", channelCard);
        var leadCard = _bot.Chat.Sent.Single(s => s.To.Key == "rep.demo@northside-mh.example").Message.CardJson!;
        Assert.Contains("Accept as lead", leadCard);
        Assert.Contains("Decline", leadCard);
        var assistingCard = _bot.Chat.Sent.Single(s => s.To.Key == "rep.demo@harbour-housing.example").Message.CardJson!;
        Assert.Contains("Accept as assisting", assistingCard);
        Assert.DoesNotContain("Accept as lead", assistingCard);
        await using var db = _bot.Database();
        Assert.Equal(4, await db.SituationCards.CountAsync());
    }

    [Fact]
    public async Task Co_chairs_are_told_which_reps_the_card_could_not_reach()
    {
        _bot.Chat.Unreachable.Add("rep2.demo@northside-mh.example");

        var (_, recorded) = await _bot.ClickAsync("chair", "situation.record", ValidForm(), cardMessageId: "form-1");

        // The answer comes before any card is sent; the confirmation is redrawn in place once they have all gone out.
        Assert.Contains("on its way", TextOf(recorded));
        var redrawn = _bot.Chat.Updated.Single(u => u.ActivityId == "form-1");
        Assert.Equal(ConversationAddress.Personal("chair.demo@city.example"), redrawn.To);
        Assert.Contains("rep2.demo@northside-mh.example", redrawn.Message.CardJson);
        Assert.Contains("\"Channel copy\"", redrawn.Message.CardJson);
        var told = _bot.Chat.Sent.Where(s => s.Message.Text?.Contains("rep2.demo@northside-mh.example has no chat with FocusBot") == true)
            .Select(s => s.To.Key).Order();
        Assert.Equal(["admin@city.example", "chair.demo@city.example", "officer.demo@tps99.example"], told);
    }

    [Fact]
    public async Task An_invalid_form_comes_back_with_every_problem_and_what_was_typed_and_nothing_is_stored()
    {
        var form = ValidForm();
        form["ageGroup"] = "ancient";
        form["summary"] = "Call her at 416-555-0199 about it.";
        form["leadAgency"] = "harbour-housing";

        var (status, card) = await _bot.ClickAsync("chair", "situation.record", form);

        Assert.Equal(200, status);
        var text = TextOf(card);
        Assert.Contains("Please fix", text);
        Assert.Contains("phone number", text);
        Assert.Contains("Call her at 416-555-0199 about it.", card!.ToString());
        await using var db = _bot.Database();
        Assert.False(await db.Situations.AnyAsync());
        Assert.Empty(_bot.Chat.Sent);
    }

    [Fact]
    public async Task The_lead_rep_accepts_from_the_card_and_every_copy_shows_it()
    {
        var id = await RecordAsync();

        var (status, card) = await _bot.ClickAsync("lead-rep", "situation.accept", new JObject { ["situationId"] = id, ["agencyId"] = "northside-mh" });

        Assert.Equal(200, status);
        var text = TextOf(card);
        Assert.Contains("as lead", text);
        Assert.Contains("48-hour update is due", text);
        Assert.Contains("Thursday 26 November 2026", text);
        Assert.Equal(4, _bot.Chat.Updated.Count);
        var channel = _bot.Chat.Updated.Single(u => u.To.Kind == ConversationKind.Channel).Message.CardJson!;
        Assert.Contains("Northside Mental Health", channel);
        Assert.Contains("(accepted)", channel);
        var leadCopy = _bot.Chat.Updated.Single(u => u.To.Key == "rep.demo@northside-mh.example").Message.CardJson!;
        Assert.DoesNotContain("Accept as lead", leadCopy);
        await using var db = _bot.Database();
        Assert.Equal(SituationStatus.Active, (await new EfSituationStore(db).FindAsync(id, default))!.Status);
    }

    [Fact]
    public async Task A_rep_of_another_agency_cannot_accept_and_nothing_changes()
    {
        var id = await RecordAsync();

        var (_, card) = await _bot.ClickAsync("housing-rep", "situation.accept", new JObject { ["situationId"] = id, ["agencyId"] = "northside-mh" });

        Assert.Contains("Acceptance not recorded", TextOf(card));
        Assert.Contains("Only a representative of Northside Mental Health at this table", TextOf(card));
        Assert.DoesNotContain("northside-mh", TextOf(card));
        Assert.Empty(_bot.Chat.Updated);
        await using var db = _bot.Database();
        Assert.Equal(SituationStatus.Open, (await new EfSituationStore(db).FindAsync(id, default))!.Status);
    }

    [Fact]
    public async Task The_second_rep_of_the_lead_agency_is_told_it_is_already_accepted()
    {
        var id = await RecordAsync();
        await _bot.ClickAsync("lead-rep", "situation.accept", new JObject { ["situationId"] = id, ["agencyId"] = "northside-mh" });
        var updatesAfterFirst = _bot.Chat.Updated.Count;

        var (_, card) = await _bot.ClickAsync("lead-rep-2", "situation.accept", new JObject { ["situationId"] = id, ["agencyId"] = "northside-mh" });

        Assert.Contains("Northside Mental Health", TextOf(card));
        Assert.Equal(updatesAfterFirst, _bot.Chat.Updated.Count);
        await using var db = _bot.Database();
        Assert.Single((await new EfSituationStore(db).FindAsync(id, default))!.Events, e => e.Kind == SituationEventKind.Accepted);
    }

    [Fact]
    public async Task A_lead_that_declines_names_a_reason_and_the_co_chairs_are_told()
    {
        var id = await RecordAsync();
        _bot.Chat.Sent.Clear();

        var (_, noReason) = await _bot.ClickAsync("lead-rep", "situation.decline", new JObject { ["situationId"] = id, ["agencyId"] = "northside-mh" });
        var (_, declined) = await _bot.ClickAsync("lead-rep", "situation.decline",
            new JObject { ["situationId"] = id, ["agencyId"] = "northside-mh", ["reason"] = "No capacity this week" });

        Assert.Contains("Decline not recorded", TextOf(noReason));
        // The refusal keeps the card: the situation's details and the rep's buttons to try again.
        Assert.Contains($"Situation {id}", TextOf(noReason));
        Assert.Contains(noReason!.SelectTokens("$..title").Select(t => (string?)t), t => t == "Decline");
        Assert.Contains(noReason.SelectTokens("$..title").Select(t => (string?)t), t => t == "Accept as lead");
        Assert.Contains("Declined", TextOf(declined));
        var told = _bot.Chat.Sent.Where(s => s.Message.Text?.Contains("declined to lead DM-2026-0001") == true).Select(s => s.To.Key).Order();
        Assert.Equal(["admin@city.example", "chair.demo@city.example", "officer.demo@tps99.example"], told);
    }

    [Fact]
    public async Task A_decline_reason_ending_in_a_full_stop_is_not_given_a_second_one_in_the_co_chairs_notice()
    {
        var id = await RecordAsync();
        _bot.Chat.Sent.Clear();

        await _bot.ClickAsync("lead-rep", "situation.decline",
            new JObject { ["situationId"] = id, ["agencyId"] = "northside-mh", ["reason"] = "No capacity this week." });

        var notice = _bot.Chat.Sent.First(s => s.Message.Text?.Contains("declined to lead") == true).Message.Text!;
        Assert.Contains("Reason: No capacity this week. Please", notice);
    }

    [Theory]
    [InlineData("situation.accept", """{ "situationId": "DM-2026-9999", "agencyId": "northside-mh" }""", "not found")]
    [InlineData("situation.accept", """{ "situationId": "'; DROP TABLE situations; --", "agencyId": "x" }""", "not found")]
    [InlineData("situation.accept", """{ "agencyId": "northside-mh" }""", "Something is missing")]
    [InlineData("situation.accept", """{ "situationId": 42, "agencyId": ["northside-mh"] }""", "Something is missing")]
    [InlineData("situation.format-disk", """{ "situationId": "DM-2026-0001" }""", "Unknown button")]
    public async Task Forged_card_data_gets_a_clear_card_and_changes_nothing(string verb, string data, string expected)
    {
        await RecordAsync();
        _bot.Chat.Sent.Clear();

        var (status, card) = await _bot.ClickAsync("lead-rep", verb, JObject.Parse(data));

        Assert.Equal(200, status);
        Assert.Contains(expected, TextOf(card), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_bot.Chat.Updated);
        await using var db = _bot.Database();
        Assert.Equal(SituationStatus.Open, (await db.Situations.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_megabyte_of_card_data_is_refused_without_storing_anything()
    {
        var form = ValidForm();
        form["summary"] = new string('a', 1024 * 1024);
        form["table"] = new string('t', 1024 * 1024);

        var (status, card) = await _bot.ClickAsync("chair", "situation.record", form);

        Assert.Equal(200, status);
        Assert.Contains("Please fix", TextOf(card));
        await using var db = _bot.Database();
        Assert.False(await db.Situations.AnyAsync());
    }

    [Fact]
    public async Task A_member_of_another_table_learns_nothing_about_the_situation()
    {
        var id = await RecordAsync();

        var (_, card) = await _bot.ClickAsync("lakeside-rep", "situation.view", new JObject { ["situationId"] = id });
        var typed = Assert.Single(await _bot.SendAsync(BotHarness.Message($"situation {id}", "lakeside-rep")));

        Assert.Contains("not found", TextOf(card), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Northside", CardText.Of(typed));
    }

    [Fact]
    public async Task An_unknown_user_clicking_a_button_is_told_they_are_not_on_the_roster()
    {
        _bot.TeamsKnows("stranger", "who@elsewhere.example");

        var (_, card) = await _bot.ClickAsync("stranger", "situation.accept", new JObject { ["situationId"] = "DM-2026-0001", ["agencyId"] = "northside-mh" });

        Assert.Contains("not on a FOCUS roster", TextOf(card));
    }
}

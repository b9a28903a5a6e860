using FocusBot.Core.Conversations;
using FocusBot.Core.Situations;
using Newtonsoft.Json.Linq;
using static FocusBot.Teams.Tests.Bot.DemoTableJourney;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>A co-chair changes a situation's agencies from the card in their personal chat, through the real turn handler.</summary>
public sealed class AgencyChangeJourneyTests : IAsyncLifetime
{
    private const string YouthRepEmail = "rep.demo@youthlink.example";
    private DemoTableJourney _table = null!;
    private BotHarness Bot => _table.Bot;

    public async Task InitializeAsync() => _table = await DemoTableJourney.StartAsync();

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    private Task<(int Status, JObject? Card)> ChangeAsync(string userId, string id, string change, string agency, string conversationType = "personal") =>
        Bot.ClickAsync(userId, "situation.changeAgencies",
            new JObject { ["situationId"] = id, ["change"] = change, ["agency"] = agency }, conversationType);

    private async Task<string> LeadDeclinedAsync()
    {
        var id = await _table.RecordAsync();
        var (_, declined) = await Bot.ClickAsync(LeadRep, "situation.decline",
            new JObject { ["situationId"] = id, ["agencyId"] = "northside-mh", ["reason"] = "No capacity this month" });
        Assert.Contains("You declined", TextOf(declined));
        return id;
    }

    [Fact]
    public async Task The_co_chairs_card_offers_the_change_form_and_nobody_elses_does()
    {
        var id = await LeadDeclinedAsync();

        var card = CardText.CardOf(await _table.SayAsync(CoChair, $"situation {id}"));
        var repCard = CardText.CardOf(await _table.SayAsync(AssistingRep, $"situation {id}"));

        var form = Assert.Single(card!.SelectTokens("$..actions[*]"), a => (string?)a["title"] == "Change agencies" && (string?)a["type"] == "Action.ShowCard");
        Assert.Equal("Action.ShowCard", (string?)form["type"]);
        var submit = Assert.Single(form["card"]!["actions"]!);
        Assert.Equal(("Action.Execute", "situation.changeAgencies", "Action.Submit"),
            ((string?)submit["type"], (string?)submit["verb"], (string?)submit["fallback"]!["type"]));
        Assert.Contains("Name a new lead agency", form.ToString());
        Assert.Contains("YouthLink Services", form.ToString());
        // The assisting rep's card has its own buttons (accept, decline), but not this one, anywhere on it.
        Assert.DoesNotContain(repCard!.SelectTokens("$..actions[*]"), a => (string?)a["title"] == "Change agencies");
        Assert.NotEmpty(repCard.SelectTokens("$..actions[*]"));
    }

    [Fact]
    public async Task A_lead_declines_the_co_chair_names_another_the_new_leads_rep_gets_the_card_and_accepts_and_the_history_shows_both()
    {
        var id = await LeadDeclinedAsync();
        Bot.Chat.Sent.Clear();
        Bot.Chat.Updated.Clear();

        var (status, card) = await ChangeAsync(CoChair, id, "lead", "youthlink");

        Assert.Equal(200, status);
        Assert.Contains("YouthLink Services (no answer yet)", TextOf(card));
        var youthCard = Assert.Single(Bot.Chat.Sent, s => s.To == ConversationAddress.Personal(YouthRepEmail));
        Assert.Contains("Accept as lead", youthCard.Message.CardJson);
        Assert.Contains("YouthLink Services (no answer yet)", Bot.Chat.Updated.Single(u => u.To.Kind == ConversationKind.Channel).Message.CardJson);
        Assert.Contains(Bot.Chat.Sent, s => s.To == ConversationAddress.Personal("rep.demo@northside-mh.example")
            && s.Message.Text!.Contains("released Northside Mental Health", StringComparison.Ordinal));
        Assert.Contains(Bot.Chat.Sent, s => s.To == ConversationAddress.Personal("officer.demo@tps99.example")
            && s.Message.Text!.Contains("YouthLink Services named lead in place of Northside Mental Health", StringComparison.Ordinal));

        Bot.Chat.Updated.Clear();
        await _table.AcceptAsync(UninvolvedRep, id, "youthlink");

        Assert.Contains("Active: lead accepted by YouthLink Services",
            Bot.Chat.Updated.Single(u => u.To.Kind == ConversationKind.Channel).Message.CardJson);
        var history = TextOf(CardText.CardOf(await _table.SayAsync(CoChair, $"situation {id}")));
        Assert.Contains("Northside Mental Health declined as lead", history);
        Assert.Contains("YouthLink Services named lead in place of Northside Mental Health by a co-chair", history);
        Assert.Contains("YouthLink Services accepted as lead", history);
        var stored = await _table.StoredAsync(id);
        Assert.Equal((SituationStatus.Active, "youthlink"), (stored.Status, stored.LeadAgencyId));
        Assert.Equal(AssignmentState.Released, stored.Assignments.Single(a => a.AgencyId == "northside-mh").State);
    }

    [Fact]
    public async Task Adding_releasing_and_asking_again_from_the_card()
    {
        var id = await _table.RecordAsync();
        await Bot.ClickAsync(AssistingRep, "situation.decline",
            new JObject { ["situationId"] = id, ["agencyId"] = "harbour-housing", ["reason"] = "Outside our catchment" });
        Bot.Chat.Sent.Clear();

        var (_, added) = await ChangeAsync(CoChair, id, "assisting", "youthlink");
        Assert.Contains("Accept as assisting", Assert.Single(Bot.Chat.Sent, s => s.To == ConversationAddress.Personal(YouthRepEmail)).Message.CardJson);
        Assert.Contains("YouthLink Services (no answer yet)", TextOf(added));

        Bot.Chat.Sent.Clear();
        var (_, asked) = await ChangeAsync(CoChair, id, "ask-again", "harbour-housing");
        Assert.Contains("Accept as assisting", Assert.Single(Bot.Chat.Sent, s => s.To == ConversationAddress.Personal("rep.demo@harbour-housing.example")).Message.CardJson);
        Assert.Contains("Harbour Housing Services (no answer yet)", TextOf(asked));

        var (_, released) = await ChangeAsync(Officer, id, "release", "youthlink");
        // The card's facts (its first fact set) no longer name it; the change form's choices and the history may.
        Assert.DoesNotContain("YouthLink", released!["body"]!.First(e => (string?)e["type"] == "FactSet").ToString());
        var (_, refused) = await Bot.ClickAsync(UninvolvedRep, "situation.accept", new JObject { ["situationId"] = id, ["agencyId"] = "youthlink" });
        Assert.Contains("Acceptance not recorded", TextOf(refused));
    }

    [Theory]
    [InlineData(LeadRep, "lead", "harbour-housing", "Only a co-chair of this table")]
    [InlineData(CoChair, "lead", "nobody", "nobody is not on the roster of this table")]
    [InlineData(CoChair, "assisting", "harbour-housing", "Harbour Housing Services is already on")]
    [InlineData(CoChair, "lead", "northside-mh", "already the lead agency")]
    [InlineData(CoChair, "release", "northside-mh", "name another lead instead")]
    [InlineData(CoChair, "rename", "harbour-housing", "Choose what to change")]
    public async Task Refusals_say_why_and_change_nothing(string userId, string change, string agency, string why)
    {
        var id = await _table.RecordAsync();
        var before = (await _table.StoredAsync(id)).Version;

        var (_, card) = await ChangeAsync(userId, id, change, agency);

        Assert.Contains("Change not recorded", TextOf(card));
        Assert.Contains(why, TextOf(card));
        Assert.Equal(before, (await _table.StoredAsync(id)).Version);
    }

    [Fact]
    public async Task A_concluded_situation_is_not_changed_and_the_channel_copy_points_to_the_personal_chat()
    {
        var id = await _table.RecordAsync();
        await Bot.ClickAsync(CoChair, "situation.conclude", new JObject { ["situationId"] = id, ["outcome"] = "other" });

        var (_, concluded) = await ChangeAsync(CoChair, id, "lead", "youthlink");
        var (_, inChannel) = await ChangeAsync(CoChair, id, "lead", "youthlink", conversationType: "channel");

        Assert.Contains("is concluded", TextOf(concluded));
        Assert.Contains("Personal chat only", TextOf(inChannel));
        Assert.Equal("northside-mh", (await _table.StoredAsync(id)).LeadAgencyId);
    }
}

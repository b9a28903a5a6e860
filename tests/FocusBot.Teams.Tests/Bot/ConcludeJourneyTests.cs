using FocusBot.Core.Conversations;
using FocusBot.Core.Situations;
using Newtonsoft.Json.Linq;
using static FocusBot.Teams.Tests.Bot.DemoTableJourney;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>A co-chair concludes a situation from its card with an RTD outcome, and can re-open it; nobody else can.</summary>
public sealed class ConcludeJourneyTests : IAsyncLifetime
{
    private DemoTableJourney _table = null!;
    private BotHarness Bot => _table.Bot;

    public async Task InitializeAsync() => _table = await DemoTableJourney.StartAsync();

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    private Task<(int Status, JObject? Card)> ConcludeAsync(string userId, string id, string? outcome = "risk-lowered-connected") =>
        Bot.ClickAsync(userId, "situation.conclude", outcome is null
            ? new JObject { ["situationId"] = id }
            : new JObject { ["situationId"] = id, ["outcome"] = outcome });

    [Fact]
    public async Task The_co_chairs_card_in_a_personal_chat_offers_conclude_with_the_outcomes()
    {
        var id = await _table.ActiveAsync();

        var card = CardText.CardOf(await _table.SayAsync(CoChair, $"situation {id}"));

        var conclude = Assert.Single(card!.SelectTokens("$..actions[*]"), a => (string?)a["title"] == "Conclude" && (string?)a["type"] == "Action.ShowCard");
        Assert.Equal("Action.ShowCard", (string?)conclude["type"]);
        Assert.Contains("Still AER – refused services", conclude.ToString());
    }

    [Fact]
    public async Task A_co_chair_concludes_every_copy_shows_it_and_it_leaves_the_open_lists()
    {
        var id = await _table.ActiveAsync();
        Bot.Chat.Updated.Clear();

        var (status, card) = await ConcludeAsync(CoChair, id);

        Assert.Equal(200, status);
        Assert.Contains("Concluded: Overall risk lowered – connected to services", TextOf(card));
        Assert.Contains("Re-open", Buttons(card).Select(b => (string?)b["title"]));
        var stored = await _table.StoredAsync(id);
        Assert.Equal(SituationStatus.Concluded, stored.Status);
        Assert.Equal("risk-lowered-connected", stored.OutcomeId);
        Assert.Contains("Concluded: Overall risk lowered", Bot.Chat.Updated.Single(u => u.To.Kind == ConversationKind.Channel).Message.CardJson);
        Assert.Empty(ListedIds(CardText.CardOf(await _table.SayAsync(CoChair, "open situations"))));
        Assert.Empty(ListedIds(CardText.CardOf(await _table.SayAsync(LeadRep, "my situations"))));
    }

    [Fact]
    public async Task A_co_chair_re_opens_it_and_it_is_back_on_the_list_as_active()
    {
        var id = await _table.ActiveAsync();
        await ConcludeAsync(CoChair, id);

        var (_, card) = await Bot.ClickAsync(Officer, "situation.reopen", new JObject { ["situationId"] = id });

        Assert.Contains("Conclude", Buttons(card).Select(b => (string?)b["title"]).Concat(card!.SelectTokens("$..actions[*]").Select(a => (string?)a["title"])));
        Assert.Equal(SituationStatus.Active, (await _table.StoredAsync(id)).Status);
        Assert.Equal([id], ListedIds(CardText.CardOf(await _table.SayAsync(CoChair, "open situations"))));
    }

    [Theory]
    [InlineData(LeadRep, "Conclusion not recorded", "Only a co-chair")]
    [InlineData(UninvolvedRep, "Conclusion not recorded", "Only a co-chair")]
    [InlineData(OtherTableRep, "Situation not found", "does not exist")]
    [InlineData(Stranger, "Not on the roster", "not on a FOCUS roster")]
    public async Task Nobody_but_a_co_chair_of_the_table_concludes(string userId, string title, string message)
    {
        var id = await _table.ActiveAsync();

        var (_, card) = await ConcludeAsync(userId, id);

        Assert.Contains(title, TextOf(card));
        Assert.Contains(message, TextOf(card));
        Assert.Equal(SituationStatus.Active, (await _table.StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Nothing_is_concluded_from_the_channel()
    {
        var id = await _table.ActiveAsync();

        var (_, card) = await Bot.ClickAsync(CoChair, "situation.conclude", new JObject { ["situationId"] = id, ["outcome"] = "other" }, "channel");

        Assert.Contains("personal chat", TextOf(card));
        Assert.Equal(SituationStatus.Active, (await _table.StoredAsync(id)).Status);
    }

    [Fact]
    public async Task A_rep_cannot_re_open()
    {
        var id = await _table.ActiveAsync();
        await ConcludeAsync(CoChair, id);

        var (_, card) = await Bot.ClickAsync(LeadRep, "situation.reopen", new JObject { ["situationId"] = id });

        Assert.Contains("Only a co-chair", TextOf(card));
        Assert.Equal(SituationStatus.Concluded, (await _table.StoredAsync(id)).Status);
    }

    [Theory]
    [InlineData("cured")]
    [InlineData(null)]
    public async Task An_outcome_not_in_the_catalogue_is_refused(string? outcome)
    {
        var id = await _table.ActiveAsync();

        var (_, card) = await ConcludeAsync(CoChair, id, outcome);

        Assert.Contains("Please choose one of the table's outcomes.", TextOf(card));
        Assert.Equal(SituationStatus.Active, (await _table.StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Concluding_twice_says_it_is_already_concluded()
    {
        var id = await _table.ActiveAsync();
        await ConcludeAsync(CoChair, id);

        var (_, card) = await ConcludeAsync(Officer, id, "other");

        Assert.Contains("is concluded", TextOf(card));
        Assert.Equal("risk-lowered-connected", (await _table.StoredAsync(id)).OutcomeId);
    }
}

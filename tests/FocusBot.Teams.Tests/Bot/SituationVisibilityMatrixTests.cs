using FocusBot.Teams.Bot;
using static FocusBot.Teams.Tests.Bot.DemoTableJourney;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>
/// Who learns what about one active situation with a posted note: its agencies and the co-chairs read the history,
/// the rest of the table gets the filter-2 card, other tables and strangers learn nothing, in every way of asking.
/// </summary>
public sealed class SituationVisibilityMatrixTests : IAsyncLifetime
{
    private const string Note = "Door knock done with outreach; he agreed to see the team.";
    private const string NextStep = "Intake appointment Friday";
    private const string Summary = "eviction notice served";
    private DemoTableJourney _table = null!;
    private string _id = null!;

    public async Task InitializeAsync()
    {
        _table = await DemoTableJourney.StartAsync();
        _id = await _table.ActiveAsync();
        Assert.Contains("posted on time", TextOf(await _table.PostUpdateAsync(LeadRep, _id, Note, nextStep: NextStep)));
    }

    public async Task DisposeAsync() => await _table.Bot.DisposeAsync();

    public enum Sees
    {
        History,
        FilterTwo,
        Nothing,
        NotOnRoster,
    }

    public static TheoryData<string, Sees> Matrix => new()
    {
        { LeadRep, Sees.History },
        { AssistingRep, Sees.History },
        { UninvolvedRep, Sees.FilterTwo },
        { CoChair, Sees.History },
        { Officer, Sees.History },
        { OtherTableRep, Sees.Nothing },
        { Stranger, Sees.NotOnRoster },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Typing_situation_id_in_a_personal_chat(string userId, Sees expected)
    {
        var text = CardText.Of(await _table.SayAsync(userId, $"situation {_id}"));

        AssertSees(expected, text);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Clicking_view(string userId, Sees expected)
    {
        var (_, card) = await _table.Bot.ClickAsync(userId, "situation.view", new Newtonsoft.Json.Linq.JObject { ["situationId"] = _id });

        AssertSees(expected, TextOf(card));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task In_the_channel_everyone_at_the_table_gets_filter_2_only(string userId, Sees expected)
    {
        var text = CardText.Of(await _table.SayAsync(userId, $"situation {_id}", "channel"));

        AssertSees(expected is Sees.History ? Sees.FilterTwo : expected, text);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Open_situations_lists_it_for_the_table_with_post_update_only_for_those_who_may(string userId, Sees expected)
    {
        var reply = await _table.SayAsync(userId, "open situations");
        var card = CardText.CardOf(reply);
        var text = CardText.Of(reply);

        Assert.DoesNotContain(Note, text);
        Assert.DoesNotContain(NextStep, text);
        switch (expected)
        {
            case Sees.NotOnRoster:
                Assert.Equal(BotMessages.NotOnRoster, text);
                break;
            case Sees.Nothing:
                Assert.Empty(ListedIds(card));
                Assert.Contains("No situation is open or active at your tables.", text);
                break;
            default:
                Assert.Equal([_id], ListedIds(card));
                var titles = Buttons(card).Select(b => (string?)b["title"]).ToList();
                Assert.Contains($"View {_id}", titles);
                Assert.Equal(expected == Sees.History, titles.Contains("Post update"));
                break;
        }
    }

    [Theory]
    [InlineData(LeadRep, true)]
    [InlineData(AssistingRep, true)]
    [InlineData(Officer, true)] // Police Division 99 brought the situation to the table
    [InlineData(UninvolvedRep, false)]
    [InlineData(CoChair, false)] // City is not named on it, though its co-chair sees it under "open situations"
    [InlineData(OtherTableRep, false)]
    public async Task My_situations_lists_only_those_naming_the_members_agency(string userId, bool listed)
    {
        var card = CardText.CardOf(await _table.SayAsync(userId, "my situations"));

        Assert.Equal(listed ? [_id] : [], ListedIds(card));
    }

    [Theory]
    [InlineData(LeadRep)]
    [InlineData(CoChair)]
    [InlineData(UninvolvedRep)]
    public async Task In_the_channel_the_list_has_no_post_update_and_no_notes(string userId)
    {
        var reply = await _table.SayAsync(userId, "open situations", "channel");
        var card = CardText.CardOf(reply);

        Assert.Equal([_id], ListedIds(card));
        Assert.Equal([$"View {_id}"], Buttons(card).Select(b => (string?)b["title"]));
        Assert.DoesNotContain(Note, card!.ToString());
        Assert.DoesNotContain(Summary, card.ToString());
    }

    private void AssertSees(Sees expected, string text)
    {
        switch (expected)
        {
            case Sees.History:
                Assert.Contains($"Situation {_id} · Demo Table", text);
                Assert.Contains(Note, text);
                Assert.Contains($"Next step: {NextStep}", text);
                Assert.Contains("Updates (1)", text);
                Assert.Contains("48-hour update, on time", text);
                Assert.Contains("Key events", text);
                Assert.Contains("Northside Mental Health accepted as lead", text);
                break;
            case Sees.FilterTwo:
                Assert.Contains($"Situation {_id} · Demo Table", text);
                Assert.Contains("48-hour update posted on time", text);
                Assert.Contains("Mental health, Housing", text);
                Assert.DoesNotContain(Note, text);
                Assert.DoesNotContain(NextStep, text);
                Assert.DoesNotContain(Summary, text);
                Assert.DoesNotContain("Updates (", text);
                break;
            case Sees.Nothing:
                Assert.Contains("does not exist or is not yours to see", text);
                Assert.DoesNotContain("Northside", text);
                break;
            case Sees.NotOnRoster:
                Assert.Contains("not on a FOCUS roster", text);
                Assert.DoesNotContain(_id, text);
                break;
        }
    }
}

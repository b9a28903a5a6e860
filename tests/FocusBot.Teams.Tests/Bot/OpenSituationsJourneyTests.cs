using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static FocusBot.Teams.Tests.Bot.DemoTableJourney;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>"What's open?": most urgent first, ten at a time, small enough for Teams, and concluding takes a situation off it.</summary>
public sealed class OpenSituationsJourneyTests : IAsyncLifetime
{
    private const int TeamsMessageLimit = 28 * 1024;
    private DemoTableJourney _table = null!;
    private BotHarness Bot => _table.Bot;

    public async Task InitializeAsync() => _table = await DemoTableJourney.StartAsync();

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    private static int Bytes(IActivity reply) => Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(reply));

    [Fact]
    public async Task Overdue_48_hour_updates_come_first_then_unaccepted_assignments_then_the_oldest()
    {
        var quiet = await _table.ActiveAsync();                        // 0001: its 48-hour update came in time
        Assert.Contains("on time", TextOf(await _table.PostUpdateAsync(LeadRep, quiet)));
        Bot.Time.Advance(TimeSpan.FromHours(1));
        var acceptedLate = await _table.RecordAsync();                 // 0002: its lead accepts late, but its 48 hours ran from the discussion and end first
        Bot.Time.Advance(TimeSpan.FromHours(1));
        var overdue = await _table.ActiveAsync();                      // 0003: overdue an hour less
        Bot.Time.Advance(TimeSpan.FromHours(1));
        var unaccepted = await _table.RecordAsync();                   // 0004: nobody has accepted
        var concluded = await _table.ActiveAsync();                    // 0005: concluded, so off the list
        await Bot.ClickAsync(CoChair, "situation.conclude", new JObject { ["situationId"] = concluded, ["outcome"] = "other" });
        Bot.Time.Advance(TimeSpan.FromHours(1));
        await _table.AcceptAsync(LeadRep, acceptedLate, "northside-mh");
        var unacceptedYounger = await _table.RecordAsync();            // 0006: nobody has accepted, younger
        Bot.Time.Advance(TimeSpan.FromHours(50));

        var reply = await _table.SayAsync(CoChair, "what's open?");
        var card = CardText.CardOf(reply);

        Assert.Equal([acceptedLate, overdue, unaccepted, unacceptedYounger, quiet], ListedIds(card));
        var text = CardText.Of(reply);
        Assert.Contains("48-hour update overdue", text);
        Assert.Contains("Waiting for the lead agency to accept", text);
        Assert.Contains("48-hour update posted on time", text);
        Assert.Contains("Lead: Northside Mental Health · open 2 days", text);
        Assert.Contains("48-hour update was due Thu 26 Nov 2026, 12:00\u00A0p.m. (Toronto time)", text);
        Assert.Contains("next update before the meeting Tue 1 Dec 2026, 10:00\u00A0a.m. (Toronto time)", text);
        Assert.DoesNotContain(concluded, text);
    }

    [Fact]
    public async Task Thirty_situations_page_ten_at_a_time_with_more_and_each_page_stays_well_under_the_teams_limit()
    {
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await _table.RecordAsync());
            Bot.Time.Advance(TimeSpan.FromMinutes(10));
        }

        var first = await _table.SayAsync(CoChair, "open situations");
        var firstCard = CardText.CardOf(first);
        Assert.Equal(ids.Take(10), ListedIds(firstCard));
        Assert.Contains("Open situations (30) · page 1 of 3", CardText.Of(first));
        Assert.True(Bytes(first) < TeamsMessageLimit / 2, $"page 1 is {Bytes(first)} bytes");
        var more = Assert.Single(Buttons(firstCard), b => (string?)b["title"] == "Show 20 more");
        Assert.Equal("situations.page", (string?)more["verb"]);
        Assert.Equal("open", (string?)more["data"]!["scope"]);
        Assert.Equal(2, (int)more["data"]!["page"]!);

        var (_, second) = await Bot.ClickAsync(CoChair, "situations.page", (JObject)more["data"]!);
        Assert.Equal(ids.Skip(10).Take(10), ListedIds(second));
        var next = Assert.Single(Buttons(second), b => (string?)b["title"] == "Show 10 more");

        var (_, third) = await Bot.ClickAsync(CoChair, "situations.page", (JObject)next["data"]!);
        Assert.Equal(ids.Skip(20), ListedIds(third));
        Assert.DoesNotContain(Buttons(third), b => ((string)b["title"]!).StartsWith("Show", StringComparison.Ordinal));

        var channel = await _table.SayAsync(LeadRep, "open", "channel");
        Assert.Equal(ids.Take(10), ListedIds(CardText.CardOf(channel)));
        Assert.True(Bytes(channel) < TeamsMessageLimit / 2, $"the channel page is {Bytes(channel)} bytes");
    }

    [Theory]
    [InlineData("""{ "scope": "open", "page": 0 }""", "page 1 of 2")]
    [InlineData("""{ "scope": "open", "page": -2147483648 }""", "page 1 of 2")]
    [InlineData("""{ "scope": "open", "page": "2" }""", "page 2 of 2")]
    [InlineData("""{ "scope": "open", "page": 99 }""", "nothing more on this list")]
    [InlineData("""{ "scope": "open", "page": 99999999999999999999999 }""", "Something is missing")]
    [InlineData("""{ "scope": "everything", "page": 1 }""", "Something is missing")]
    [InlineData("""{ "scope": "open" }""", "Something is missing")]
    public async Task Forged_paging_data_gets_a_sensible_page_or_a_clear_card(string data, string expected)
    {
        for (var i = 0; i < 11; i++) await _table.RecordAsync();

        var (status, card) = await Bot.ClickAsync(UninvolvedRep, "situations.page", JObject.Parse(data));

        Assert.Equal(200, status);
        Assert.Contains(expected, TextOf(card));
    }

    [Fact]
    public async Task A_member_of_another_table_pages_through_nothing_of_this_table()
    {
        for (var i = 0; i < 11; i++) await _table.RecordAsync();

        var (_, card) = await Bot.ClickAsync(OtherTableRep, "situations.page", new JObject { ["scope"] = "open", ["page"] = 2 });

        Assert.Empty(ListedIds(card));
        Assert.DoesNotContain("DM-", card!.ToString());
    }

    [Fact]
    public async Task A_channel_not_linked_to_a_table_lists_nothing()
    {
        await Bot.DisposeAsync();
        _table = await DemoTableJourney.StartAsync(linkChannel: false);
        var id = await _table.RecordAsync();

        var list = CardText.Of(await _table.SayAsync(CoChair, "open situations", "channel"));
        var view = CardText.Of(await _table.SayAsync(CoChair, $"situation {id}", "channel"));

        Assert.Contains("not linked to one of your tables", list);
        Assert.DoesNotContain(id, list);
        Assert.Contains("does not exist or is not yours to see", view);
    }

    [Fact]
    public async Task The_history_of_a_long_running_situation_is_capped_under_the_teams_limit()
    {
        var id = await _table.ActiveAsync();
        for (var i = 0; i < 30; i++)
        {
            var note = $"Visit {i}: " + new string('é', 980) + " 仕";
            Assert.Contains("posted", TextOf(await _table.PostUpdateAsync(LeadRep, id, note, nextStep: new string('ü', 400))));
            Bot.Time.Advance(TimeSpan.FromDays(1));
        }

        var reply = await _table.SayAsync(LeadRep, $"situation {id}");

        var text = CardText.Of(reply);
        Assert.True(Bytes(reply) < TeamsMessageLimit, $"the history is {Bytes(reply)} bytes");
        Assert.Contains("Updates (30)", text);
        Assert.Contains("Visit 29:", text);
        Assert.DoesNotContain("Visit 0:", text);
        Assert.Matches(@"… and \d+ earlier updates not shown here\.", text);
    }

    [Theory]
    [InlineData("situation DM-2026-9999")]
    [InlineData("situation LK-2026-0001")]
    [InlineData("situation DM-2026-0001'--")]
    [InlineData("situation 1=1")]
    [InlineData("situation %")]
    [InlineData("situation ../../etc/passwd")]
    [InlineData("situation '); DROP TABLE \"Situations\"; --")]
    [InlineData("situation DM-2026-0001 OR 1=1")]
    [InlineData("update DM-2026-0001;DELETE")]
    [InlineData("situation DM-2026-1")]
    public async Task Garbage_and_sql_looking_ids_get_a_clear_answer_and_leave_everything_as_it_was(string typed)
    {
        var id = await _table.ActiveAsync();

        var text = CardText.Of(await _table.SayAsync(UninvolvedRep, typed));

        Assert.True(text.Contains("does not exist or is not yours to see", StringComparison.Ordinal)
                    || text.Contains("did not understand", StringComparison.Ordinal), text);
        Assert.DoesNotContain("Northside", text);
        Assert.Equal(Core.Situations.SituationStatus.Active, (await _table.StoredAsync(id)).Status);
    }
}

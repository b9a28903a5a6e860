using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Tests.Bot;

public sealed class StatsCommandTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        _bot.TeamsKnows("chair", "chair.demo@city.example");
        _bot.TeamsKnows("lead-rep", "rep.demo@northside-mh.example");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_co_chair_gets_the_tables_figures_counted_from_its_situations()
    {
        var form = new JObject
        {
            ["table"] = "demo", ["type"] = "person", ["ageGroup"] = "25-29", ["gender"] = "male", ["riskFactors"] = "mental-health,housing",
            ["originatingAgency"] = "tps-99", ["leadAgency"] = "northside-mh", ["assistingAgencies"] = "harbour-housing",
        };
        await _bot.ClickAsync("chair", "situation.record", form);
        await _bot.ClickAsync("chair", "situation.record", form);
        _bot.Time.Advance(TimeSpan.FromHours(3));
        await _bot.ClickAsync("lead-rep", "situation.accept", new JObject { ["situationId"] = "DM-2026-0001", ["agencyId"] = "northside-mh" });
        _bot.Time.Advance(TimeSpan.FromHours(44)); // 47 hours after the table's discussion: on time
        await _bot.ClickAsync("lead-rep", "situation.postUpdate",
            new JObject { ["situationId"] = "DM-2026-0001", ["kind"] = "contacted", ["note"] = "Door knock done; agreed to meet again.", ["barriers"] = "no-family-doctor" });

        var card = CardText.Of(Assert.Single(await _bot.SendAsync(BotHarness.Message("stats", "chair"))));

        Assert.Contains("Figures: Demo Table", card);
        Assert.Contains("Situations recorded\n2", card);
        Assert.Contains("Median time to lead acceptance\n3 hours", card);
        Assert.Contains("Median time to the 48-hour update\n44 hours", card);
        Assert.Contains("1 of 1 (100%)", card);
        Assert.Contains("Mental health: 2", card);
        Assert.Contains("No family doctor: 1", card);
        Assert.DoesNotContain("Door knock", card);
    }

    [Fact]
    public async Task A_rep_is_told_the_figures_are_for_co_chairs()
    {
        var card = CardText.Of(Assert.Single(await _bot.SendAsync(BotHarness.Message("stats", "lead-rep"))));

        Assert.Contains("Figures are for co-chairs", card);
    }
}

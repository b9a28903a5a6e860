using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FocusBot.Tests.Figures;

public sealed class StatsApiTests(SeededMarch march) : IClassFixture<SeededMarch>
{
    private HttpClient Client => march.Host.Client;

    private async Task<JsonObject> StatsAsync(string query)
    {
        var response = await Client.GetAsync("/api/v1/stats" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static (string? Id, int Count)[] Counts(JsonNode? list) =>
        [.. list!.AsArray().Select(c => ((string?)c!["id"], (int)c["count"]!))];

    [Fact]
    public async Task A_tables_figures_for_March_are_those_worked_out_by_hand()
    {
        var stats = await StatsAsync("?table=demo&from=2026-03-01&to=2026-04-01");

        Assert.Equal(["demo"], stats["tables"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(("2026-03-01", "2026-04-01"), ((string?)stats["from"], (string?)stats["to"]));
        Assert.Equal((3, 3, 2), ((int)stats["situations"]!, (int)stats["people"]!, (int)stats["concluded"]!));
        Assert.Equal([("housing", 2), ("drugs", 1), ("mental-health", 1), ("suicide", 1)], Counts(stats["riskFactors"]));
        Assert.Equal([("risk-lowered-connected", 1), ("still-aer-refused", 1)], Counts(stats["outcomes"]));
        Assert.Equal(2.0, (double)stats["medianHoursToLeadAcceptance"]!);
        Assert.Equal(41.0, (double)stats["medianHoursToFortyEightHourUpdate"]!);
        var updates = stats["fortyEightHourUpdates"]!;
        Assert.Equal((1, 1, 1), ((int)updates["onTime"]!, (int)updates["late"]!, (int)updates["missing"]!));
        Assert.Equal(0.333, (double)updates["onTimeRate"]!); // 1 of 3, to three decimals
        Assert.Equal([("no-shelter-bed", 2), ("mental-health-wait-list", 1)], Counts(stats["barriers"]));
    }

    [Fact]
    public async Task Counts_carry_the_catalogues_labels()
    {
        var stats = await StatsAsync("?table=demo&from=2026-03-01&to=2026-04-01");

        Assert.Equal("Housing", (string?)stats["riskFactors"]![0]!["label"]);
        Assert.Equal("No shelter bed", (string?)stats["barriers"]![0]!["label"]);
        Assert.Equal("Overall risk lowered – connected to services", (string?)stats["outcomes"]![0]!["label"]);
    }

    [Fact]
    public async Task A_shorter_period_counts_what_happened_in_it()
    {
        var stats = await StatsAsync("?table=demo&from=2026-03-10&to=2026-03-17");

        Assert.Equal(1, (int)stats["situations"]!);
        Assert.Equal([("suicide", 1)], Counts(stats["riskFactors"]));
        Assert.Equal([("still-aer-refused", 1)], Counts(stats["outcomes"]));
        Assert.Equal([("mental-health-wait-list", 1), ("no-shelter-bed", 1)], Counts(stats["barriers"]));
        Assert.Equal(1.0, (double)stats["medianHoursToLeadAcceptance"]!);
        Assert.Null(stats["medianHoursToFortyEightHourUpdate"]);
        Assert.Equal(0.0, (double)stats["fortyEightHourUpdates"]!["onTimeRate"]!);
    }

    [Fact]
    public async Task Without_a_table_the_figures_cover_every_table_the_caller_co_chairs()
    {
        var stats = await StatsAsync("?from=2026-03-01&to=2026-04-01");

        Assert.Equal(["demo", "lakeside"], stats["tables"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(4, (int)stats["situations"]!);
        Assert.Contains(("gangs", 1), Counts(stats["riskFactors"]));
    }

    [Fact]
    public async Task Without_dates_the_figures_cover_the_twelve_months_up_to_today_in_the_tables_time_zone()
    {
        var stats = await StatsAsync("?table=DEMO");

        Assert.Equal(("2025-03-24", "2026-03-24"), ((string?)stats["from"], (string?)stats["to"]));
        Assert.Equal(3, (int)stats["situations"]!);
    }

    [Fact]
    public async Task A_period_with_nothing_in_it_gives_zeros_and_no_medians()
    {
        var stats = await StatsAsync("?table=demo&from=2025-01-01&to=2025-02-01");

        Assert.Equal(0, (int)stats["situations"]!);
        Assert.Empty(stats["riskFactors"]!.AsArray());
        Assert.Null(stats["medianHoursToLeadAcceptance"]);
        Assert.Null(stats["fortyEightHourUpdates"]!["onTimeRate"]);
    }

    [Theory]
    [InlineData("?table=nowhere", "table")]
    [InlineData("?table=' OR 1=1 --", "table")]
    [InlineData("?from=2026/03/01", "from")]
    [InlineData("?from=01-03-2026", "from")]
    [InlineData("?from=2026-3-1", "from")]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=2026-02-30", "to")]
    [InlineData("?from=1999-12-31", "from")]
    [InlineData("?to=3000-01-01", "to")]
    [InlineData("?from=2026-04-01&to=2026-03-01", "to")]
    [InlineData("?from=2026-03-01&to=2026-03-01", "to")]
    [InlineData("?table=nowhere&from=x&to=y", "from,table,to")]
    public async Task Bad_parameters_get_400_naming_each_of_them(string query, string fields)
    {
        foreach (var path in new[] { "/api/v1/stats", "/api/v1/export/rtd.csv" })
        {
            var response = await Client.GetAsync(path + query);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(fields.Split(','), problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        }
    }
}

using System.Text.Json.Nodes;
using FocusBot.Tests.Situations;

namespace FocusBot.Tests.Figures;

/// <summary>
/// March 2026 at the demo table, recorded through the API and worked through the real workflow on a test clock
/// (Toronto: EST to 8 March, EDT after). Harbour Housing is renamed <c>Harbour Housing, "Lakeshore"</c> so that the
/// CSV must quote it. Worked out by hand:
/// <code>
/// id            recorded          lead accepts  48-hour update            barriers                           concluded (API)
/// DM-2026-0001  Mon 2 Mar 09:00   +2h           +30h after: on time       no-shelter-bed                     Mon 9 Mar risk-lowered-connected
/// DM-2026-0002  Mon 9 Mar 10:30   +4h           +52h after: late          no-shelter-bed, mh-wait-list       Mon 16 Mar still-aer-refused
/// DM-2026-0003  Mon 16 Mar 11:00  +1h           none: missing by 23 Mar   -                                  -
/// LK-2026-0001  Mon 16 Mar 12:00  (lakeside: another table)
/// </code>
/// Demo in March: 3 situations, 3 people; housing 2, drugs, mental-health, suicide 1; 2 concluded (one of each
/// outcome); hours to acceptance 2, 4, 1: median 2; hours to the 48-hour update 30, 52: median 41; on time 1, late 1,
/// missing 1: rate 1/3; barriers no-shelter-bed 2, mental-health-wait-list 1. The clock stops on Mon 23 Mar 09:00.
/// </summary>
public sealed class SeededMarch : IAsyncLifetime
{
    public const string FirstSummary = "Young man sleeping rough after an eviction; crisis calls rising.";
    public const string SecondSummary = "Older woman hoarding, neighbours worried about fire risk.";
    public const string ThirdSummary = "Teen missing school and talking about ending it.";
    public const string FirstNote = "Met him at the drop-in with the outreach worker";
    public const string SecondNote = "Several visits, no answer at the door until Wednesday";
    public const string DeclineReason = "Caseload full this month";
    public const string HarbourHousing = "Harbour Housing, \"Lakeshore\"";

    public SituationsHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await SituationsHost.StartAsync(roster =>
            roster["agencies"]!.AsArray().Single(a => (string?)a!["id"] == "harbour-housing")!["name"] = HarbourHousing);
        var clock = Host.Clock;

        var first = await Host.RecordAsync(Request(FirstSummary, "mental-health", "housing"));
        clock.Advance(TimeSpan.FromHours(2));
        await Host.AcceptAsync(SituationsHost.NorthsideRep, "northside-mh", first);
        clock.Advance(TimeSpan.FromHours(1));
        await Host.AcceptAsync(SituationsHost.HarbourRep, "harbour-housing", first);
        clock.Advance(TimeSpan.FromHours(29));
        await Host.PostUpdateAsync(SituationsHost.NorthsideRep, first, FirstNote, "no-shelter-bed");
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(-4)));
        await ConcludeAsync(first, "risk-lowered-connected");

        clock.Advance(TimeSpan.FromMinutes(30));
        var second = await Host.RecordAsync(Request(SecondSummary, "housing", "drugs"));
        clock.Advance(TimeSpan.FromHours(4));
        await Host.AcceptAsync(SituationsHost.NorthsideRep, "northside-mh", second);
        await Host.AsMemberAsync(SituationsHost.HarbourRep, (w, m) => w.DeclineAsync(second, "harbour-housing", DeclineReason, m, default));
        clock.Advance(TimeSpan.FromHours(52));
        await Host.PostUpdateAsync(SituationsHost.NorthsideRep, second, SecondNote, "no-shelter-bed", "mental-health-wait-list");
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(-4)));
        await ConcludeAsync(second, "still-aer-refused");

        clock.Advance(TimeSpan.FromHours(1));
        var third = await Host.RecordAsync(Request(ThirdSummary, "suicide"));
        clock.Advance(TimeSpan.FromHours(1));
        await Host.AcceptAsync(SituationsHost.NorthsideRep, "northside-mh", third);

        var lakeside = Request("Youth in a gang conflict.", "gangs");
        lakeside["table"] = "lakeside";
        lakeside["leadAgency"] = "youthlink";
        lakeside["assistingAgencies"] = new JsonArray("city");
        var other = await Host.RecordAsync(lakeside);
        await Host.AcceptAsync(SituationsHost.LakesideRep, "youthlink", other);

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 23, 9, 0, 0, TimeSpan.FromHours(-4)));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private static JsonObject Request(string summary, params string[] riskFactors)
    {
        var request = SituationsHost.DemoRequest(summary);
        request["riskFactors"] = new JsonArray([.. riskFactors.Select(r => JsonValue.Create(r))]);
        return request;
    }

    private async Task ConcludeAsync(string id, string outcome)
    {
        var response = await Host.PostJsonAsync($"/api/v1/situations/{id}/conclude", $$"""{ "outcome": "{{outcome}}" }""");
        response.EnsureSuccessStatusCode();
    }
}

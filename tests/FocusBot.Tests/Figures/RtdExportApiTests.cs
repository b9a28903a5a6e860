using System.Net;

namespace FocusBot.Tests.Figures;

public sealed class RtdExportApiTests(SeededMarch march) : IClassFixture<SeededMarch>
{
    private const string Header =
        "situation_id,table,discussed_on,originating_agency,originating_sector,type,age_group,gender,risk_factors,aer_met," +
        "lead_agency,assisting_agencies,services_mobilized,updates,outcome,concluded_on";

    private async Task<(HttpResponseMessage Response, string Csv)> ExportAsync(string query)
    {
        var response = await march.Host.Client.GetAsync("/api/v1/export/rtd.csv" + query);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_concluded_situations_of_the_period_one_row_each_with_a_quoted_agency_name()
    {
        var (response, csv) = await ExportAsync("?table=demo&from=2026-03-01&to=2026-04-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment; filename=\"rtd-demo-2026-03-01-2026-04-01.csv\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(
            [
                Header,
                "DM-2026-0001,Demo Table,2026-03-02,Police Division 99,Police,person,18-24,male,mental-health;housing,yes," +
                    "Northside Mental Health,\"Harbour Housing, \"\"Lakeshore\"\"\",\"Northside Mental Health;Harbour Housing, \"\"Lakeshore\"\"\"," +
                    "1,risk-lowered-connected,2026-03-09",
                "DM-2026-0002,Demo Table,2026-03-09,Police Division 99,Police,person,18-24,male,housing;drugs,yes," +
                    "Northside Mental Health,\"Harbour Housing, \"\"Lakeshore\"\"\",Northside Mental Health,1,still-aer-refused,2026-03-16",
                "",
            ],
            csv.Split("\r\n"));
    }

    [Fact]
    public async Task The_export_never_carries_a_summary_note_decline_reason_or_e_mail()
    {
        var (_, csv) = await ExportAsync("?from=2026-01-01&to=2027-01-01");

        Assert.Equal(4, csv.Split("\r\n").Length);
        foreach (var secret in new[] { SeededMarch.FirstSummary, SeededMarch.SecondSummary, SeededMarch.FirstNote, SeededMarch.SecondNote,
                     SeededMarch.DeclineReason, "sleeping rough", "drop-in", "Caseload", "@" })
            Assert.DoesNotContain(secret, csv);
    }

    [Fact]
    public async Task A_period_before_the_conclusions_gives_only_the_header()
    {
        var (_, csv) = await ExportAsync("?table=demo&from=2026-03-10&to=2026-03-16");

        Assert.Equal(Header + "\r\n", csv);
    }

    [Fact]
    public async Task Another_table_has_nothing_concluded()
    {
        var (response, csv) = await ExportAsync("?table=lakeside&from=2026-03-01&to=2026-04-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Header + "\r\n", csv);
    }
}

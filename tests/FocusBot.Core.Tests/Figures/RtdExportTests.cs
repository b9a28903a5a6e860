using FocusBot.Core.Figures;
using FocusBot.Core.Roster;
using FocusBot.Core.Tests.Situations;
using static FocusBot.Core.Tests.Figures.AprilAtRexdale;

namespace FocusBot.Core.Tests.Figures;

public sealed class RtdExportTests
{
    private static string AprilCsv(IReadOnlyCollection<Agency>? agencies = null) =>
        RtdExport.ToCsv(Seed(), [RexdaleTable.Rexdale], agencies ?? RexdaleTable.Agencies, April);

    private static string[] Lines(string csv) => csv.Split("\r\n");

    [Fact]
    public void One_row_per_situation_concluded_in_the_period_after_a_header()
    {
        var lines = Lines(AprilCsv());

        Assert.Equal(
            "situation_id,table,discussed_on,originating_agency,originating_sector,type,age_group,gender,risk_factors,aer_met," +
            "lead_agency,assisting_agencies,services_mobilized,updates,outcome,concluded_on",
            lines[0]);
        Assert.Equal(
            [
                "RX-2026-0101,Rexdale,2026-03-10,Police Division 23,Police,person,18-24,male,mental-health,yes,CMHA Toronto,Harbour Housing,CMHA Toronto,1,still-aer-refused,2026-04-02",
                "RX-2026-0103,Rexdale,2026-04-07,Police Division 23,Police,person,18-24,male,mental-health;housing,yes,CMHA Toronto,Harbour Housing,CMHA Toronto;Harbour Housing,1,risk-lowered-connected,2026-04-21",
                "",
            ],
            lines[1..]);
    }

    [Fact]
    public void The_export_never_carries_a_summary_note_next_step_decline_reason_or_e_mail()
    {
        var csv = AprilCsv();

        Assert.DoesNotContain("sleeping rough", csv);
        Assert.DoesNotContain(Note, csv);
        Assert.DoesNotContain("Friday", csv);
        Assert.DoesNotContain(DeclineReason, csv);
        Assert.DoesNotContain("@", csv);
    }

    [Fact]
    public void An_agency_name_with_a_comma_and_quotes_is_quoted_and_its_quotes_doubled()
    {
        Agency[] agencies =
        [
            new() { Id = "tps-23", Name = "Police Division 23", Sector = "Police" },
            new() { Id = "cmha", Name = "CMHA Toronto, \"West\"", Sector = "Mental health" },
            new() { Id = "housing", Name = "Harbour Housing", Sector = "Housing" },
        ];

        var row = Lines(AprilCsv(agencies))[2];

        Assert.StartsWith("RX-2026-0103,Rexdale,2026-04-07,Police Division 23,Police,person,18-24,male,mental-health;housing,yes," +
            "\"CMHA Toronto, \"\"West\"\"\",Harbour Housing,\"CMHA Toronto, \"\"West\"\";Harbour Housing\",1,", row);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r\nlf", "\"cr\r\nlf\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("12-17", "12-17")]
    public void Fields_are_written_as_RFC_4180_says_and_formulas_are_defused(string? value, string expected)
    {
        Assert.Equal(expected, Csv.Field(value));
    }

    [Fact]
    public void An_agency_no_longer_on_the_roster_is_written_by_its_id()
    {
        var row = Lines(AprilCsv([]))[1];

        Assert.Equal("RX-2026-0101,Rexdale,2026-03-10,tps-23,,person,18-24,male,mental-health,yes,cmha,housing,cmha,1,still-aer-refused,2026-04-02", row);
    }
}

using FocusBot.Core.Figures;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Core.Tests.Situations;
using static FocusBot.Core.Tests.Figures.AprilAtRexdale;

namespace FocusBot.Core.Tests.Figures;

public sealed class RtdExportTests
{
    private static string AprilCsv(IReadOnlyCollection<Agency>? agencies = null) =>
        RtdExport.ToCsv([.. Seed(), NotAerOnTheNinth()], [RexdaleTable.Rexdale], agencies ?? RexdaleTable.Agencies, April, RexdaleTable.Choices);

    private static Situation NotAerOnTheNinth() =>
        Situation.Record(SituationId.Create("RX", 2026, 150), RexdaleTable.Valid(RexdaleTable.NotAerRequest()), Local(4, 9, 10));

    private static string[] Lines(string csv) => csv.Split("\r\n");

    [Fact]
    public void One_row_per_situation_concluded_or_found_not_AER_in_the_period_ids_then_labels_and_a_declined_agency_is_not_assisting()
    {
        var lines = Lines(AprilCsv());

        Assert.Equal(
            "situation_id,table,discussed_on,aer_met,people_count,type,type_label,age_group,age_group_label,gender,gender_label," +
            "risk_factors,risk_factors_label,originating_agency,originating_agency_label,originating_sector,lead_agency,lead_agency_label," +
            "assisting_agencies,assisting_agencies_label,declined_agencies,declined_agencies_label,services_mobilized,services_mobilized_label," +
            "updates,outcome,outcome_label,concluded_on",
            lines[0]);
        Assert.Equal(
            [
                // Harbour Housing declined to assist on 0101: it is listed as declined, not as assisting.
                "RX-2026-0101,Rexdale,2026-03-10,yes,1,person,Person,18-24,18–24,male,Male,mental-health,Mental health,tps-23,Police Division 23,Police," +
                "cmha,CMHA Toronto,,,housing,Harbour Housing,,,1,still-aer-refused,Still AER – refused services,2026-04-02",
                "RX-2026-0150,Rexdale,2026-04-09,no,1,person,Person,18-24,18–24,male,Male,mental-health;housing,Mental health;Housing,tps-23,Police Division 23,Police," +
                ",,,,,,,,0,,,",
                "RX-2026-0103,Rexdale,2026-04-07,yes,1,person,Person,18-24,18–24,male,Male,mental-health;housing,Mental health;Housing,tps-23,Police Division 23,Police," +
                "cmha,CMHA Toronto,housing,Harbour Housing,,,,,1,risk-lowered-connected,Overall risk lowered – connected to services,2026-04-21",
                "",
            ],
            lines[1..]);
    }

    [Fact]
    public void A_lead_that_declined_and_was_replaced_is_listed_as_declined_and_services_mobilized_come_from_the_updates()
    {
        var situation = Record(160, Local(4, 7, 10), ["housing"]);
        situation.Decline("cmha", RexdaleTable.LeadRep, DeclineReason, Local(4, 7, 12));
        situation.ChangeLead("city", RexdaleTable.CoChair, RexdaleTable.Agencies, TimeSpan.FromHours(48), Local(4, 7, 13));
        var cityRep = RexdaleTable.Rep("rep@city.example", "city");
        situation.Accept("city", cityRep, Local(4, 7, 14));
        situation.PostUpdate(cityRep, "connected-to-services", Note, null, [], RexdaleTable.Choices, Local(4, 8, 9), ["mental-health", "housing"]);
        situation.Conclude(RexdaleTable.CoChair, "risk-lowered-connected", RexdaleTable.Choices, Local(4, 10, 9));

        var row = Lines(RtdExport.ToCsv([situation], [RexdaleTable.Rexdale], RexdaleTable.Agencies, April, RexdaleTable.Choices))[1].Split(',');
        string Column(string name) => row[RtdExport.Columns.ToList().IndexOf(name)];

        Assert.Equal(("city", "City Community Safety"), (Column("lead_agency"), Column("lead_agency_label")));
        Assert.Equal(("cmha", "CMHA Toronto"), (Column("declined_agencies"), Column("declined_agencies_label")));
        Assert.Equal(("", ""), (Column("assisting_agencies"), Column("assisting_agencies_label")));
        Assert.Equal(("housing;mental-health", "Housing;Mental health"), (Column("services_mobilized"), Column("services_mobilized_label")));
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

        var row = Lines(AprilCsv(agencies))[3];

        Assert.Contains(",cmha,\"CMHA Toronto, \"\"West\"\"\",housing,Harbour Housing,", row);
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

        Assert.Contains(",tps-23,tps-23,,cmha,cmha,,,housing,housing,", row);
    }
}

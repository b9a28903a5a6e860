using System.Net;

namespace FocusBot.Tests.Figures;

public sealed class RtdExportApiTests(SeededMarch march) : IClassFixture<SeededMarch>
{
    private const string Header =
        "situation_id,table,discussed_on,aer_met,people_count,type,type_label,age_group,age_group_label,gender,gender_label," +
        "risk_factors,risk_factors_label,originating_agency,originating_agency_label,originating_sector,lead_agency,lead_agency_label," +
        "assisting_agencies,assisting_agencies_label,declined_agencies,declined_agencies_label,services_mobilized,services_mobilized_label," +
        "updates,outcome,outcome_label,concluded_on";

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
                "DM-2026-0001,Demo Table,2026-03-02,yes,1,person,Person,18-24,18–24,male,Male,mental-health;housing,Mental health;Housing," +
                    "tps-99,Police Division 99,Police,northside-mh,Northside Mental Health,harbour-housing,\"Harbour Housing, \"\"Lakeshore\"\"\",,,,," +
                    "1,risk-lowered-connected,Overall risk lowered – connected to services,2026-03-09",
                // Harbour Housing declined to assist: listed as declined, not as assisting.
                "DM-2026-0002,Demo Table,2026-03-09,yes,1,person,Person,18-24,18–24,male,Male,housing;drugs,Housing;Drugs," +
                    "tps-99,Police Division 99,Police,northside-mh,Northside Mental Health,,,harbour-housing,\"Harbour Housing, \"\"Lakeshore\"\"\",,," +
                    "1,still-aer-refused,Still AER – refused services,2026-03-16",
                "",
            ],
            csv.Split("\r\n"));
    }

    [Fact]
    public async Task In_French_the_header_and_the_labels_are_French_and_the_ids_stay_as_they_are()
    {
        var (response, csv) = await ExportAsync("?table=demo&from=2026-03-01&to=2026-04-01&lang=fr-CA");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = csv.Split("\r\n");
        Assert.Equal(
            "id_situation,table,date_discussion,seuil_rea_atteint,nombre_personnes,type,type_libelle,groupe_age,groupe_age_libelle,genre,genre_libelle," +
            "facteurs_risque,facteurs_risque_libelle,organisme_origine,organisme_origine_libelle,secteur_origine,organisme_responsable," +
            "organisme_responsable_libelle,organismes_appui,organismes_appui_libelle,organismes_refus,organismes_refus_libelle,services_mobilises," +
            "services_mobilises_libelle,mises_a_jour,resultat,resultat_libelle,date_conclusion", lines[0]);
        Assert.StartsWith("DM-2026-0001,Demo Table,2026-03-02,oui,1,person,Personne,18-24,18 à 24 ans,male,Homme,", lines[1]);
        Assert.Contains("mental-health;housing,Santé mentale;", lines[1]);
        Assert.EndsWith("risk-lowered-connected,Risque global réduit – lien établi avec des services,2026-03-09", lines[1]);
    }

    [Fact]
    public async Task A_language_it_does_not_speak_is_refused_by_name()
    {
        var (response, body) = await ExportAsync("?table=demo&lang=de-DE");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"lang\"", body);
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

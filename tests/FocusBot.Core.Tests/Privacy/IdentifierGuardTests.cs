using FocusBot.Core.Privacy;

namespace FocusBot.Core.Tests.Privacy;

public class IdentifierGuardTests
{
    /// <summary>Notes are read as written on 30 November 2026, with the sample roster's agencies.</summary>
    internal static readonly IdentifierContext Today = new(new DateOnly(2026, 11, 30),
        ["City Community Safety", "Police Division 99", "Northside Mental Health", "Harbour Housing Services", "YouthLink Services"]);

    [Theory]
    [InlineData("Call her at 416-555-0199 after 5", IdentifierKind.PhoneNumber)]
    [InlineData("cell (647) 555-0123", IdentifierKind.PhoneNumber)]
    [InlineData("reach him on 416.555.0101", IdentifierKind.PhoneNumber)]
    [InlineData("number is 416 555 0177", IdentifierKind.PhoneNumber)]
    [InlineData("text 4165550142 anytime", IdentifierKind.PhoneNumber)]
    [InlineData("Call 416 5550199", IdentifierKind.PhoneNumber)]
    [InlineData("cell (647)5550123", IdentifierKind.PhoneNumber)]
    [InlineData("+1 416 555 0142", IdentifierKind.PhoneNumber)]
    [InlineData("call 1-800-555-0100 for intake", IdentifierKind.PhoneNumber)]
    [InlineData("+14165550142", IdentifierKind.PhoneNumber)]
    [InlineData("landline 555-0142", IdentifierKind.PhoneNumber)]
    [InlineData("mother's number: (905)555-0188", IdentifierKind.PhoneNumber)]
    [InlineData("email jdoe@example.com", IdentifierKind.EmailAddress)]
    [InlineData("contact: Jane.Doe+focus@mail.example.org.", IdentifierKind.EmailAddress)]
    [InlineData("his address is j_smith99@hotmail.ca", IdentifierKind.EmailAddress)]
    [InlineData("wrote to CASE.WORKER@AGENCY.ON.CA", IdentifierKind.EmailAddress)]
    [InlineData("OHIP 1234-567-890", IdentifierKind.HealthCardNumber)]
    [InlineData("health card 1234 567 890 AB", IdentifierKind.HealthCardNumber)]
    [InlineData("HCN 1234567890", IdentifierKind.HealthCardNumber)]
    [InlineData("card is 1234567890XY", IdentifierKind.HealthCardNumber)]
    [InlineData("1234-567-890-KT on file", IdentifierKind.HealthCardNumber)]
    [InlineData("his health number is 9876543210", IdentifierKind.HealthCardNumber)]
    [InlineData("lives near M5V 2T6", IdentifierKind.PostalCode)]
    [InlineData("postal code m6h3e5", IdentifierKind.PostalCode)]
    [InlineData("moved to K1A 0B1 area", IdentifierKind.PostalCode)]
    [InlineData("M9V-1R7", IdentifierKind.PostalCode)]
    [InlineData("born 2001-04-17", IdentifierKind.DateOfBirth)]
    [InlineData("DOB 17/04/2001", IdentifierKind.DateOfBirth)]
    [InlineData("birthday April 17 2001", IdentifierKind.DateOfBirth)]
    [InlineData("17 Apr 2001", IdentifierKind.DateOfBirth)]
    [InlineData("born 1999", IdentifierKind.DateOfBirth)]
    [InlineData("born in 1987, lives alone", IdentifierKind.DateOfBirth)]
    [InlineData("date of birth: 1962", IdentifierKind.DateOfBirth)]
    [InlineData("Sept. 3, 1990", IdentifierKind.DateOfBirth)]
    [InlineData("3rd of March 2004", IdentifierKind.DateOfBirth)]
    [InlineData("d.o.b. 04.11.1979", IdentifierKind.DateOfBirth)]
    [InlineData("born in March 1999", IdentifierKind.DateOfBirth)]
    [InlineData("2001/4/7", IdentifierKind.DateOfBirth)]
    [InlineData("lives at 123 Queen St W", IdentifierKind.StreetAddress)]
    [InlineData("45 Jane Street", IdentifierKind.StreetAddress)]
    [InlineData("unit 4, 200 Main Ave", IdentifierKind.StreetAddress)]
    [InlineData("staying at 12-340 Dundas St. East", IdentifierKind.StreetAddress)]
    [InlineData("found at 7 finch ave west", IdentifierKind.StreetAddress)]
    [InlineData("apt 1203 2500 Kipling Avenue", IdentifierKind.StreetAddress)]
    [InlineData("1 Yonge Blvd", IdentifierKind.StreetAddress)]
    [InlineData("88 Spring Garden Rd", IdentifierKind.StreetAddress)]
    [InlineData("the house at 9 Birchmount Crescent", IdentifierKind.StreetAddress)]
    [InlineData("22 Rexdale Blvd.", IdentifierKind.StreetAddress)]
    [InlineData("30 Sunrise Way", IdentifierKind.StreetAddress)]
    [InlineData("5 High Park", IdentifierKind.StreetAddress)]
    [InlineData("1000 Finch Ave W", IdentifierKind.StreetAddress)]
    public void Finds_identifying_detail_of_the_right_kind(string text, IdentifierKind kind)
    {
        var findings = IdentifierGuard.Find(text, Today);

        Assert.Contains(findings, f => f.Kind == kind);
        Assert.All(findings, f => Assert.Equal(kind, f.Kind));
    }

    [Theory]
    [InlineData("RX-2026-0142 discussed")]
    [InlineData("see situation SC-2025-10042 for history")]
    [InlineData("age group 18–24")]
    [InlineData("aged 30-39")]
    [InlineData("ages 12-17 and 18-24")]
    [InlineData("door knock within 48 hours")]
    [InlineData("over 3 weeks")]
    [InlineData("Division 51 officers attended")]
    [InlineData("2 children in the home")]
    [InlineData("meeting at 10:00")]
    [InlineData("since 2013 the table has met weekly")]
    [InlineData("known to police since 2019")]
    [InlineData("in 2024-2025 there were 3 calls")]
    [InlineData("2 nights on the street")]
    [InlineData("3 times on the road to recovery")]
    [InlineData("sleeps 4 nights a week in the park")]
    [InlineData("has 2 Family Court dates")]
    [InlineData("about 5,500 interventions and 9,000 people")]
    [InlineData("24/7 support")]
    [InlineData("1/2 of rent unpaid")]
    [InlineData("risk level 3 of 5")]
    [InlineData("30 minute drive from the shelter")]
    [InlineData("needs 2 safe places to stay")]
    [InlineData("Rexdale, divisions 22 and 23")]
    [InlineData("lives near Jane and Finch")]
    [InlineData("follow up 2026 Q2")]
    [InlineData("score 12.5 out of 20")]
    [InlineData("$1,200 in arrears")]
    [InlineData("visited 14 St Michael's Hospital wards")]
    [InlineData("next meeting Tuesday 13:30")]
    [InlineData("60+ male, lives alone")]
    [InlineData("0-11 age group, family of 4")]
    [InlineData("ref 2026-0142")]
    [InlineData("aged 45, elder abuse suspected")]
    [InlineData("seen by 2 officers and 1 nurse")]
    [InlineData("took bus route 35 to the hospital")]
    [InlineData("1 of 3 siblings")]
    [InlineData("mental health worker @ CMHA will call")]
    [InlineData("case reviewed in April")]
    [InlineData("since March 2024 no contact")]
    [InlineData("Lead: CMHA; assist: TPS 23 Div, Housing")]
    [InlineData("Follow up at the 1:30 meeting")]
    [InlineData("taken to St. Joseph's Health Centre")]
    [InlineData("2 x weekly visits; phone call made")]
    [InlineData("Age 16, grade 10 student")]
    [InlineData("ODSP $1,308/month")]
    [InlineData("Score 7/10")]
    [InlineData("Unit 3 of the shelter is full")]
    [InlineData("lives on Queen St near the park")]
    [InlineData("next review in 3 days, 2 weeks at most")]
    [InlineData("2 dogs in the unit, 1 cat")]
    [InlineData("waited 6 months for a bed")]
    [InlineData("called 911 twice, 3 EMS visits")]
    [InlineData("Highway 401 overpass encampment")]
    [InlineData("1 in 5 youth")]
    [InlineData("4 Division officers")]
    [InlineData("mom (40-59) and 3 kids (0-11)")]
    [InlineData("had 12 ER visits in 2025")]
    [InlineData("version 2.1.3 of the form")]
    [InlineData("seen on 12/05/26 at the clinic")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Leaves_the_tables_everyday_wording_alone(string? text)
    {
        Assert.Empty(IdentifierGuard.Find(text, Today));
    }

    [Fact]
    public void Finding_keeps_kind_position_and_detector_never_the_text()
    {
        var text = "call 416-555-0199 today";

        var finding = Assert.Single(IdentifierGuard.Find(text, Today));

        Assert.Equal(5, finding.Start);
        Assert.Equal("416-555-0199".Length, finding.Length);
        Assert.Equal("a phone number", finding.Message);
        Assert.Equal("phone number, grouped", finding.Detector);
        Assert.DoesNotContain("555", finding.ToString());
    }

    [Fact]
    public void Describe_names_each_finding_with_its_passage_and_promises_nothing_it_cannot_keep()
    {
        const string text = "Met Tyrone Williams; SIN 130 692 544 on the OW file.";

        var sentence = IdentifierGuard.Describe(text, IdentifierGuard.Find(text, Today));

        Assert.Equal(
            "Please remove what could identify someone: a person's name? 'Tyrone Williams'; a Social Insurance Number? " +
            "'130 692 544'. Names and numbers that identify a person must not be written here; this check helps but " +
            "cannot catch everything.",
            sentence);
        Assert.DoesNotContain("never stores", sentence);
    }

    [Fact]
    public void Describe_in_French_with_the_OQLF_typography()
    {
        const string text = "La mère, Julie, appelle au 416-555-0199.";

        // No space before ? and ;, a no-break space before : and inside « » (as in the bot's French resources).
        Assert.Equal(
            "Veuillez retirer ce qui pourrait identifier quelqu'un\u00A0: le nom d'une personne? «\u00A0Julie\u00A0»; un numéro de " +
            "téléphone? «\u00A0416-555-0199\u00A0». Les noms et les numéros qui identifient une personne ne doivent pas être " +
            "écrits ici; cette vérification aide, mais ne peut pas tout repérer.",
            IdentifierGuard.Describe(text, IdentifierGuard.Find(text, Today), french: true));
    }

    [Theory]
    [InlineData("Tyr\u200Bone Williams sleeping rough", "Tyr\u200Bone Williams", IdentifierKind.PersonName)]   // zero-width space
    [InlineData("Ty\u00ADrone Williams sleeping rough", "Ty\u00ADrone Williams", IdentifierKind.PersonName)]   // soft hyphen
    [InlineData("call 416\u200D-555-0199 today", "416\u200D-555-0199", IdentifierKind.PhoneNumber)]           // zero-width joiner
    [InlineData("\u200FMr. Samuel\u2060 Adeyemi declined", "Samuel\u2060 Adeyemi", IdentifierKind.PersonName)] // RLM, word joiner
    public void Invisible_format_characters_hide_nothing_and_the_passage_is_quoted_as_written(string text, string passage, IdentifierKind kind)
    {
        var finding = Assert.Single(IdentifierGuard.Find(text, Today));

        Assert.Equal(kind, finding.Kind);
        Assert.Equal(passage, finding.PassageIn(text));
    }

    [Fact]
    public void Describe_of_nothing_is_empty()
    {
        Assert.Equal(string.Empty, IdentifierGuard.Describe("", []));
    }

    [Fact]
    public void Overlapping_patterns_give_one_finding()
    {
        var findings = IdentifierGuard.Find("health card 1234-567-890", Today);

        Assert.Equal(IdentifierKind.HealthCardNumber, Assert.Single(findings).Kind);
    }

    [Fact]
    public void Long_text_is_checked_whole()
    {
        var text = string.Concat(Enumerable.Repeat("2 nights 3 weeks on the street at 10:00, aged 30-39. ", 200)) + " 45 Jane Street";

        var findings = IdentifierGuard.Find(text, Today);

        Assert.Equal(IdentifierKind.StreetAddress, Assert.Single(findings).Kind);
    }
}

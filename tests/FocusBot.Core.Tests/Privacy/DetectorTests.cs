using FocusBot.Core.Privacy;
using static FocusBot.Core.Tests.Privacy.IdentifierGuardTests;

namespace FocusBot.Core.Tests.Privacy;

/// <summary>Each detector with its hard cases: what it must find (and the passage it names) and what it must let pass.</summary>
public class DetectorTests
{
    private static IdentifierFinding Only(string text, IdentifierKind kind)
    {
        var findings = IdentifierGuard.Find(text, Today);
        Assert.True(findings.Count > 0, $"nothing found in \"{text}\"");
        return Assert.Single(findings, f => f.Kind == kind);
    }

    [Theory]
    [InlineData("Pt's name is Andre Thompson, 15.", "Andre Thompson")]
    [InlineData("Name is John Smith", "John Smith")]
    [InlineData("Mrs. Nguyen at the corner store", "Nguyen")]
    [InlineData("Mr. Samuel Adeyemi declined the door knock.", "Samuel Adeyemi")]
    public void The_issues_names_are_refused_with_the_name_named(string text, string name)
    {
        var finding = Only(text, IdentifierKind.PersonName);

        Assert.Equal(name, finding.PassageIn(text));
        Assert.Contains($"a person's name? '{name}'", IdentifierGuard.Describe(text, [finding]));
    }

    [Fact]
    public void The_issues_social_insurance_number_is_refused_with_the_number_named()
    {
        const string text = "SIN 130 692 544 on the OW file.";

        var finding = Only(text, IdentifierKind.SocialInsuranceNumber);

        Assert.Equal("130 692 544", finding.PassageIn(text));
    }

    [Theory]
    [InlineData("Safety plan reviewed; next check-in 2026-12-10.")]
    [InlineData("Overdose on 12 November; EMS call 2026-11-12")]
    public void The_issues_dated_notes_pass(string text)
    {
        Assert.Empty(IdentifierGuard.Find(text, Today));
    }

    [Theory]
    [InlineData("Mr. Samuel Adeyemi declined", "name after an honorific", "Samuel Adeyemi")]
    [InlineData("Dr Patel will see pt", "name after an honorific", "Patel")]
    [InlineData("met Mrs. Abdi at noon", "name after an honorific", "Abdi")]
    [InlineData("M. Tremblay a refusé", "name after an honorific", "Tremblay")]
    [InlineData("Mme Gagnon est d'accord", "name after an honorific", "Gagnon")]
    [InlineData("Mlle Roy sera là", "name after an honorific", "Roy")]
    [InlineData("Mr Wilson was not home", "name after an honorific", "Wilson")]
    [InlineData("her name is Ashley", "name after \"name is\"", "Ashley")]
    [InlineData("youth goes by Jay", "name after \"name is\"", "Jay")]
    [InlineData("name is john smith", "name after \"name is\"", "john smith")]
    [InlineData("le jeune s'appelle Kevin", "name after \"name is\"", "Kevin")]
    [InlineData("un client nommé Olivier", "name after \"name is\"", "Olivier")]
    [InlineData("his sister Keisha says", "name after a kinship or role word", "Keisha")]
    [InlineData("La mère, Julie, dit", "name after a kinship or role word", "Julie")]
    [InlineData("her boyfriend Darnell stays there", "name after a kinship or role word", "Darnell")]
    [InlineData("his brother-in-law Amir drives him", "name after a kinship or role word", "Amir")]
    [InlineData("la voisine, Chantal, a appelé", "name after a kinship or role word", "Chantal")]
    [InlineData("spoke with Tyrone Williams today", "given name and family name", "Tyrone Williams")]
    [InlineData("Rencontré Marie-Claude Bouchard au refuge", "given name and family name", "Marie-Claude Bouchard")]
    [InlineData("ODSP worker says Fatima Hassan's cheque stopped", "given name and family name", "Fatima Hassan")]
    [InlineData("Could not reach Tyrone today", "given name", "Tyrone")]
    public void Each_name_detector_names_the_passage(string text, string detector, string passage)
    {
        var finding = Only(text, IdentifierKind.PersonName);

        Assert.Equal(detector, finding.Detector);
        Assert.Equal(passage, finding.PassageIn(text));
    }

    [Theory]
    [InlineData("Met at Jane and Finch with 31 Div")]
    [InlineData("Transferred to Humber River Hospital")]
    [InlineData("Referred to Housing First")]
    [InlineData("Ontario Works will pay the arrears")]
    [InlineData("Northside Mental Health leads; YouthLink Services assists")]
    [InlineData("John Howard Society will support")]
    [InlineData("Referred to Fred Victor")]
    [InlineData("Kennedy and Eglinton, in a stairwell")]
    [InlineData("Lawrence Heights team is leading")]
    [InlineData("Grace Hospital palliative team")]
    [InlineData("Victoria Park and Sheppard")]
    [InlineData("Next table on Tuesday; called EMS and called CAS")]
    [InlineData("Hope is that the family accepts")]
    [InlineData("Mark the f/u as overdue")]
    [InlineData("May need a second visit")]
    [InlineData("Speaks French and some English")]
    [InlineData("mother and 3 kids (0-11) in a motel")]
    [InlineData("The lead named CMHA as assisting")]
    [InlineData("Kipling Dr. Police attended")]
    public void Domain_words_that_look_like_names_are_not_names(string text)
    {
        Assert.DoesNotContain(IdentifierGuard.Find(text, Today), f => f.Kind == IdentifierKind.PersonName);
    }

    [Fact]
    public void The_rosters_agency_names_are_an_input_of_the_guard()
    {
        const string text = "Referred to Rosalind Mercer House for respite";
        var withoutRoster = new IdentifierContext(Today.WrittenOn);
        var withRoster = new IdentifierContext(Today.WrittenOn, ["Rosalind Mercer House"]);

        Assert.Contains(IdentifierGuard.Find("Referred to Rosalind Mercer today", withoutRoster), f => f.Kind == IdentifierKind.PersonName);
        Assert.Empty(IdentifierGuard.Find(text, withRoster));
    }

    [Theory]
    [InlineData("SIN 130 692 544", "130 692 544")]
    [InlineData("sin 046-454-286 on file", "046-454-286")]
    [InlineData("number 193456787 on the form", "193456787")]
    [InlineData("NAS 130.692.544", "130.692.544")]
    public void Social_insurance_numbers_are_luhn_valid_nine_digits(string text, string passage)
    {
        Assert.Equal(passage, Only(text, IdentifierKind.SocialInsuranceNumber).PassageIn(text));
    }

    [Theory]
    [InlineData("file 130 692 545")]
    [InlineData("case 123456789 at the LTB")]
    [InlineData("130 692-544")]
    [InlineData("$130,692,544 budget")]
    [InlineData("1306925440")]
    public void Nine_digits_that_fail_luhn_or_are_not_grouped_alike_are_not_a_sin(string text)
    {
        Assert.DoesNotContain(IdentifierGuard.Find(text, Today), f => f.Kind == IdentifierKind.SocialInsuranceNumber);
    }

    [Theory]
    [InlineData("DOB 2011-03-14", "date after a birth word")]
    [InlineData("born on March 3rd, 2012", "date after a birth word")]
    [InlineData("Né le 3 mars 1990", "date after a birth word")]
    [InlineData("date de naissance : 2020-07-15", "date after a birth word")]
    [InlineData("DDN 21/09/2022", "date after a birth word")]
    [InlineData("born 12 June", "date after a birth word")]
    [InlineData("2018-05-19 (8 y/o)", "date followed by an age")]
    [InlineData("14 March 2019, 7 years old", "date followed by an age")]
    [InlineData("1948-06-30, wandering at night", "full date more than 10 years ago")]
    [InlineData("le 30 octobre 1975", "full date more than 10 years ago")]
    [InlineData("DOB 17-Apr-2001", "date after a birth word")]
    [InlineData("d.o.b. 03-mars-1999", "date after a birth word")]
    [InlineData("30-Jun-1948, wandering at night", "full date more than 10 years ago")]
    public void A_date_is_a_date_of_birth_when_the_context_says_so_or_it_is_far_in_the_past(string text, string detector)
    {
        Assert.Equal(detector, Only(text, IdentifierKind.DateOfBirth).Detector);
    }

    [Theory]
    [InlineData("next check-in 2026-12-10")]
    [InlineData("f/u 12/12/2026")]
    [InlineData("Overdose on 12 November")]
    [InlineData("evicted on 2017-02-01")]
    [InlineData("Suivi le 4 décembre 2026")]
    [InlineData("since March 2024")]
    [InlineData("known to police since 2019")]
    [InlineData("court date 15 Dec 2026")]
    [InlineData("court date 15-Dec-2026")]
    public void Meeting_and_follow_up_dates_pass(string text)
    {
        Assert.Empty(IdentifierGuard.Find(text, Today));
    }

    [Fact]
    public void The_far_past_rule_is_counted_from_the_day_of_writing()
    {
        const string text = "evicted 2016-11-29";

        Assert.Empty(IdentifierGuard.Find(text, new IdentifierContext(new DateOnly(2026, 11, 29))));
        Assert.Equal(IdentifierKind.DateOfBirth, Assert.Single(IdentifierGuard.Find(text, new IdentifierContext(new DateOnly(2026, 11, 30)))).Kind);
    }

    [Fact]
    public void Every_detector_has_a_distinct_name()
    {
        var names = IdentifierGuard.All.Select(d => d.Name).ToList();

        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n)));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void The_given_names_list_is_loaded_from_the_generated_data_file()
    {
        Assert.True(GivenNames.IsUnambiguous("Tyrone"));
        Assert.True(GivenNames.Contains("Grace"));
        Assert.False(GivenNames.IsUnambiguous("Grace"));
        Assert.False(GivenNames.Contains("Rexdale"));
    }
}

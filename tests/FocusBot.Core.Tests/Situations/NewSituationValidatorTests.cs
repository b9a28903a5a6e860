using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using static FocusBot.Core.Tests.Situations.RexdaleTable;

namespace FocusBot.Core.Tests.Situations;

public class NewSituationValidatorTests
{
    private static NewSituationValidation Validate(NewSituationRequest request, Member? by = null) =>
        new NewSituationValidator(Choices).Validate(request, by ?? CoChair, Tables, Agencies);

    private static string[] ProblemsWith(NewSituationValidation validation, string field)
    {
        Assert.False(validation.IsValid);
        Assert.Null(validation.NewSituation);
        return Assert.Contains(field, validation.Problems);
    }

    [Fact]
    public void Valid_request_gives_a_situation_ready_to_record()
    {
        var validation = Validate(Request());

        Assert.True(validation.IsValid);
        Assert.Empty(validation.Problems);
        var situation = validation.NewSituation!;
        Assert.Same(Rexdale, situation.Table);
        Assert.Equal(CoChair.Email, situation.RecordedBy.Email);
        Assert.Equal("cmha", situation.LeadAgency);
    }

    [Fact]
    public void Ids_are_taken_in_any_case_and_stored_in_the_catalogues_spelling()
    {
        var validation = Validate(Request() with
        {
            Table = " Rexdale ", Type = "PERSON", Gender = "Male", RiskFactors = ["Mental-Health"], LeadAgency = "CMHA", AssistingAgencies = ["Housing"],
        });

        var situation = validation.NewSituation!;
        Assert.Equal("person", situation.Type);
        Assert.Equal("male", situation.Gender);
        Assert.Equal(["mental-health"], situation.RiskFactors);
        Assert.Equal("cmha", situation.LeadAgency);
        Assert.Equal(["housing"], situation.AssistingAgencies);
    }

    [Fact]
    public void Empty_request_names_every_required_field()
    {
        var validation = Validate(new NewSituationRequest());

        Assert.Equal(
            new[] { "table", "type", "ageGroup", "gender", "riskFactors", "originatingAgency", "leadAgency", "assistingAgencies" }.Order(),
            validation.Problems.Keys.Order());
    }

    [Theory]
    [InlineData("table")]
    [InlineData("type")]
    [InlineData("ageGroup")]
    [InlineData("gender")]
    [InlineData("originatingAgency")]
    [InlineData("leadAgency")]
    public void Unknown_id_is_a_problem_of_its_field(string field)
    {
        var request = field switch
        {
            "table" => Request() with { Table = "atlantis" },
            "type" => Request() with { Type = "planet" },
            "ageGroup" => Request() with { AgeGroup = "18-30" },
            "gender" => Request() with { Gender = "robot" },
            "originatingAgency" => Request() with { OriginatingAgency = "fbi" },
            _ => Request() with { LeadAgency = "fbi" },
        };

        var validation = Validate(request);

        Assert.Single(ProblemsWith(validation, field));
        Assert.Single(validation.Problems);
    }

    [Fact]
    public void At_least_one_risk_factor()
    {
        Assert.Contains("Choose at least one risk factor.", ProblemsWith(Validate(Request() with { RiskFactors = [] }), "riskFactors"));
    }

    [Fact]
    public void Risk_factors_must_be_in_the_catalogue()
    {
        ProblemsWith(Validate(Request() with { RiskFactors = ["mental-health", "bad-luck"] }), "riskFactors");
    }

    [Fact]
    public void Risk_factors_are_not_repeated()
    {
        var problems = ProblemsWith(Validate(Request() with { RiskFactors = ["housing", "HOUSING"] }), "riskFactors");

        Assert.Contains("A risk factor is listed more than once.", problems);
    }

    [Fact]
    public void Lead_agency_cannot_also_assist()
    {
        var problems = ProblemsWith(Validate(Request() with { AssistingAgencies = ["housing", "cmha"] }), "assistingAgencies");

        Assert.Contains("The lead agency cannot also be an assisting agency.", problems);
    }

    [Fact]
    public void Assisting_agencies_are_not_repeated()
    {
        ProblemsWith(Validate(Request() with { AssistingAgencies = ["housing", "housing"] }), "assistingAgencies");
    }

    [Fact]
    public void Assisting_agencies_must_be_on_the_roster()
    {
        ProblemsWith(Validate(Request() with { AssistingAgencies = ["housing", "nowhere"] }), "assistingAgencies");
    }

    [Fact]
    public void At_least_one_assisting_agency()
    {
        ProblemsWith(Validate(Request() with { AssistingAgencies = [] }), "assistingAgencies");
    }

    [Fact]
    public void At_most_twenty_assisting_agencies()
    {
        var many = Enumerable.Range(1, 21).Select(i => $"agency-{i}").ToList();
        var agencies = Agencies.Concat(many.Select(id => new Agency { Id = id, Name = id, Sector = "Community" })).ToList();

        var validation = new NewSituationValidator(Choices).Validate(Request() with { AssistingAgencies = many }, CoChair, Tables, agencies);

        Assert.Equal(["Name at most 20 assisting agencies."], ProblemsWith(validation, "assistingAgencies"));
    }

    [Fact]
    public void Summary_is_at_most_500_characters()
    {
        ProblemsWith(Validate(Request() with { Summary = new string('a', 501) }), "summary");
        Assert.True(Validate(Request() with { Summary = new string('a', 500) }).IsValid);
    }

    [Fact]
    public void Summary_may_be_left_out()
    {
        var validation = Validate(Request() with { Summary = "  " });

        Assert.True(validation.IsValid);
        Assert.Null(validation.NewSituation!.Summary);
    }

    [Fact]
    public void Summary_with_identifying_details_is_refused_naming_each_passage_to_the_writer()
    {
        var problems = ProblemsWith(Validate(Request() with { Summary = "Lives at 123 Queen St W, born 2001-04-17" }), "summary");

        var message = Assert.Single(problems);
        Assert.Contains("a street address? '123 Queen St W'", message);
        Assert.Contains("a date of birth? '2001-04-17'", message);
        Assert.Contains("cannot catch everything", message);
    }

    [Fact]
    public void Summary_naming_the_rosters_agencies_is_not_taken_for_names()
    {
        var request = Request() with { Summary = "Known to Sandra Okoye Collective; overdose on 12 November." };
        var withAgency = Agencies.Append(new Agency { Id = "okoye", Name = "Sandra Okoye Collective", Sector = "Youth services" }).ToList();

        Assert.False(new NewSituationValidator(Choices).Validate(request, CoChair, Tables, Agencies).IsValid);
        Assert.True(new NewSituationValidator(Choices).Validate(request, CoChair, Tables, withAgency).IsValid);
    }

    [Fact]
    public void Rep_cannot_record_a_situation()
    {
        var problems = ProblemsWith(Validate(Request(), LeadRep), "table");

        Assert.Contains("Only a co-chair of this table can record a situation.", problems);
    }

    [Fact]
    public void Co_chair_of_another_table_cannot_record_a_situation()
    {
        ProblemsWith(Validate(Request(), CoChairOfYork), "table");
    }

    [Fact]
    public void Unknown_user_cannot_record_a_situation()
    {
        var validation = new NewSituationValidator(Choices).Validate(Request(), null, Tables, Agencies);

        ProblemsWith(validation, "table");
    }

    [Fact]
    public void Admin_of_the_table_can_record_a_situation()
    {
        Assert.True(Validate(Request(), Admin).IsValid);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var validation = Validate(Request() with { Gender = "robot", RiskFactors = [], Summary = "call 416-555-0199", AssistingAgencies = ["cmha"] }, LeadRep);

        Assert.Equal(new[] { "assistingAgencies", "gender", "riskFactors", "summary", "table" }, validation.Problems.Keys.Order());
    }
}

using System.Text.Json.Nodes;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards.Situations;
using static FocusBot.Teams.Tests.Cards.CardReading;
using static FocusBot.Teams.Tests.Cards.DemoTable;

namespace FocusBot.Teams.Tests.Cards;

public sealed class NewSituationFormTests
{
    private static JsonObject Form(NewSituationRequest? typed = null, IReadOnlyDictionary<string, string[]>? problems = null) =>
        Json(NewSituationForm.Build(Tables, Agencies, Catalogue, typed, problems));

    [Fact]
    public void Form_has_every_input_the_record_handler_reads()
    {
        var form = Form();

        Assert.Equal(
            ["table", "aerMet", "type", "ageGroup", "gender", "peopleCount", "riskFactors", "summary", "originatingAgency", "leadAgency", "assistingAgencies"],
            Objects(form).Where(o => (TypeOf(o) ?? "").StartsWith("Input.", StringComparison.Ordinal)).Select(o => (string)o["id"]!));
        Assert.True((bool)Input(form, "riskFactors")["isMultiSelect"]!);
        Assert.True((bool)Input(form, "assistingAgencies")["isMultiSelect"]!);
        Assert.False((bool)Input(form, "leadAgency")["isMultiSelect"]!);
        var summary = Input(form, "summary");
        Assert.Equal("Input.Text", TypeOf(summary));
        Assert.True((bool)summary["isMultiline"]!);
        Assert.Equal(500, (int)summary["maxLength"]!);

        var submit = Assert.Single(Buttons(form));
        Assert.Equal("Record situation", (string?)submit["title"]);
        Assert.Equal("situation.record", (string?)submit["verb"]);
    }

    [Fact]
    public void Choices_come_from_the_catalogue_and_the_roster()
    {
        var form = Form();

        static IReadOnlyList<(string, string)> Choices(JsonObject input) =>
            [.. input["choices"]!.AsArray().Select(c => ((string)c!["value"]!, (string)c["title"]!))];
        Assert.Equal([("demo", "Demo Table"), ("lakeside", "Lakeside Table")], Choices(Input(form, "table")));
        Assert.Equal(Catalogue.AgeGroups.Select(e => (e.Id, e.Label)), Choices(Input(form, "ageGroup")));
        Assert.Equal(Catalogue.RiskFactors.Count, Choices(Input(form, "riskFactors")).Count);
        Assert.Contains(("northside-mh", "Northside Mental Health"), Choices(Input(form, "leadAgency")));
        Assert.Equal(Agencies.Count, Choices(Input(form, "assistingAgencies")).Count);
    }

    [Fact]
    public void The_only_table_a_co_chair_chairs_is_chosen_already()
    {
        var form = Json(NewSituationForm.Build([Demo], Agencies, Catalogue));

        Assert.Equal("demo", (string?)Input(form, "table")["value"]);
        Assert.Null(Input(Form(), "table")["value"]);
    }

    [Fact]
    public void Form_keeps_everything_typed()
    {
        var typed = Request() with { AssistingAgencies = ["harbour-housing", "YouthLink"], RiskFactors = ["Mental-Health", "housing"] };

        var form = Form(typed);

        Assert.Equal("demo", (string?)Input(form, "table")["value"]);
        Assert.Equal("person", (string?)Input(form, "type")["value"]);
        Assert.Equal("18-24", (string?)Input(form, "ageGroup")["value"]);
        Assert.Equal("male", (string?)Input(form, "gender")["value"]);
        Assert.Equal("mental-health,housing", (string?)Input(form, "riskFactors")["value"]);
        Assert.Equal(Summary, (string?)Input(form, "summary")["value"]);
        Assert.Equal("tps-99", (string?)Input(form, "originatingAgency")["value"]);
        Assert.Equal("northside-mh", (string?)Input(form, "leadAgency")["value"]);
        Assert.Equal("harbour-housing,youthlink", (string?)Input(form, "assistingAgencies")["value"]);
    }

    [Fact]
    public void Each_problem_the_validator_finds_is_shown_under_its_field()
    {
        var typed = Request() with
        {
            AgeGroup = null,
            Summary = "Call him at 416-555-0199 after six.",
            AssistingAgencies = ["northside-mh"],
        };
        var problems = new NewSituationValidator(Catalogue).Validate(typed, CoChair, Tables, Agencies).Problems;
        Assert.Equal(["ageGroup", "assistingAgencies", "summary"], problems.Keys.Order());

        var form = Form(typed, problems);

        var fixLine = TextBlock(form, "Please fix 3 fields.");
        Assert.Equal("Attention", (string?)fixLine["color"]);
        foreach (var (field, messages) in problems)
        {
            var under = After(form, field)!;
            Assert.Equal("TextBlock", TypeOf(under));
            Assert.Equal(messages[0], (string?)under["text"]);
            Assert.Equal("Attention", (string?)under["color"]);
            Assert.Equal(string.Join(" ", messages), (string?)Input(form, field)["errorMessage"]);
        }

        Assert.Equal(typed.Summary, (string?)Input(form, "summary")["value"]);
        Assert.Equal("northside-mh", (string?)Input(form, "assistingAgencies")["value"]);
    }

    [Fact]
    public void One_problem_is_one_field()
    {
        var form = Form(Request(), new Dictionary<string, string[]> { ["leadAgency"] = ["Choose the lead agency."] });

        Assert.Equal("Attention", (string?)TextBlock(form, "Please fix 1 field.")["color"]);
    }

    [Fact]
    public void A_problem_without_a_field_is_shown_under_the_summary_line()
    {
        var form = Form(Request(), new Dictionary<string, string[]> { ["recordedBy"] = ["Only co-chairs can record situations."] });

        Assert.Equal("Attention", (string?)TextBlock(form, "Only co-chairs can record situations.")["color"]);
    }

    [Fact]
    public void A_form_without_problems_has_no_red_lines()
    {
        var form = Form(Request());

        Assert.DoesNotContain(OfType(form, "TextBlock"), t => (string?)t["color"] == "Attention");
    }

    [Fact]
    public void Form_reminds_the_co_chair_to_keep_the_summary_de_identified()
    {
        var texts = Texts(Form());

        Assert.Contains(texts, t => t.Contains("no names, addresses, dates of birth, phone or health card numbers", StringComparison.Ordinal));
    }
}

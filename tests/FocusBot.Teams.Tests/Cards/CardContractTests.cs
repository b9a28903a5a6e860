using System.Text.Json.Nodes;
using static FocusBot.Teams.Tests.Cards.CardReading;

namespace FocusBot.Teams.Tests.Cards;

/// <summary>What every card owes Teams and the invoke handler, whatever it shows.</summary>
public sealed class CardContractTests
{
    public static TheoryData<string> Cards => CardSamples.Names;

    [Theory]
    [MemberData(nameof(Cards))]
    public void Card_is_adaptive_card_1_5(string name)
    {
        var card = Json(CardSamples.All[name]());

        Assert.Equal("AdaptiveCard", TypeOf(card));
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.NotEmpty(Body(card));
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Every_execute_carries_its_verb_and_a_submit_fallback_with_the_same_data(string name)
    {
        var card = Json(CardSamples.All[name]());

        foreach (var execute in OfType(card, "Action.Execute"))
        {
            var verb = (string?)execute["verb"];
            Assert.Matches(@"^situations?\.", verb);
            var data = execute["data"]!.AsObject();
            Assert.Equal(verb, (string?)data["verb"]);
            var fallback = execute["fallback"]!.AsObject();
            Assert.Equal("Action.Submit", TypeOf(fallback));
            Assert.Equal((string?)execute["title"], (string?)fallback["title"]);
            Assert.True(JsonNode.DeepEquals(data, fallback["data"]), $"{name}: fallback data differs for {verb}");
        }
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Every_input_has_a_label_and_required_inputs_say_what_is_wrong(string name)
    {
        var card = Json(CardSamples.All[name]());

        foreach (var input in Objects(card).Where(o => (TypeOf(o) ?? "").StartsWith("Input.", StringComparison.Ordinal)))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)input["label"]), $"{name}: {input["id"]} has no label");
            if (input["isRequired"]?.GetValue<bool>() == true)
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)input["errorMessage"]), $"{name}: {input["id"]} has no errorMessage");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Shown_cards_carry_no_teams_extras(string name)
    {
        var card = Json(CardSamples.All[name]());

        foreach (var shown in OfType(card, "Action.ShowCard").Select(a => a["card"]!.AsObject()))
        {
            Assert.Equal("AdaptiveCard", TypeOf(shown));
            Assert.Null(shown["msteams"]);
            Assert.Null(shown["$schema"]);
        }
    }
}

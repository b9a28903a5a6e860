using FocusBot.Teams.Cards.Situations;
using static FocusBot.Teams.Tests.Cards.CardReading;
using static FocusBot.Teams.Tests.Cards.DemoTable;

namespace FocusBot.Teams.Tests.Cards;

public sealed class NoticeAndRecordedCardTests
{
    [Fact]
    public void Refusal_is_a_red_title_and_a_sentence_without_buttons()
    {
        var card = Json(NoticeCard.Build("Not yours to accept",
            "You can't accept for Harbour Housing Services: only its representatives at this table can.", isError: true));

        Assert.Equal("Attention", (string?)TextBlock(card, "Not yours to accept")["color"]);
        Assert.Contains("You can't accept for Harbour Housing Services: only its representatives at this table can.", Texts(card));
        Assert.Null(card["actions"]);
        Assert.Null(card["refresh"]);
    }

    [Fact]
    public void Information_is_not_red()
    {
        var card = Json(NoticeCard.Build("Already accepted", "Northside Mental Health has already accepted.", isError: false));

        Assert.Null(TextBlock(card, "Already accepted")["color"]);
    }

    [Fact]
    public void Co_chair_learns_the_number_the_agencies_and_who_got_the_card()
    {
        var card = Json(RecordedCard.Build(Recorded(), Demo, AgenciesById, 2, ["rep2.demo@northside-mh.example", "rep.demo@youthlink.example"]));

        var texts = Texts(card);
        Assert.Contains("Situation DM-2026-0001 recorded", texts);
        var facts = Facts(card);
        Assert.Contains(("Lead agency", "Northside Mental Health"), facts);
        Assert.Contains(("Assisting agencies", "Harbour Housing Services"), facts);
        Assert.Contains(("Cards sent", "2 representatives"), facts);
        Assert.Contains("- rep2.demo@northside-mh.example\n- rep.demo@youthlink.example", texts);
        Assert.DoesNotContain(Summary, card.ToJsonString());
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void Co_chair_is_warned_when_nobody_got_the_card()
    {
        var card = Json(RecordedCard.Build(Recorded(), Demo, AgenciesById, 0, []));

        Assert.Contains(("Cards sent", "0 representatives"), Facts(card));
        Assert.Equal("Attention", (string?)TextBlock(card, "No representative got the card yet: please tell the named agencies at the table.")["color"]);
    }

    [Fact]
    public void Everyone_reached_means_no_warning()
    {
        var card = Json(RecordedCard.Build(Recorded(), Demo, AgenciesById, 1, []));

        Assert.Contains(("Cards sent", "1 representative"), Facts(card));
        Assert.DoesNotContain(OfType(card, "TextBlock"), t => t["color"] is not null);
    }
}

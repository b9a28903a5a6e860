using FocusBot.Core.Deliveries;
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
        var card = Json(RecordedCard.Build(Recorded(), Demo, AgenciesById, Report(sent: 2, channel: DeliveryState.Sent,
            failed: ["rep2.demo@northside-mh.example", "rep.demo@youthlink.example"])));

        var texts = Texts(card);
        Assert.Contains("Situation DM-2026-0001 recorded", texts);
        var facts = Facts(card);
        Assert.Contains(("Lead agency", "Northside Mental Health"), facts);
        Assert.Contains(("Assisting agencies", "Harbour Housing Services"), facts);
        Assert.Contains(("Cards delivered", "2 representatives"), facts);
        Assert.Contains(("Channel copy", "posted"), facts);
        Assert.Contains("- rep2.demo@northside-mh.example\n- rep.demo@youthlink.example", texts);
        Assert.DoesNotContain(Summary, card.ToJsonString());
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void Co_chair_is_warned_when_nobody_got_the_card()
    {
        var card = Json(RecordedCard.Build(Recorded(), Demo, AgenciesById, Report(sent: 0, channel: DeliveryState.Sent)));

        Assert.Contains(("Cards delivered", "0 representatives"), Facts(card));
        Assert.Equal("Attention", (string?)TextBlock(card, "No representative got the card: please tell the named agencies at the table.")["color"]);
    }

    [Fact]
    public void Everyone_reached_means_no_warning()
    {
        var card = Json(RecordedCard.Build(Recorded(), Demo, AgenciesById, Report(sent: 1, channel: DeliveryState.Sent)));

        Assert.Contains(("Cards delivered", "1 representative"), Facts(card));
        Assert.DoesNotContain(OfType(card, "TextBlock"), t => t["color"] is not null);
    }

    [Fact]
    public void While_cards_are_on_their_way_the_co_chair_is_told_so_and_that_the_card_will_be_brought_up_to_date()
    {
        var card = Json(RecordedCard.Build(Recorded(), Demo, AgenciesById, Report(sent: 1, channel: DeliveryState.Pending, pending: 3)));

        var facts = Facts(card);
        Assert.Contains(("Channel copy", "on its way"), facts);
        Assert.Contains(("Cards on their way", "3 representatives"), facts);
        Assert.Contains("This card shows what has been delivered so far and is brought up to date when every card has gone out.", Texts(card));
    }

    [Fact]
    public void A_channel_that_cannot_be_posted_to_is_named_with_why()
    {
        var card = Json(RecordedCard.Build(Recorded(), Demo, AgenciesById,
            Report(sent: 2, channel: DeliveryState.Failed, channelWhy: "no channel is linked to Demo Table.")));

        Assert.Contains(("Channel copy", "not posted"), Facts(card));
        Assert.Equal("Attention", (string?)TextBlock(card,
            "The table's channel did not get its copy: a co-chair can link the channel again with \"link\" followed by the table's id.")["color"]);
    }

    private static RecordingReport Report(int sent, DeliveryState channel, string[]? failed = null, int pending = 0, string? channelWhy = null) => new(
        new CardCopyStatus(Delivery.TableChannel, channel, channelWhy),
        [
            .. Enumerable.Range(0, sent).Select(i => new CardCopyStatus($"sent{i}@demo.example", DeliveryState.Sent, null)),
            .. Enumerable.Range(0, pending).Select(i => new CardCopyStatus($"pending{i}@demo.example", DeliveryState.Pending, null)),
            .. (failed ?? []).Select(e => new CardCopyStatus(e, DeliveryState.Failed, "no chat")),
        ]);
}

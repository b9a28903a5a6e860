using FocusBot.Core.Reminders;
using FocusBot.Teams.Localization;
using FocusBot.Teams.Proactive;
using FocusBot.Teams.Tests.Cards;

namespace FocusBot.Teams.Tests.Proactive;

/// <summary>Several notices to one co-chair, gathered into one message, in the co-chair's language.</summary>
public sealed class GatheredNoticeTextTests
{
    private static readonly Dictionary<string, string> AgencyOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rep.demo@northside-mh.example"] = "northside-mh",
        ["rep2.demo@northside-mh.example"] = "northside-mh",
        ["rep.demo@harbour-housing.example"] = "harbour-housing",
    };

    private static string Gathered(params CoChairProblem[] notices) =>
        GatheredNoticeText.Of(notices.Select(n => (string?)n.ToJson()).ToList(), DemoTable.Demo, email => AgencyOf.GetValueOrDefault(email), DemoTable.AgenciesById);

    private static readonly CoChairProblem[] ThreeRepsAndAChannel =
    [
        CoChairProblem.NotDelivered("DM-2026-0007", UndeliveredBecause.NoConversation, "rep.demo@northside-mh.example"),
        CoChairProblem.NotDelivered("DM-2026-0007", UndeliveredBecause.Unreachable, "rep2.demo@northside-mh.example"),
        new(CoChairProblemKind.ChannelDeleted),
        CoChairProblem.NotDelivered("DM-2026-0007", UndeliveredBecause.NoConversation, "rep.demo@harbour-housing.example"),
    ];

    [Theory]
    [InlineData("en-CA", "3 representatives could not be reached for DM-2026-0007:", "rep.demo@harbour-housing.example (Harbour Housing Services) has no chat with FocusBot yet",
        "rep2.demo@northside-mh.example (Northside Mental Health): Teams refused to deliver", "was deleted")]
    [InlineData("fr-CA", "3 représentants n'ont pas pu être joints pour DM-2026-0007\u00A0:", "rep.demo@harbour-housing.example (Harbour Housing Services) n'a pas encore de conversation",
        "rep2.demo@northside-mh.example (Northside Mental Health)\u00A0: Teams a refusé", "a été supprimé")]
    public void The_reps_not_reached_on_one_situation_are_one_list_and_the_other_notices_follow_in_the_co_chairs_language(
        string language, string heading, string noChat, string refused, string channelGone)
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose(language));

        var message = Gathered(ThreeRepsAndAChannel);

        var parts = message.Split("\n\n");
        Assert.Equal(heading, parts[0]);
        var list = parts[1].Split('\n');
        Assert.Equal(3, list.Length);
        Assert.All(list, line => Assert.StartsWith("- ", line, StringComparison.Ordinal));
        Assert.Contains(list, line => line.Contains(noChat, StringComparison.Ordinal));
        Assert.Contains(list, line => line.Contains(refused, StringComparison.Ordinal));
        Assert.Contains(channelGone, parts[2], StringComparison.Ordinal);
        Assert.Equal(3, parts.Length);
    }

    [Fact]
    public void A_single_rep_not_reached_is_worded_as_the_notice_alone_and_each_situation_has_its_own_list()
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose("en-CA"));
        var one = CoChairProblem.NotDelivered("DM-2026-0008", UndeliveredBecause.NoConversation, "rep.demo@northside-mh.example");

        var message = Gathered([.. ThreeRepsAndAChannel, one]);

        Assert.Contains(CoChairProblemText.Of(one, DemoTable.Demo), message, StringComparison.Ordinal);
        Assert.Single(message.Split("\n\n"), part => part.StartsWith("3 representatives could not be reached for DM-2026-0007", StringComparison.Ordinal));
        Assert.DoesNotContain("could not be reached for DM-2026-0008", message, StringComparison.Ordinal);
    }
}

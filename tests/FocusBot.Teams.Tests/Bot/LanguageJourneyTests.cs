using FocusBot.Core.Conversations;
using FocusBot.Data.Roster;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using static FocusBot.Teams.Tests.Bot.DemoTableJourney;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>
/// A francophone rep works in French: chosen from Teams' locale or with <c>language français</c>, kept with the
/// member, used for every card and message sent to them later (drawn when sent, for them), while the table's channel
/// and an English co-chair keep reading English.
/// </summary>
public sealed class LanguageJourneyTests : IAsyncLifetime
{
    private DemoTableJourney _table = null!;

    private BotHarness Bot => _table.Bot;

    public async Task InitializeAsync() => _table = await StartAsync();

    public async Task DisposeAsync() => await _table.Bot.DisposeAsync();

    [Fact]
    public async Task A_user_whose_Teams_is_in_French_is_answered_in_French_and_French_commands_work()
    {
        var help = BotHarness.Message("aide", LeadRep);
        help.Locale = "fr-CA";

        var card = CardText.Of(Assert.Single(await Bot.SendAsync(help)));

        Assert.Contains("Ce que FocusBot peut faire", card);
        Assert.Contains("Représentant d'organisme", card);
        Assert.Contains("situations ouvertes", card);
        Assert.DoesNotContain("statistiques", card); // a rep is not offered the co-chairs' figures
    }

    [Fact]
    public async Task Langue_english_is_kept_with_the_member_whatever_Teams_says_later()
    {
        var choose = BotHarness.Message("langue english", LeadRep);
        choose.Locale = "fr-CA";
        Assert.Contains("in English", Assert.Single(await Bot.SendAsync(choose)).AsMessageActivity().Text);

        var help = BotHarness.Message("help", LeadRep);
        help.Locale = "fr-CA";
        Assert.Contains("What FocusBot can do", CardText.Of(Assert.Single(await Bot.SendAsync(help))));

        await using var db = Bot.Database();
        Assert.Equal("en-CA", (await new EfRosterStore(db).FindMemberByEmailAsync("rep.demo@northside-mh.example", default))!.Language);
    }

    [Fact]
    public async Task A_French_rep_gets_cards_in_French_accepts_and_posts_the_48_hour_update_while_the_channel_stays_English()
    {
        Assert.Contains("français", Assert.Single(await Bot.SendAsync(BotHarness.Message("language français", LeadRep))).AsMessageActivity().Text);

        var id = await _table.RecordAsync();

        var repCard = JObject.Parse(Assert.Single(Bot.Chat.Sent, s => s.To == ConversationAddress.Personal("rep.demo@northside-mh.example")).Message.CardJson!).ToString();
        Assert.Contains("Accepter comme responsable", repCard);
        Assert.Contains("Santé mentale", repCard);
        var channelCard = Assert.Single(Bot.Chat.Sent, s => s.To.Kind == ConversationKind.Channel).Message.CardJson!;
        Assert.Contains("Waiting for the lead agency to accept", channelCard);
        Assert.DoesNotContain("Accepter", channelCard);

        Bot.Chat.Updated.Clear();
        var (_, accepted) = await Bot.ClickAsync(LeadRep, "situation.accept", new JObject { ["situationId"] = id, ["agencyId"] = "northside-mh" });
        var confirmation = TextOf(accepted);
        Assert.Contains($"Vous avez accepté {id} comme responsable", confirmation);
        Assert.Contains("jeudi 26 novembre 2026 à 10\u00A0h\u00A000 (heure de Toronto)", confirmation);
        Assert.Contains("Publier une mise à jour", confirmation);
        Assert.Contains("(accepted)", Bot.Chat.Updated.Single(u => u.To.Kind == ConversationKind.Channel).Message.CardJson);

        Bot.Chat.Sent.Clear();
        var posted = TextOf(await _table.PostUpdateAsync(LeadRep, id, note: "Visite faite avec l'équipe de proximité; il a accepté de rencontrer l'équipe."));
        Assert.Contains("Compte rendu de 48 heures publié à temps", posted);
        var toCoChair = Assert.Single(Bot.Chat.Sent, s => s.To == ConversationAddress.Personal("chair.demo@city.example")).Message.Text!;
        Assert.StartsWith("Northside Mental Health posted the 48-hour update", toCoChair);
    }

    [Fact]
    public async Task In_the_table_s_channel_the_answer_is_in_the_table_s_language_and_in_a_personal_chat_in_the_member_s()
    {
        await Bot.SendAsync(BotHarness.Message("language français", LeadRep));

        Assert.Contains("What FocusBot can do", CardText.Of(Assert.Single(await Bot.SendAsync(FrenchTeams(BotHarness.Message("aide", LeadRep, conversationType: "channel"))))));
        Assert.Contains("Ce que FocusBot peut faire", CardText.Of(Assert.Single(await Bot.SendAsync(FrenchTeams(BotHarness.Message("aide", LeadRep))))));

        await using (var db = Bot.Database())
        {
            (await db.Tables.SingleAsync(t => t.Id == "demo")).Language = "fr-CA";
            await db.SaveChangesAsync();
        }

        Assert.Contains("Ce que FocusBot peut faire", CardText.Of(Assert.Single(await Bot.SendAsync(BotHarness.Message("help", CoChair, conversationType: "channel")))));
        Assert.Contains("What FocusBot can do", CardText.Of(Assert.Single(await Bot.SendAsync(BotHarness.Message("help", CoChair)))));
    }

    [Theory]
    [InlineData("langue", "fr-CA", "**langue english**", "**langue français**", "language")]
    [InlineData("language", "en-CA", "**language english**", "**language français**", "langue")]
    public async Task Language_alone_offers_the_commands_in_the_reader_s_own_words(string typed, string locale, string toEnglish, string toFrench, string otherWord)
    {
        var ask = BotHarness.Message(typed, LeadRep);
        ask.Locale = locale;

        var answer = Assert.Single(await Bot.SendAsync(ask)).AsMessageActivity().Text;

        Assert.Contains(toEnglish, answer);
        Assert.Contains(toFrench, answer);
        Assert.DoesNotContain($"**{otherWord} ", answer);
    }

    [Fact]
    public async Task A_decline_that_is_not_recorded_says_so_in_French_words()
    {
        await Bot.SendAsync(BotHarness.Message("language français", LeadRep));
        var id = await _table.RecordAsync();

        var (_, refused) = await Bot.ClickAsync(LeadRep, "situation.decline", new JObject { ["situationId"] = id, ["agencyId"] = "northside-mh" });

        Assert.Contains("Refus non enregistré", TextOf(refused));
    }

    private static Microsoft.Bot.Schema.Activity FrenchTeams(Microsoft.Bot.Schema.Activity activity)
    {
        activity.Locale = "fr-CA";
        return activity;
    }
}

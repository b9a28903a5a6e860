using FocusBot.Core.Conversations;
using FocusBot.Data.Conversations;
using FocusBot.Teams.Bot;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Teams.Tests.Bot;

public sealed class WelcomeAndHelpTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Installing_the_bot_welcomes_a_rep_with_their_agency_tables_and_role()
    {
        _bot.TeamsKnows("user-1", "rep.demo@northside-mh.example");

        var replies = await _bot.SendAsync(BotHarness.Install("user-1"));

        var card = CardText.Of(Assert.Single(replies));
        Assert.Contains("Welcome to FocusBot, Sam Example", card);
        Assert.Contains("Agency representative", card);
        Assert.Contains("Northside Mental Health", card);
        Assert.Contains("Demo Table", card);
        Assert.Contains("open situations", card);
        Assert.DoesNotContain("new situation", card);
    }

    [Fact]
    public async Task A_co_chair_is_told_about_recording_situations_and_linking_the_channel()
    {
        _bot.TeamsKnows("user-2", "chair.demo@city.example");

        var card = CardText.Of(Assert.Single(await _bot.SendAsync(BotHarness.Message("help", "user-2"))));

        Assert.Contains("Co-chair", card);
        Assert.Contains("City Community Safety", card);
        Assert.Contains("new situation", card);
        // Examples come from the member's own roster (the demo table), never a placeholder that Teams would swallow.
        Assert.Contains("link demo", card);
        Assert.DoesNotContain("<", card);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("  Help?  ")]
    [InlineData("what can you do")]
    [InlineData("")]
    public async Task Help_and_anything_not_understood_get_the_help_card(string text)
    {
        _bot.TeamsKnows("user-1", "rep.demo@northside-mh.example");

        var reply = Assert.Single(await _bot.SendAsync(BotHarness.Message(text)));

        Assert.NotNull(CardText.CardOf(reply));
        Assert.Contains("What FocusBot can do", CardText.Of(reply));
    }

    public static TheoryData<string, string?, string> Mentions => new()
    {
        // name, text, the mention entity (JSON)
        { "no text, a mention of the bot", null, "{ \"type\": \"mention\", \"text\": \"<at>FocusBot</at>\", \"mentioned\": { \"id\": \"28:focusbot\", \"name\": \"FocusBot\" } }" },
        { "a mention without mentioned", "<at>FocusBot</at>", "{ \"type\": \"mention\", \"text\": \"<at>FocusBot</at>\" }" },
        { "a mention without text or mentioned", "<at>FocusBot</at> hello there", "{ \"type\": \"mention\" }" },
        { "a mention whose text is a number", null, "{ \"type\": \"mention\", \"text\": 42, \"mentioned\": \"not an object\" }" },
    };

    [Theory]
    [MemberData(nameof(Mentions))]
    public async Task A_channel_message_with_an_odd_mention_gets_the_help_card(string name, string? text, string mention)
    {
        _bot.TeamsKnows("user-1", "rep.demo@northside-mh.example");
        var activity = BotHarness.Message(text!, conversationType: "channel");
        activity.Text = text;
        activity.Entities = [Newtonsoft.Json.JsonConvert.DeserializeObject<Microsoft.Bot.Schema.Entity>(mention)!];

        var reply = Assert.Single(await _bot.SendAsync(activity));

        Assert.True(CardText.Of(reply).Contains("What FocusBot can do"), $"{name}: {CardText.Of(reply)}");
    }

    [Fact]
    public async Task A_mention_of_the_bot_is_taken_out_before_the_command_is_read()
    {
        _bot.TeamsKnows("user-2", "chair.demo@city.example");
        var activity = BotHarness.Message("<at>FocusBot</at>\u00a0\u200fstats", "user-2");
        activity.Entities = [Newtonsoft.Json.JsonConvert.DeserializeObject<Microsoft.Bot.Schema.Entity>(
            "{ \"type\": \"mention\", \"text\": \"<at>FocusBot</at>\", \"mentioned\": { \"id\": \"28:focusbot\" } }")!];

        var reply = Assert.Single(await _bot.SendAsync(activity));

        Assert.DoesNotContain("What FocusBot can do", CardText.Of(reply));
    }

    [Fact]
    public async Task A_hundred_kilobytes_of_text_gets_the_help_card_with_a_notice()
    {
        _bot.TeamsKnows("user-1", "rep.demo@northside-mh.example");

        var reply = Assert.Single(await _bot.SendAsync(BotHarness.Message(new string('x', 100 * 1024))));

        Assert.Contains("too long for a command", CardText.Of(reply));
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task A_user_who_is_not_on_the_roster_gets_one_polite_sentence_in_every_scope(string scope)
    {
        _bot.TeamsKnows("stranger", "someone@elsewhere.example");

        var install = await _bot.SendAsync(BotHarness.Install("stranger", scope));
        var message = await _bot.SendAsync(BotHarness.Message("open situations", "stranger", conversationType: scope));

        var reply = Assert.Single(message);
        Assert.Equal(BotMessages.NotOnRoster, reply.AsMessageActivity().Text);
        Assert.Null(CardText.CardOf(reply));
        if (scope == "personal") Assert.Equal(BotMessages.NotOnRoster, Assert.Single(install).AsMessageActivity().Text);
        await using var db = _bot.Database();
        Assert.False(await db.Conversations.AnyAsync(c => c.Kind == ConversationKind.Personal));
    }

    [Fact]
    public async Task A_user_Teams_cannot_tell_us_about_is_treated_as_not_on_the_roster()
    {
        var reply = Assert.Single(await _bot.SendAsync(BotHarness.Message("help", "ghost")));

        Assert.Equal(BotMessages.NotOnRoster, reply.AsMessageActivity().Text);
    }

    [Fact]
    public async Task Each_turn_keeps_the_members_personal_conversation_reference()
    {
        _bot.TeamsKnows("user-1", "rep.demo@northside-mh.example");

        await _bot.SendAsync(BotHarness.Message("help"));

        await using var db = _bot.Database();
        var stored = await new EfConversationStore(db, _bot.Time)
            .FindAsync(ConversationAddress.Personal("rep.demo@northside-mh.example"), default);
        Assert.Contains("a:personal-user-1", stored);
        Assert.Contains("smba.example", stored);
    }

    [Fact]
    public async Task A_co_chair_links_the_team_channel_to_their_table()
    {
        _bot.TeamsKnows("user-2", "chair.demo@city.example");

        var reply = Assert.Single(await _bot.SendAsync(BotHarness.Message("link demo", "user-2", conversationType: "channel")));

        Assert.Contains("now the **Demo Table** channel", reply.AsMessageActivity().Text);
        await using var db = _bot.Database();
        var channel = await new EfConversationStore(db, _bot.Time).FindTableChannelAsync("demo", default);
        Assert.Equal(ConversationAddress.Channel("19:demo-channel@thread.tacv2"), channel);
    }

    [Fact]
    public async Task A_rep_cannot_link_a_channel()
    {
        _bot.TeamsKnows("user-1", "rep.demo@northside-mh.example");

        var reply = Assert.Single(await _bot.SendAsync(BotHarness.Message("link demo", conversationType: "channel")));

        Assert.Equal("Only a table's co-chair can link its channel.", reply.AsMessageActivity().Text);
        await using var db = _bot.Database();
        Assert.Null(await new EfConversationStore(db, _bot.Time).FindTableChannelAsync("demo", default));
    }

    [Fact]
    public async Task An_activity_without_a_sender_is_ignored()
    {
        var activity = BotHarness.Message("help");
        activity.From = null;

        Assert.Empty(await _bot.SendAsync(activity));
    }
}

using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Data;
using FocusBot.Data.Conversations;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Tests.Bot;

public sealed class SqliteLifecycleJourneyTests() : LifecycleJourneyTests(DatabaseProvider.Sqlite);

public sealed class PostgresLifecycleJourneyTests() : LifecycleJourneyTests(DatabaseProvider.Postgres);

/// <summary>
/// Teams tells the bot when a channel, a team or the app goes away. The stored reference is marked, the co-chairs are
/// told once how to link again, and nothing is sent there until it is linked again or the member re-installs.
/// </summary>
public abstract class LifecycleJourneyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Channel = "19:demo-channel@thread.tacv2";
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync(provider);
        _bot.TeamsKnows("chair", "chair.demo@city.example");
        _bot.TeamsKnows("lead-rep", "rep.demo@northside-mh.example");
        // The co-chair links the table's channel from the channel, as in Teams (its reference is stored with its team).
        await _bot.SendAsync(BotHarness.Message("link demo", "chair", conversationType: "channel"));
        _bot.Chat.Sent.Clear();
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static Activity TeamEvent(string type, string? eventType = null, string? action = null, bool botRemoved = false)
    {
        var activity = BotHarness.Message("", "chair", conversationType: "channel");
        activity.Type = type;
        activity.Text = null;
        activity.Action = action;
        ((JObject)activity.ChannelData)["eventType"] = eventType;
        if (botRemoved) activity.MembersRemoved = [new ChannelAccount("28:focusbot", "FocusBot")];
        return activity;
    }

    public static TheoryData<string, Activity> WaysTheChannelGoes => new()
    {
        { "channel deleted", TeamEvent(ActivityTypes.ConversationUpdate, "channelDeleted") },
        { "team archived", TeamEvent(ActivityTypes.ConversationUpdate, "teamArchived") },
        { "team deleted", TeamEvent(ActivityTypes.ConversationUpdate, "teamDeleted") },
        { "app removed from the team", TeamEvent(ActivityTypes.InstallationUpdate, action: "remove") },
        { "bot removed from the team", TeamEvent(ActivityTypes.ConversationUpdate, "teamMemberRemoved", botRemoved: true) },
    };

    [Theory]
    [MemberData(nameof(WaysTheChannelGoes))]
    public async Task After_the_channel_goes_the_co_chairs_are_told_once_and_nothing_is_posted_there(string what, Activity gone)
    {
        await _bot.SendAsync(gone);
        await _bot.ClickAsync("chair", "situation.record", Form());
        await _bot.ClickAsync("chair", "situation.record", Form());

        Assert.DoesNotContain(_bot.Chat.Sent, s => s.To.Kind == ConversationKind.Channel);
        // Each co-chair of the demo table (two, and its administrator) heard how to link again, once, and nothing else about it.
        var told = _bot.Chat.Sent.Where(s => s.To.Kind == ConversationKind.Personal && s.Message.Text is not null).Select(s => s.To.Key).Order().ToList();
        Assert.All(_bot.Chat.Sent.Where(s => s.Message.Text is not null), s => Assert.Contains("@FocusBot **link demo**", s.Message.Text));
        Assert.True(told.SequenceEqual(["admin@city.example", "chair.demo@city.example", "officer.demo@tps99.example"]), $"{what}: told {string.Join(", ", told)}");
        await using var db = _bot.Database();
        var channelCopies = await db.Deliveries.AsNoTracking().Where(d => d.Recipient == Delivery.TableChannel).ToListAsync();
        Assert.All(channelCopies, d => Assert.Equal(DeliveryState.Failed, d.State));
        Assert.Contains("cannot be posted to", channelCopies[0].LastError);
    }

    [Fact]
    public async Task Linking_a_channel_again_posts_there_again()
    {
        await _bot.SendAsync(TeamEvent(ActivityTypes.ConversationUpdate, "channelDeleted"));
        await _bot.SendAsync(BotHarness.Message("link demo", "chair", conversationType: "channel"));

        await _bot.ClickAsync("chair", "situation.record", Form());

        Assert.Single(_bot.Chat.Sent, s => s.To == ConversationAddress.Channel(Channel));
    }

    [Fact]
    public async Task A_channel_linked_again_and_then_lost_again_is_reported_to_the_co_chairs_again()
    {
        await _bot.SendAsync(TeamEvent(ActivityTypes.ConversationUpdate, "channelDeleted"));
        await _bot.SendAsync(BotHarness.Message("link demo", "chair", conversationType: "channel"));
        _bot.Chat.Sent.Clear();

        await _bot.SendAsync(TeamEvent(ActivityTypes.ConversationUpdate, "teamArchived"));

        var told = _bot.Chat.Sent.Where(s => s.To.Kind == ConversationKind.Personal && s.Message.Text?.Contains("link demo") == true)
            .Select(s => s.To.Key).Order().ToList();
        Assert.Equal(["admin@city.example", "chair.demo@city.example", "officer.demo@tps99.example"], told);
    }

    [Fact]
    public async Task A_rep_who_removed_the_app_gets_nothing_until_they_install_it_again()
    {
        await _bot.SendAsync(BotHarness.Message("help", "lead-rep"));
        var removed = BotHarness.Install("lead-rep");
        removed.Action = "remove";
        await _bot.SendAsync(removed);

        await _bot.ClickAsync("chair", "situation.record", Form());
        Assert.DoesNotContain(_bot.Chat.Sent, s => s.To == ConversationAddress.Personal("rep.demo@northside-mh.example"));

        await _bot.SendAsync(BotHarness.Install("lead-rep"));
        await _bot.ClickAsync("chair", "situation.record", Form());
        Assert.Contains(_bot.Chat.Sent, s => s.To == ConversationAddress.Personal("rep.demo@northside-mh.example") && s.Message.CardJson?.Contains("DM-2026-0002") == true);
    }

    [Fact]
    public async Task Each_co_chair_reads_the_notice_in_their_own_language()
    {
        // The co-chair chose French; the other co-chair and the administrator read English.
        await _bot.SendAsync(BotHarness.Message("langue français", "chair"));
        _bot.Chat.Sent.Clear();

        await _bot.SendAsync(TeamEvent(ActivityTypes.ConversationUpdate, "channelDeleted"));

        var french = Assert.Single(_bot.Chat.Sent, s => s.To == ConversationAddress.Personal("chair.demo@city.example")).Message.Text!;
        var english = Assert.Single(_bot.Chat.Sent, s => s.To == ConversationAddress.Personal("officer.demo@tps99.example")).Message.Text!;
        Assert.Equal("Le canal où FocusBot publiait les cartes des situations de Demo Table a été supprimé. Plus rien n'y est publié. " +
            "Pour lier de nouveau un canal, ajoutez FocusBot à l'équipe de la table et tapez @FocusBot **lier demo** dans le canal choisi.", french);
        Assert.Equal("The channel where FocusBot posted the situation cards of Demo Table was deleted. Nothing is posted there any more. " +
            "To link a channel again, add FocusBot to the table's team and type @FocusBot **link demo** in the channel to use.", english);
        // Kept as a code, not a sentence: the outbox row holds no words of either language.
        await using var db = _bot.Database();
        Assert.All(await db.Deliveries.AsNoTracking().Where(d => d.Kind == DeliveryKind.Notice).ToListAsync(),
            d => Assert.Equal(Core.Reminders.CoChairProblemKind.ChannelDeleted, Core.Reminders.CoChairProblem.TryRead(d.Text)?.Kind));
    }

    private static JObject Form() => new()
    {
        ["table"] = "demo", ["type"] = "person", ["ageGroup"] = "25-29", ["gender"] = "male",
        ["riskFactors"] = "mental-health,housing", ["summary"] = "Repeated crisis calls; eviction notice served.",
        ["originatingAgency"] = "tps-99", ["leadAgency"] = "northside-mh", ["assistingAgencies"] = "harbour-housing",
        ["submissionId"] = Guid.NewGuid().ToString(),
    };
}

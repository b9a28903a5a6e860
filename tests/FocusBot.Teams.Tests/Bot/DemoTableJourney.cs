using System.Text.RegularExpressions;
using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Data.Conversations;
using FocusBot.Data.Roster;
using FocusBot.Data.Situations;
using FocusBot.Testing;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>
/// The sample roster's Demo Table as its people use it through the bot: who is who (by Teams user id), and the steps of
/// a situation's journey as clicks, so that every situation is seeded through the real workflow.
/// </summary>
internal sealed partial class DemoTableJourney(BotHarness bot)
{
    public const string Channel = "19:demo-channel@thread.tacv2";
    public const string CoChair = "chair";          // City, co-chair of the Demo Table
    public const string Officer = "officer";        // Police Division 99, co-chair and the usual originating agency
    public const string LeadRep = "lead-rep";       // Northside Mental Health
    public const string AssistingRep = "housing-rep"; // Harbour Housing Services
    public const string UninvolvedRep = "youth-rep";  // YouthLink Services, at the Demo Table but on no situation
    public const string OtherTableRep = "lakeside-rep"; // YouthLink Services, Lakeside Table only
    public const string Stranger = "stranger";

    public BotHarness Bot { get; } = bot;

    public static async Task<DemoTableJourney> StartAsync(bool linkChannel = true)
    {
        var journey = new DemoTableJourney(await BotHarness.StartAsync());
        var bot = journey.Bot;
        bot.TeamsKnows(CoChair, "chair.demo@city.example");
        bot.TeamsKnows(Officer, "officer.demo@tps99.example");
        bot.TeamsKnows(LeadRep, "rep.demo@northside-mh.example");
        bot.TeamsKnows(AssistingRep, "rep.demo@harbour-housing.example");
        bot.TeamsKnows(UninvolvedRep, "rep.demo@youthlink.example");
        bot.TeamsKnows(OtherTableRep, "rep.lakeside@youthlink.example");
        bot.TeamsKnows(Stranger, "who@elsewhere.example");

        await using var db = bot.Database();
        var roster = await SampleRoster.LoadAsync();
        await new EfRosterStore(db).ReplaceAsync(roster with
        {
            Members = [.. roster.Members, new Member { Email = "rep.demo@youthlink.example", AgencyId = "youthlink", Role = MemberRole.Rep, TableIds = ["demo"] }],
        }, default);
        if (linkChannel)
            await new EfConversationStore(db, bot.Time).LinkTableChannelAsync("demo", ConversationAddress.Channel(Channel), default);
        return journey;
    }

    /// <summary>A co-chair records a situation (lead Northside, assisting Harbour Housing unless told otherwise).</summary>
    public async Task<string> RecordAsync(string lead = "northside-mh", string assisting = "harbour-housing")
    {
        var (_, card) = await Bot.ClickAsync(CoChair, "situation.record", new JObject
        {
            ["table"] = "demo", ["type"] = "person", ["ageGroup"] = "25-29", ["gender"] = "male",
            ["riskFactors"] = "mental-health,housing", ["summary"] = "Repeated crisis calls; eviction notice served.",
            ["originatingAgency"] = "tps-99", ["leadAgency"] = lead, ["assistingAgencies"] = assisting,
        });
        // The co-chair's own confirmation is redrawn once the cards are out; tests count the situation's cards.
        Bot.Chat.Updated.RemoveAll(u => u.ActivityId == "card-message-1");
        return SituationIdShape().Match(TextOf(card)).Value is { Length: > 0 } id ? id : throw new InvalidOperationException(TextOf(card));
    }

    public async Task AcceptAsync(string userId, string situationId, string agencyId)
    {
        var (_, card) = await Bot.ClickAsync(userId, "situation.accept", new JObject { ["situationId"] = situationId, ["agencyId"] = agencyId });
        Assert.Contains("You accepted", TextOf(card));
    }

    /// <summary>Recorded, and accepted by both agencies: the lead's 48-hour update is due 48 hours from now.</summary>
    public async Task<string> ActiveAsync()
    {
        var id = await RecordAsync();
        await AcceptAsync(LeadRep, id, "northside-mh");
        await AcceptAsync(AssistingRep, id, "harbour-housing");
        return id;
    }

    public async Task<JObject?> PostUpdateAsync(string userId, string situationId, string? note = "Door knock done with outreach; he agreed to see the team.",
        string? kind = "contacted", string? nextStep = null, string? barriers = null, string conversationType = "personal")
    {
        var data = new JObject { ["situationId"] = situationId };
        if (kind is not null) data["kind"] = kind;
        if (note is not null) data["note"] = note;
        if (nextStep is not null) data["nextStep"] = nextStep;
        if (barriers is not null) data["barriers"] = barriers;
        var (_, card) = await Bot.ClickAsync(userId, "situation.postUpdate", data, conversationType);
        return card;
    }

    public async Task<Situation> StoredAsync(string situationId)
    {
        await using var db = Bot.Database();
        return (await new EfSituationStore(db).FindAsync(situationId, default))!;
    }

    /// <summary>What a user gets back for a typed command: the one reply's card (or text).</summary>
    public async Task<IActivity> SayAsync(string userId, string text, string conversationType = "personal") =>
        Assert.Single(await Bot.SendAsync(BotHarness.Message(text, userId, conversationType: conversationType)));

    public static string TextOf(JObject? card) => card is null ? "" : string.Join("\n", card.Descendants().OfType<JProperty>()
        .Where(p => p.Name is "text" or "title" or "value" && p.Value.Type == JTokenType.String).Select(p => p.Value.ToString()));

    /// <summary>Every Action.Execute in the card (fallbacks aside): title, verb and data.</summary>
    public static IReadOnlyList<JObject> Buttons(JObject? card) =>
        card is null ? [] : [.. card.Descendants().OfType<JObject>().Where(o => (string?)o["type"] == "Action.Execute")];

    /// <summary>The situation ids a list card shows, in order.</summary>
    public static IReadOnlyList<string> ListedIds(JObject? card) =>
        card is null ? [] : [.. card.Descendants().OfType<JObject>()
            .Where(o => (string?)o["type"] == "Container")
            .Select(o => SituationIdShape().Match((string?)o["items"]?[0]?["text"] ?? "").Value)
            .Where(id => id.Length > 0)];

    [GeneratedRegex(@"[A-Z]{2}-\d{4}-\d{4}")]
    private static partial Regex SituationIdShape();
}

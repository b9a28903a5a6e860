using FocusBot.Core.Conversations;
using FocusBot.Core.Situations;
using Newtonsoft.Json.Linq;
using static FocusBot.Teams.Tests.Bot.DemoTableJourney;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>The second journey: the lead rep posts the 48-hour update, and later updates, from a card or by typing.</summary>
public sealed class UpdateJourneyTests : IAsyncLifetime
{
    private DemoTableJourney _table = null!;
    private BotHarness Bot => _table.Bot;

    public async Task InitializeAsync() => _table = await DemoTableJourney.StartAsync();

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    [Fact]
    public async Task The_lead_rep_gets_the_48_hour_update_form_from_the_post_update_button()
    {
        var id = await _table.ActiveAsync();

        var (status, card) = await Bot.ClickAsync(LeadRep, "situation.updateForm", new JObject { ["situationId"] = id });

        Assert.Equal(200, status);
        Assert.Contains($"48-hour update on {id} · Demo Table", TextOf(card));
        Assert.Contains("Thursday 26 November 2026", TextOf(card));
        var inputs = card!.Descendants().OfType<JObject>().Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .ToDictionary(o => (string)o["id"]!);
        Assert.Equal(["kind", "note", "nextStep", "barriers", "services"], inputs.Keys);
        Assert.Equal(["contacted", "not-yet-reached", "connected-to-services", "services-refused", "risk-lowered", "still-aer", "other"],
            inputs["kind"]["choices"]!.Select(c => (string)c["value"]!));
        Assert.Equal(1000, (int)inputs["note"]["maxLength"]!);
        Assert.True((bool)inputs["note"]["isMultiline"]!);
        Assert.True((bool)inputs["barriers"]["isMultiSelect"]!);
        Assert.Contains("no-shelter-bed", inputs["barriers"]["choices"]!.Select(c => (string)c["value"]!));
        var submit = Assert.Single(Buttons(card));
        Assert.Equal("situation.postUpdate", (string?)submit["verb"]);
        Assert.Equal(id, (string?)submit["data"]!["situationId"]);
    }

    [Fact]
    public async Task Typing_update_with_an_id_opens_the_form_and_without_one_asks_which_situation()
    {
        var id = await _table.ActiveAsync();

        var withId = CardText.Of(await _table.SayAsync(LeadRep, $"update {id.ToLowerInvariant()}"));
        var which = CardText.CardOf(await _table.SayAsync(LeadRep, "update"));

        Assert.Contains($"48-hour update on {id}", withId);
        Assert.Contains("Which situation is your update for?", TextOf(which));
        var choice = Assert.Single(Buttons(which));
        Assert.Equal($"Post the 48-hour update on {id}", (string?)choice["title"]);
        Assert.Equal("situation.updateForm", (string?)choice["verb"]);
    }

    [Theory]
    [InlineData("update", "en-CA", "Which situation is your update for?", "Post update on")]
    [InlineData("mise à jour", "fr-CA", "Sur quelle situation porte votre mise à jour?", "Publier une mise à jour sur")]
    [InlineData("mise a jour", "fr-CA", "Sur quelle situation porte votre mise à jour?", "Publier une mise à jour sur")]
    public async Task An_assisting_rep_typing_update_without_an_id_is_offered_the_situations_their_agency_assists_on(
        string typed, string locale, string heading, string button)
    {
        // The assisting agency accepted; the lead has not yet, so the situation is still open.
        var id = await _table.RecordAsync();
        await _table.AcceptAsync(AssistingRep, id, "harbour-housing");
        async Task<Newtonsoft.Json.Linq.JObject?> SayAsync()
        {
            var message = BotHarness.Message(typed, AssistingRep);
            message.Locale = locale;
            return CardText.CardOf(Assert.Single(await Bot.SendAsync(message)));
        }

        var which = await SayAsync();

        Assert.Contains(heading, TextOf(which));
        var choice = Assert.Single(Buttons(which));
        Assert.Equal($"{button} {id}", (string?)choice["title"]);
        Assert.Equal(id, (string?)choice["data"]!["situationId"]);

        // Once the lead has accepted (the situation is active) it is still offered, as an update: the 48-hour update is the lead's.
        await _table.AcceptAsync(LeadRep, id, "northside-mh");
        var again = await SayAsync();
        Assert.Equal($"{button} {id}", (string?)Assert.Single(Buttons(again))["title"]);
    }

    [Theory]
    [InlineData(UninvolvedRep, "Only agencies that accepted")]
    [InlineData(AssistingRep, "Only agencies that accepted")] // named, but has not accepted yet
    [InlineData(OtherTableRep, "does not exist or is not yours to see")]
    public async Task Only_agencies_that_accepted_and_the_co_chairs_get_the_form(string userId, string expected)
    {
        var id = await _table.RecordAsync();
        await _table.AcceptAsync(LeadRep, id, "northside-mh");

        var (_, card) = await Bot.ClickAsync(userId, "situation.updateForm", new JObject { ["situationId"] = id });
        var (_, coChair) = await Bot.ClickAsync(CoChair, "situation.updateForm", new JObject { ["situationId"] = id });

        Assert.Contains(expected, TextOf(card));
        Assert.Empty(Buttons(card));
        Assert.Contains($"Update on {id}", TextOf(coChair));
    }

    [Fact]
    public async Task The_48_hour_update_posted_in_time_is_on_time_everywhere_and_the_co_chairs_read_the_note()
    {
        var id = await _table.ActiveAsync();
        Bot.Chat.Sent.Clear();
        Bot.Chat.Updated.Clear();
        Bot.Time.Advance(TimeSpan.FromHours(47));

        var card = await _table.PostUpdateAsync(LeadRep, id, "Door knock done with outreach; he agreed to see the team.",
            nextStep: "Intake appointment Friday", barriers: "no-family-doctor,mental-health-wait-list");

        Assert.Contains("48-hour update posted on time", TextOf(card));
        var stored = Assert.Single((await _table.StoredAsync(id)).Updates);
        Assert.True(stored.IsFortyEightHourUpdate);
        Assert.True(stored.WasOnTime);
        Assert.Equal("northside-mh", stored.AgencyId);
        Assert.Equal(["no-family-doctor", "mental-health-wait-list"], stored.BarrierIds);

        var channel = Bot.Chat.Updated.Single(u => u.To.Kind == ConversationKind.Channel).Message.CardJson!;
        Assert.Contains("48-hour update posted on time", channel);
        Assert.DoesNotContain("Door knock", channel);
        Assert.DoesNotContain("Intake", channel);

        var told = Bot.Chat.Sent.Where(s => s.Message.Text?.Contains($"posted the 48-hour update on {id} (on time)") == true).ToList();
        Assert.Equal(["admin@city.example", "chair.demo@city.example", "officer.demo@tps99.example"], told.Select(s => s.To.Key).Order());
        Assert.All(told, s => Assert.Equal(ConversationKind.Personal, s.To.Kind));
        Assert.All(told, s => Assert.Contains("Door knock done", s.Message.Text));
        Assert.DoesNotContain(Bot.Chat.Sent, s => s.To.Kind == ConversationKind.Channel);
    }

    [Fact]
    public async Task The_48_hour_update_after_its_due_time_is_late_and_the_next_one_is_an_ordinary_update()
    {
        var id = await _table.ActiveAsync();
        Bot.Time.Advance(TimeSpan.FromHours(49));

        var late = await _table.PostUpdateAsync(LeadRep, id);
        Bot.Time.Advance(TimeSpan.FromDays(6));
        var later = await _table.PostUpdateAsync(LeadRep, id, "Connected to the housing worker.", kind: "connected-to-services");
        var assisting = await _table.PostUpdateAsync(AssistingRep, id, "Housing application filed.", kind: "other");

        Assert.Contains("48-hour update posted late", TextOf(late));
        Assert.Contains("Update posted", TextOf(later));
        Assert.DoesNotContain("48-hour", TextOf(later));
        Assert.Contains("Update posted", TextOf(assisting));
        var updates = (await _table.StoredAsync(id)).Updates;
        Assert.Equal([false, null, null], updates.Select(u => u.WasOnTime));
        Assert.Equal([true, false, false], updates.Select(u => u.IsFortyEightHourUpdate));
        Assert.Equal(["northside-mh", "northside-mh", "harbour-housing"], updates.Select(u => u.AgencyId));
    }

    public static TheoryData<string, string?, string?, string?, string> Refusals => new()
    {
        // note, kind, next step, barriers, what the form says
        { "Call him at 416-555-0199 after six.", "contacted", null, null, "phone number" },
        { "Writes to sam.person@mail.example weekly.", "contacted", null, null, "e-mail" },
        { "", "contacted", null, null, "note of 1 to 1000 characters" },
        { "   ", "contacted", null, null, "note of 1 to 1000 characters" },
        { new string('n', 1001), "contacted", null, null, "note of 1 to 1000 characters" },
        { new string('x', 100 * 1024), "contacted", null, null, "note of 1 to 1000 characters" },
        { "Door knock done.", "teleported", null, null, "what kind of update" },
        { "Door knock done.", null, null, null, "what kind of update" },
        { "Door knock done.", "contacted", new string('s', 501), null, "next step under 500" },
        { "Door knock done.", "contacted", null, "no-shelter-bed,moon-base", "barriers is not on the table's list" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_update_comes_back_as_the_form_with_the_problem_and_what_was_typed_and_nothing_is_stored(
        string note, string? kind, string? nextStep, string? barriers, string problem)
    {
        var id = await _table.ActiveAsync();
        Bot.Chat.Sent.Clear();
        Bot.Chat.Updated.Clear();

        var card = await _table.PostUpdateAsync(LeadRep, id, note, kind, nextStep, barriers);

        var text = TextOf(card);
        Assert.Contains("The update was not posted.", text);
        Assert.Contains(problem, text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("situation.postUpdate", (string?)Assert.Single(Buttons(card))["verb"]);
        var typedNote = card!.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == "note");
        if (note.Length is > 0 and <= 1000 && !string.IsNullOrWhiteSpace(note)) Assert.Equal(note, (string?)typedNote["value"]);
        Assert.True(card.ToString(Newtonsoft.Json.Formatting.None).Length < 28 * 1024);
        Assert.Empty((await _table.StoredAsync(id)).Updates);
        Assert.Empty(Bot.Chat.Sent);
        Assert.Empty(Bot.Chat.Updated);
    }

    [Fact]
    public async Task An_agency_id_forged_into_the_card_data_changes_nothing_about_whose_update_it_is()
    {
        var id = await _table.RecordAsync();
        await _table.AcceptAsync(LeadRep, id, "northside-mh");

        var (_, lead) = await Bot.ClickAsync(LeadRep, "situation.postUpdate", new JObject
        {
            ["situationId"] = id, ["agencyId"] = "harbour-housing", ["kind"] = "contacted", ["note"] = "Door knock done.",
        });
        var (_, housing) = await Bot.ClickAsync(AssistingRep, "situation.postUpdate", new JObject
        {
            ["situationId"] = id, ["agencyId"] = "northside-mh", ["kind"] = "contacted", ["note"] = "Pretending to be the lead.",
        });

        Assert.Contains("48-hour update posted on time", TextOf(lead));
        Assert.Contains("Only agencies that accepted", TextOf(housing));
        Assert.Equal("northside-mh", Assert.Single((await _table.StoredAsync(id)).Updates).AgencyId);
    }

    [Theory]
    [InlineData(UninvolvedRep, "Only agencies that accepted")]
    [InlineData(OtherTableRep, "does not exist or is not yours to see")]
    [InlineData(Stranger, "not on a FOCUS roster")]
    public async Task Members_who_may_not_post_are_refused_and_nothing_is_stored(string userId, string expected)
    {
        var id = await _table.ActiveAsync();

        var card = await _table.PostUpdateAsync(userId, id);

        Assert.Contains(expected, TextOf(card));
        Assert.Empty((await _table.StoredAsync(id)).Updates);
    }

    [Theory]
    [InlineData("DM-2026-9999")]
    [InlineData("LK-2026-0001")]
    [InlineData("'; DELETE FROM \"Situations\"; --")]
    public async Task An_update_for_an_unknown_situation_is_not_found(string situationId)
    {
        var id = await _table.ActiveAsync();

        var card = await _table.PostUpdateAsync(LeadRep, situationId);

        Assert.Contains("does not exist or is not yours to see", TextOf(card));
        Assert.Equal(SituationStatus.Active, (await _table.StoredAsync(id)).Status);
    }

    [Fact]
    public async Task A_concluded_situation_takes_no_update()
    {
        var id = await _table.ActiveAsync();
        await Bot.ClickAsync(CoChair, "situation.conclude", new JObject { ["situationId"] = id, ["outcome"] = "other" });

        var (_, form) = await Bot.ClickAsync(LeadRep, "situation.updateForm", new JObject { ["situationId"] = id });
        var card = await _table.PostUpdateAsync(LeadRep, id);

        Assert.Contains("is concluded", TextOf(form));
        Assert.Contains("is concluded", TextOf(card));
        Assert.Empty((await _table.StoredAsync(id)).Updates);
    }

    [Fact]
    public async Task Updates_are_not_posted_in_the_channel()
    {
        var id = await _table.ActiveAsync();

        var card = await _table.PostUpdateAsync(LeadRep, id, conversationType: "channel");
        var typed = await _table.SayAsync(LeadRep, $"update {id}", "channel");

        Assert.Contains("personal chat", TextOf(card));
        Assert.Contains("personal chat", CardText.Of(typed));
        Assert.Empty((await _table.StoredAsync(id)).Updates);
    }
}

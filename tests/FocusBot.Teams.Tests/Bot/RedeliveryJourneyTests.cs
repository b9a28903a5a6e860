using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Situations;
using FocusBot.Data;
using FocusBot.Data.Conversations;
using FocusBot.Data.Situations;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;

namespace FocusBot.Teams.Tests.Bot;

public sealed class SqliteRedeliveryJourneyTests() : RedeliveryJourneyTests(DatabaseProvider.Sqlite);

public sealed class PostgresRedeliveryJourneyTests() : RedeliveryJourneyTests(DatabaseProvider.Postgres);

/// <summary>
/// Teams delivers at least once and users click twice: every card action has one effect however often it arrives,
/// and answers the same card; the invoke answers before anything is sent.
/// </summary>
public abstract class RedeliveryJourneyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync(provider);
        _bot.TeamsKnows("chair", "chair.demo@city.example");
        _bot.TeamsKnows("lead-rep", "rep.demo@northside-mh.example");
        _bot.TeamsKnows("housing-rep", "rep.demo@harbour-housing.example");
        await using var db = _bot.Database();
        await new EfConversationStore(db, _bot.Time).LinkTableChannelAsync("demo", ConversationAddress.Channel("19:demo-channel@thread.tacv2"), default);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static JObject Form(string? submissionId) => new()
    {
        ["table"] = "demo", ["type"] = "person", ["ageGroup"] = "25-29", ["gender"] = "male",
        ["riskFactors"] = "mental-health,housing", ["summary"] = "Repeated crisis calls; eviction notice served.",
        ["originatingAgency"] = "tps-99", ["leadAgency"] = "northside-mh", ["assistingAgencies"] = "harbour-housing",
        ["submissionId"] = submissionId,
    };

    private async Task<int> SituationsAsync()
    {
        await using var db = _bot.Database();
        return await db.Situations.CountAsync();
    }

    [Fact]
    public async Task The_same_record_invoke_twice_records_one_situation_and_sends_one_card_per_recipient()
    {
        var form = Form(Guid.NewGuid().ToString());

        var (_, first) = await _bot.ClickAsync("chair", "situation.record", form, activityId: "invoke-1");
        var (_, again) = await _bot.ClickAsync("chair", "situation.record", form, activityId: "invoke-1");

        Assert.Equal(1, await SituationsAsync());
        Assert.Contains("Situation DM-2026-0001 recorded", first!.ToString());
        Assert.Contains("Situation DM-2026-0001 recorded", again!.ToString());
        // The channel copy and three reps (two of northside-mh, one of harbour-housing), each once.
        Assert.Equal(4, _bot.Chat.Sent.Count);
        Assert.Equal(4, _bot.Chat.Sent.Select(s => s.To).Distinct().Count());
    }

    [Fact]
    public async Task The_same_record_invoke_without_a_submission_id_delivered_twice_records_one_situation()
    {
        var form = Form(null);

        await _bot.ClickAsync("chair", "situation.record", form, activityId: "f:redelivered-1");
        var (_, again) = await _bot.ClickAsync("chair", "situation.record", form, activityId: "f:redelivered-1");
        await _bot.ClickAsync("chair", "situation.record", form, activityId: "f:another-press");

        Assert.Contains("DM-2026-0001", again!.ToString());
        Assert.Equal(2, await SituationsAsync());
    }

    [Theory]
    [InlineData("a-submission-id-of-sixty-five-characters-is-longer-than-any-guid-x")]
    [InlineData("not an id; drop table")]
    public async Task A_submission_id_that_is_no_id_is_not_trusted_and_the_activity_id_keeps_the_press_idempotent(string forged)
    {
        var form = Form(forged);

        await _bot.ClickAsync("chair", "situation.record", form, activityId: "f:press-1");
        await _bot.ClickAsync("chair", "situation.record", form, activityId: "f:press-1");
        var (_, other) = await _bot.ClickAsync("chair", "situation.record", form, activityId: "f:press-2");

        Assert.Contains("DM-2026-0002", other!.ToString());
        Assert.Equal(2, await SituationsAsync());
    }

    [Fact]
    public async Task A_double_click_on_a_new_form_shows_the_first_recording_and_a_second_form_records_another()
    {
        var form = Form(Guid.NewGuid().ToString());
        await _bot.ClickAsync("chair", "situation.record", form, activityId: "click-1");
        var (_, second) = await _bot.ClickAsync("chair", "situation.record", form, activityId: "click-2");
        var (_, other) = await _bot.ClickAsync("chair", "situation.record", Form(Guid.NewGuid().ToString()), activityId: "click-3");

        Assert.Contains("DM-2026-0001", second!.ToString());
        Assert.Contains("DM-2026-0002", other!.ToString());
        Assert.Equal(2, await SituationsAsync());
    }

    [Fact]
    public async Task The_form_carries_its_own_submission_id_and_a_form_shown_again_with_problems_keeps_it()
    {
        var replies = await _bot.SendAsync(BotHarness.Message("new situation", "chair"));
        var form = ((Microsoft.Bot.Schema.Activity)replies.Single()).Attachments.Single().Content as JObject ?? JObject.FromObject(((Microsoft.Bot.Schema.Activity)replies.Single()).Attachments.Single().Content);
        var submissionId = (string?)form.SelectToken("$..actions[?(@.verb == 'situation.record')].data.submissionId");
        Assert.True(Guid.TryParse(submissionId, out _), form.ToString());

        var bad = Form(submissionId);
        bad["ageGroup"] = "ancient";
        var (_, shownAgain) = await _bot.ClickAsync("chair", "situation.record", bad);

        Assert.Equal(submissionId, (string?)shownAgain!.SelectToken("$..actions[?(@.verb == 'situation.record')].data.submissionId"));
        Assert.Equal(0, await SituationsAsync());
    }

    [Fact]
    public async Task The_record_invoke_answers_before_any_card_is_sent_and_the_dispatcher_delivers_them_after()
    {
        _bot.DeliverAfterEachTurn = false;

        var (status, answer) = await _bot.ClickAsync("chair", "situation.record", Form(Guid.NewGuid().ToString()), cardMessageId: "form-1");

        Assert.Equal(200, status);
        Assert.Contains("on its way", answer!.ToString());
        Assert.Empty(_bot.Chat.Sent);
        var outcome = await _bot.DeliverOutboxAsync();
        Assert.Equal(5, outcome[DeliveryState.Sent]); // four cards, then the confirmation redrawn in place
        Assert.Equal(4, _bot.Chat.Sent.Count);
        var confirmation = Assert.Single(_bot.Chat.Updated);
        Assert.Equal("form-1", confirmation.ActivityId);
        Assert.Contains("\"posted\"", confirmation.Message.CardJson);
    }

    public static TheoryData<string, string, string, SituationEventKind> TwiceOverButOnce => new()
    {
        // who, verb, data (situationId filled in), the one event it must leave
        { "lead-rep", "situation.accept", """{ "agencyId": "northside-mh" }""", SituationEventKind.Accepted },
        { "housing-rep", "situation.decline", """{ "agencyId": "harbour-housing", "reason": "No capacity this month." }""", SituationEventKind.Declined },
        { "chair", "situation.conclude", """{ "outcome": "other" }""", SituationEventKind.Concluded },
    };

    [Theory]
    [MemberData(nameof(TwiceOverButOnce))]
    public async Task A_button_pressed_twice_has_one_effect_and_answers_the_same_card(string who, string verb, string data, SituationEventKind kind)
    {
        await _bot.ClickAsync("chair", "situation.record", Form(null));
        var click = JObject.Parse(data);
        click["situationId"] = "DM-2026-0001";

        var (_, first) = await _bot.ClickAsync(who, verb, click);
        var sentAfterFirst = (_bot.Chat.Sent.Count, _bot.Chat.Updated.Count);
        var (_, again) = await _bot.ClickAsync(who, verb, click);

        Assert.Equal(first!.ToString(), again!.ToString());
        await using var db = _bot.Database();
        var situation = await new EfSituationStore(db).FindAsync("DM-2026-0001", default);
        Assert.Single(situation!.Events, e => e.Kind == kind);
        // The second press caused no message at all.
        Assert.Equal(sentAfterFirst, (_bot.Chat.Sent.Count, _bot.Chat.Updated.Count));
    }

    [Fact]
    public async Task The_same_update_form_submitted_twice_posts_one_update_and_answers_the_same_card()
    {
        await _bot.ClickAsync("chair", "situation.record", Form(null));
        await _bot.ClickAsync("lead-rep", "situation.accept", new JObject { ["situationId"] = "DM-2026-0001", ["agencyId"] = "northside-mh" });
        var update = new JObject
        {
            ["situationId"] = "DM-2026-0001", ["submissionId"] = Guid.NewGuid().ToString(),
            ["kind"] = "contacted", ["note"] = "Met at the drop-in; housing worker booked.",
        };

        var (_, first) = await _bot.ClickAsync("lead-rep", "situation.postUpdate", update);
        var told = _bot.Chat.Sent.Count;
        var (_, again) = await _bot.ClickAsync("lead-rep", "situation.postUpdate", update);

        Assert.Equal(first!.ToString(), again!.ToString());
        Assert.Equal(told, _bot.Chat.Sent.Count);
        await using var db = _bot.Database();
        Assert.Single((await new EfSituationStore(db).FindAsync("DM-2026-0001", default))!.Updates);
    }
}

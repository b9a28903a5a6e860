using System.Text;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards.Situations;
using static FocusBot.Teams.Tests.Cards.CardReading;
using static FocusBot.Teams.Tests.Cards.DemoTable;

namespace FocusBot.Teams.Tests.Cards;

public sealed class UpdateAndListCardTests
{
    [Fact]
    public void Update_form_names_the_problem_and_keeps_what_was_typed()
    {
        var typed = new UpdateFormValues("services-refused", "He refused; see 12 Main Street.", "Try again Monday", ["no-safe-housing", "made-up"]);

        var card = Json(UpdateForm.Build(LeadAccepted(), Demo, Catalogue, isFortyEightHourUpdate: false, typed, "Please remove the street address."));

        Assert.Equal(["Update", "Situation DM-2026-0001 · Demo Table"], Body(card).Take(2).Select(e => (string?)e!["text"]));
        Assert.Equal("Attention", (string?)TextBlock(card, "Please remove the street address.")["color"]);
        Assert.Equal("services-refused", (string?)Input(card, "kind")["value"]);
        Assert.Equal("He refused; see 12 Main Street.", (string?)Input(card, "note")["value"]);
        Assert.Equal("Try again Monday", (string?)Input(card, "nextStep")["value"]);
        Assert.Equal("no-safe-housing", (string?)Input(card, "barriers")["value"]);
    }

    [Theory]
    [InlineData("en-CA", "Choose the kind of update", "Choose any that apply")]
    [InlineData("fr-CA", "Choisissez le type de mise à jour", "Choisissez tout ce qui s'applique")]
    public void Update_form_drop_downs_say_what_to_choose_while_empty(string language, string kind, string many)
    {
        using var _ = Teams.Localization.BotLanguage.Scope(Teams.Localization.BotLanguage.Choose(language));

        var card = Json(UpdateForm.Build(LeadAccepted(), Demo, Catalogue, isFortyEightHourUpdate: true));

        Assert.Equal(kind, (string?)Input(card, "kind")["placeholder"]);
        Assert.Equal(many, (string?)Input(card, "barriers")["placeholder"]);
        Assert.Equal(many, (string?)Input(card, "services")["placeholder"]);
    }

    [Fact]
    public void Update_form_never_echoes_more_than_the_note_may_hold()
    {
        var typed = new UpdateFormValues("contacted", new string('x', 60_000), new string('y', 60_000), []);

        var card = Json(UpdateForm.Build(LeadAccepted(), Demo, Catalogue, isFortyEightHourUpdate: true, typed, "Too long."));

        Assert.Equal(Situation.MaxNoteLength, ((string)Input(card, "note")["value"]!).Length);
        Assert.Equal(Situation.MaxNextStepLength, ((string)Input(card, "nextStep")["value"]!).Length);
        Assert.Contains("The 48-hour update is due Thursday 26 November 2026", string.Join("\n", Texts(card)));
    }

    [Fact]
    public void Update_posted_card_says_whether_the_48_hour_update_was_on_time()
    {
        var s = CardSamples.WithFortyEightHourUpdate();

        var card = Json(UpdatePostedCard.Build(s, Demo, AgenciesById, Catalogue, s.Updates[0]));

        Assert.Equal("48-hour update posted on time", (string?)Body(card)[0]!["text"]);
        Assert.Contains(("What happened", "Contacted"), Facts(card));
        Assert.Equal(["View situation"], ButtonTitles(card));
    }

    [Theory]
    [InlineData("en-CA", "Services mobilized", "Mental health, Addictions", "Services mobilized: Mental health, Addictions")]
    [InlineData("fr-CA", "Services mobilisés", "Santé mentale, Dépendances", "Services mobilisés\u00A0: Santé mentale, Dépendances")]
    public void The_services_mobilized_that_were_ticked_show_on_the_confirmation_and_in_the_history(string language, string title, string named, string line)
    {
        using var _ = Teams.Localization.BotLanguage.Scope(Teams.Localization.BotLanguage.Choose(language));
        var s = LeadAccepted();
        Succeeds(s.PostUpdate(LeadRep, "contacted", "Door knock done with outreach.", null, [], Catalogue, RecordedAt.AddDays(1),
            serviceIds: ["mental-health", "addictions"]));

        var confirmation = Json(UpdatePostedCard.Build(s, Demo, AgenciesById, Catalogue, s.Updates[0]));
        var history = Json(SituationHistory.AddTo(new Teams.Cards.AdaptiveCard(), s, Demo, AgenciesById, Catalogue));

        Assert.Contains((title, named), Facts(confirmation));
        Assert.Contains(line, Texts(history));
    }

    [Theory]
    [InlineData("en-CA", "Tuesday 24 November 2026, 11:15\u00A0a.m.", "accepted as lead")]
    [InlineData("fr-CA", "mardi 24 novembre 2026 à 11\u00A0h\u00A015", "a accepté comme responsable")]
    public void Key_events_give_each_date_a_line_of_its_own_above_the_event_not_a_narrow_fact_title(string language, string date, string accepted)
    {
        using var _ = Teams.Localization.BotLanguage.Scope(Teams.Localization.BotLanguage.Choose(language));
        var s = CardSamples.WithFortyEightHourUpdate();

        var history = Json(SituationHistory.AddTo(new Teams.Cards.AdaptiveCard(), s, Demo, AgenciesById, Catalogue));
        var body = Body(history).Select(e => e!.AsObject()).ToList();

        Assert.Empty(OfType(history, "FactSet"));
        var dateLine = body.FindIndex(e => (string?)e["text"] == date);
        Assert.True(dateLine >= 0, $"no line reads \"{date}\"");
        Assert.Equal("Small", (string?)body[dateLine]["size"]);
        Assert.EndsWith(accepted, (string?)body[dateLine + 1]["text"]);
        Assert.Equal("None", (string?)body[dateLine + 1]["spacing"]);
    }

    [Fact]
    public void List_in_the_channel_has_view_but_never_post_update()
    {
        var rows = new[] { new SituationListRow(LeadAccepted(), Demo, MayPostUpdate: true) };

        var personal = Json(SituationListCard.Build(SituationListScope.Open, rows, 1, 1, AgenciesById, Catalogue, RecordedAt.AddDays(1), inChannel: false));
        var channel = Json(SituationListCard.Build(SituationListScope.Open, rows, 1, 1, AgenciesById, Catalogue, RecordedAt.AddDays(1), inChannel: true));

        Assert.Equal(["View DM-2026-0001", "Post update"], OfType(personal, "Action.Execute").Select(a => (string)a["title"]!));
        Assert.Equal(["View DM-2026-0001"], OfType(channel, "Action.Execute").Select(a => (string)a["title"]!));
        Assert.Empty(Buttons(channel));
    }

    [Theory]
    [InlineData("en-CA", 11, "Show 1 more")]
    [InlineData("en-CA", 12, "Show 2 more")]
    [InlineData("fr-CA", 11, "Afficher 1 autre")]
    [InlineData("fr-CA", 12, "Afficher 2 autres")]
    public void List_offers_more_with_the_next_page_only_when_there_is_one(string language, int total, string title)
    {
        using var _ = Teams.Localization.BotLanguage.Scope(Teams.Localization.BotLanguage.Choose(language));
        var rows = new[] { new SituationListRow(Recorded(), Demo, MayPostUpdate: false) };

        var first = Json(SituationListCard.Build(SituationListScope.Mine, rows, 1, total, AgenciesById, Catalogue, RecordedAt, inChannel: false));
        var last = Json(SituationListCard.Build(SituationListScope.Mine, rows, 2, total, AgenciesById, Catalogue, RecordedAt, inChannel: false));

        var more = Button(first, title);
        Assert.Equal("situations.page", (string?)more["verb"]);
        Assert.Equal("mine", (string?)more["data"]!["scope"]);
        Assert.Equal(2, (int)more["data"]!["page"]!);
        Assert.Empty(Buttons(last));
    }

    [Fact]
    public void A_card_with_its_history_shows_the_latest_update_once_and_one_without_shows_it_above_the_buttons()
    {
        var s = LeadAccepted();
        Succeeds(s.PostUpdate(LeadRep, "contacted", "First visit made.", null, [], Catalogue, RecordedAt.AddDays(1)));
        Succeeds(s.PostUpdate(LeadRep, "contacted", "Second visit made.", null, [], Catalogue, RecordedAt.AddDays(2)));

        var withHistory = SituationHistory.AddTo(SituationCard.Build(s, Demo, AgenciesById, Catalogue,
            Personal(LeadRep, s) with { HistoryFollows = true }, RecordedAt.AddDays(3)), s, Demo, AgenciesById, Catalogue);
        var alone = SituationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(LeadRep, s), RecordedAt.AddDays(3));

        Assert.Single(Texts(Json(withHistory)), t => t.Contains("Second visit made."));
        Assert.Single(Texts(Json(withHistory)), t => t.Contains("First visit made."));
        Assert.Single(Texts(Json(alone)), t => t.Contains("Second visit made."));
    }

    [Fact]
    public void History_shows_the_latest_updates_within_its_budget_and_says_how_many_are_left_out()
    {
        var s = LeadAccepted();
        for (var i = 0; i < 25; i++)
        {
            Succeeds(s.PostUpdate(LeadRep, "contacted", $"Visit {i}. " + new string('ß', 990), new string('ö', 490), ["no-shelter-bed"],
                Catalogue, RecordedAt.AddDays(i + 1)));
        }

        var card = SituationHistory.AddTo(SituationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(LeadRep, s), RecordedAt.AddDays(30)),
            s, Demo, AgenciesById, Catalogue);
        var texts = string.Join("\n", Texts(Json(card)));

        Assert.True(Encoding.UTF8.GetByteCount(Newtonsoft.Json.Linq.JObject.Parse(card.ToString()).ToString(Newtonsoft.Json.Formatting.None)) < 20 * 1024);
        Assert.Contains("Updates (25)", texts);
        Assert.Contains("Visit 24.", texts);
        Assert.DoesNotContain("Visit 0.", texts);
        Assert.Matches(@"… and \d+ earlier updates not shown here\.", texts);
        Assert.Contains("48-hour update posted on time", texts); // the status line, though that update is among those left out
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FocusBot.Teams.Localization;
using FocusBot.Teams.Tests.Cards;
using static FocusBot.Teams.Tests.Cards.CardReading;

namespace FocusBot.Teams.Tests.Localization;

/// <summary>
/// Every card kind, in English and in French, read the way a screen reader and a busy worker on a phone read it:
/// each input has a label; status is said in words, and the only text colour is the default or Attention (Good,
/// Warning, Accent and Light are hard to read on a light theme); a drop-down shows a placeholder while empty; images
/// have alternative text; every button says
/// what it does; no placeholder Teams would swallow (<c>&lt;id&gt;</c>); a time never wraps; one date style per card.
/// </summary>
public sealed partial class AccessibilityTests
{
    private static readonly HashSet<string> ReadableColours = ["Default", "Attention"];
    private static readonly HashSet<string> VagueTitles = new(StringComparer.OrdinalIgnoreCase)
        { "OK", "Submit", "Send", "Go", "Yes", "No", "Click here", "More", "Plus", "Envoyer", "Oui", "Non", "View", "Voir" };

    public static TheoryData<string, string> EveryCardInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in BotLanguage.Supported)
            foreach (var name in CardSamples.All.Keys) data.Add(name, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCardInEveryLanguage))]
    public void Card_is_accessible(string name, string language)
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose(language));
        var card = Json(CardSamples.All[name]());
        var objects = Objects(card).ToList();

        Assert.All(objects.Where(o => (TypeOf(o) ?? "").StartsWith("Input.", StringComparison.Ordinal)),
            input => Assert.False(string.IsNullOrWhiteSpace((string?)input["label"]), $"input {(string?)input["id"]} has no label"));
        Assert.All(objects.Where(o => TypeOf(o) == "Input.ChoiceSet" && (string?)o["style"] != "expanded"),
            dropDown => Assert.False(string.IsNullOrWhiteSpace((string?)dropDown["placeholder"]), $"the drop-down {(string?)dropDown["id"]} has no placeholder"));
        Assert.All(objects.Where(o => o["color"] is not null),
            coloured => Assert.Contains((string)coloured["color"]!, ReadableColours));
        Assert.All(objects.Where(o => TypeOf(o) == "TextBlock" && o["color"] is not null),
            coloured => Assert.Matches(@"\p{L}{3,}", (string)coloured["text"]!));
        Assert.All(objects.Where(o => TypeOf(o) == "Image"),
            image => Assert.False(string.IsNullOrWhiteSpace((string?)image["altText"]), "an image has no altText"));
        Assert.All(objects.Where(o => (TypeOf(o) ?? "").StartsWith("Action.", StringComparison.Ordinal) && o != card["refresh"]?["action"]),
            action =>
            {
                var title = (string?)action["title"] ?? "";
                Assert.True(title.Length >= 4 && !VagueTitles.Contains(title), $"the button \"{title}\" does not say what it does");
            });

        var texts = ResourceCompletenessTests.ReaderTexts(card).ToList();
        Assert.DoesNotContain(texts, t => Placeholder().IsMatch(t));
        Assert.DoesNotContain(texts, t => BreakableTime().IsMatch(t));
        Assert.False(texts.Any(t => LongDate().IsMatch(t)) && texts.Any(t => ShortDate().IsMatch(t)), "the card writes dates in two styles");
    }

    /// <summary>
    /// The domain's acronym (DOMAIN.md, "Acutely elevated risk (AER)"; REA in French) is spelled out in the text where a
    /// card first uses it: a nurse new to the table reads "not AER" on the figures card with nothing to decode it.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryCardInEveryLanguage))]
    public void Card_spells_out_the_acronym_where_it_first_uses_it(string name, string language)
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose(language));
        var (acronym, spelledOut) = language.StartsWith("fr", StringComparison.Ordinal) ? ("REA", "risque élevé aigu") : ("AER", "acutely elevated risk");
        var texts = ResourceCompletenessTests.ReaderTexts(Json(CardSamples.All[name]())).ToList();

        var first = texts.FirstOrDefault(t => Regex.IsMatch(t, $@"\b{acronym}\b"));
        if (first is not null) Assert.Contains(spelledOut, first, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_figures_card_uses_the_acronym()
    {
        foreach (var language in BotLanguage.Supported)
        {
            using var _ = BotLanguage.Scope(BotLanguage.Choose(language));
            var texts = ResourceCompletenessTests.ReaderTexts(Json(CardSamples.All["figures"]()));
            Assert.Contains(texts, t => Regex.IsMatch(t, @"\b(AER|REA)\b"));
        }
    }

    /// <summary>
    /// A situation id never sits where a phone can break it at a hyphen ("DM-" / "2026-0001", as Chromium and Teams do):
    /// in a wrapping text it starts its line, or follows a few words only, so that it always ends on the first line
    /// of a 360 px card (about 312 px of text: 28 characters of a Medium bold heading, 32 of body text). After a
    /// longer lead (an agency's name, a heading's words) where it falls depends on the words and the phone.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryCardInEveryLanguage))]
    public void No_situation_id_sits_where_a_phone_can_break_it(string name, string language)
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose(language));
        var card = Json(CardSamples.All[name]());

        Assert.Empty(IdsThatCanWrap(card));
    }

    [Fact]
    public void The_id_check_fails_on_an_id_after_a_long_lead()
    {
        var card = Json(new FocusBot.Teams.Cards.AdaptiveCard()
            .Heading("Compte rendu de 48 heures sur DM-2026-0001 · Demo Table")
            .Text("Northside Mental Health reported back on DM-2026-0001.")
            .Heading("Situation DM-2026-0001 · Demo Table")
            .Text("- **situation DM-2026-0001**: the card"));

        Assert.Equal(["Compte rendu de 48 heures sur DM-2026-0001", "Northside Mental Health reported back on DM-2026-0001"], IdsThatCanWrap(card));
    }

    private static List<string> IdsThatCanWrap(JsonObject card)
    {
        var texts = Objects(card).Where(o => TypeOf(o) == "TextBlock")
            .Select(o => ((string)o["text"]!, (string?)o["size"] is "Medium" or "Large" or "ExtraLarge" ? 16 : 20))
            .Concat(Facts(card).SelectMany(f => new[] { (f.Title, 8), (f.Value, 8) }));
        return [.. texts
            .SelectMany(t => t.Item1.Split('\n').Select(line => (Line: ListItem().Replace(line, "").Replace("**", ""), MaxLead: t.Item2)))
            .SelectMany(t => SituationId().Matches(t.Line).Where(m => m.Index > t.MaxLead).Select(m => t.Line[..(m.Index + m.Length)]))];
    }

    [GeneratedRegex(@"\b[A-Z]{2,}-\d{4}-\d{4}\b")]
    private static partial Regex SituationId();

    [GeneratedRegex(@"^\s*([-*+]|\d+\.)\s+")]
    private static partial Regex ListItem();

    [Fact]
    public void The_checks_fail_on_a_card_that_breaks_them()
    {
        var bad = new FocusBot.Teams.Cards.AdaptiveCard()
            .Add(FocusBot.Teams.Cards.Element.Text("Posted on time", color: "Good"))
            .Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "note" })
            .Text("Type **update <id>** at 7:34 a.m. on Thu 26 Nov 2026 or Thursday 26 November 2026");
        var card = Json(bad);
        var texts = ResourceCompletenessTests.ReaderTexts(card).ToList();

        Assert.DoesNotContain((string)Objects(card).First(o => o["color"] is not null)["color"]!, ReadableColours);
        Assert.Contains(Objects(card), o => TypeOf(o) == "Input.Text" && o["label"] is null);
        Assert.Contains(texts, t => Placeholder().IsMatch(t));
        Assert.Contains(texts, t => BreakableTime().IsMatch(t));
        Assert.True(texts.Any(t => LongDate().IsMatch(t)) && texts.Any(t => ShortDate().IsMatch(t)));
    }

    [GeneratedRegex(@"<[a-z][\w ]*>")]
    private static partial Regex Placeholder();

    // "7:34 a.m." or "7 h 34" with a breaking space.
    [GeneratedRegex(@"\d:\d\d [ap]\.m\.|\d h \d\d")]
    private static partial Regex BreakableTime();

    [GeneratedRegex(@"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} \p{L}{3,}")]
    private static partial Regex LongDate();

    [GeneratedRegex(@"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|lun\.|mar\.|mer\.|jeu\.|ven\.|sam\.|dim\.) \d{1,2} \p{L}{3}")]
    private static partial Regex ShortDate();
}

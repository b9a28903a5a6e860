using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using static FocusBot.Teams.Tests.Cards.CardReading;
using static FocusBot.Teams.Tests.Cards.DemoTable;

namespace FocusBot.Teams.Tests.Cards;

/// <summary>
/// What a member types reads as typed on every card: Teams' Markdown subset (bold, italic, lists, links) is escaped,
/// read back by a CommonMark parser (Markdig) the way a Teams client reads a TextBlock.
/// </summary>
public sealed partial class UserTextTests
{
    public static TheoryData<string> Hostile() =>
    [
        "**Bold** claim",
        "_slanted_ and *starred* words",
        "See [the file](https://evil.example/x) now",
        "1. first\n2. second",
        "3) third point",
        "- a dash item\n+ a plus item\n* a star item",
        "  12. indented number",
        "C:\\*not\\* a path [x]",
        "snake_case_word and __double__",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Typed_markdown_is_read_as_typed(string typed)
    {
        Assert.True(Formats(typed) || Plain(typed) != Plain(typed, parse: false), $"the sample reads as typed without escaping: {typed}");

        var escaped = UserText.ForCard(typed);

        Assert.False(Formats(escaped), escaped);
        Assert.Equal(Plain(typed, parse: false), Plain(escaped));
    }

    [Fact]
    public void Plain_words_and_our_punctuation_are_left_alone()
    {
        Assert.Equal("Door knock done; he agreed (Monday), 3 p.m. # 2 > 1 - ok", UserText.ForCard("Door knock done; he agreed (Monday), 3 p.m. # 2 > 1 - ok"));
        Assert.Null(UserText.ForCard(null));
    }

    private const string Typed = "**HOSTILE** _it_ [link](https://evil.example/x)\n1. first\n- second";

    [Fact]
    public void Summary_notes_next_steps_and_decline_reasons_read_as_typed_on_every_card_that_shows_them()
    {
        var validation = new NewSituationValidator(Catalogue).Validate(Request() with { Summary = Typed }, CoChair, Tables, Agencies);
        var s = Situation.Record(SituationId.Create("DM", 2026, 1), validation.NewSituation ?? throw new InvalidOperationException(
            string.Join("; ", validation.Problems.SelectMany(p => p.Value))), RecordedAt);
        Succeeds(s.Accept("northside-mh", LeadRep, RecordedAt.AddHours(1)));
        Succeeds(s.Decline("harbour-housing", AssistingRep, Typed, RecordedAt.AddHours(2)));
        Succeeds(s.PostUpdate(LeadRep, "contacted", Typed, Typed, [], Catalogue, RecordedAt.AddDays(1)));

        var coChairCard = SituationCard.Build(s, Demo, AgenciesById, Catalogue, Personal(CoChair, s), RecordedAt.AddDays(2));
        var cards = new Dictionary<string, JsonObject>
        {
            ["situation card"] = Json(coChairCard),
            ["history"] = Json(SituationHistory.AddTo(new AdaptiveCard(), s, Demo, AgenciesById, Catalogue)),
            ["update posted"] = Json(UpdatePostedCard.Build(s, Demo, AgenciesById, Catalogue, s.Updates[0])),
        };

        foreach (var (name, card) in cards)
        {
            var shown = Texts(card).Where(t => t.Contains("HOSTILE", StringComparison.Ordinal)).ToList();
            Assert.True(shown.Count > 0, $"{name}: the typed text is not shown");
            Assert.All(shown, text =>
            {
                Assert.False(Formats(text), $"{name}: {text}");
                Assert.Contains("**HOSTILE** _it_ [link](https://evil.example/x) 1. first - second", Plain(text));
            });
        }
        // Summary, latest note and next step, and the decline reason on the card; the note and next step in the history and the confirmation.
        Assert.Equal(4, Texts(cards["situation card"]).Count(t => t.Contains("HOSTILE", StringComparison.Ordinal)));
    }

    /// <summary>Whether a CommonMark reader would draw any of Teams' subset: emphasis, a link, a list.</summary>
    private static bool Formats(string markdown) =>
        Markdown.Parse(markdown).Descendants().Any(n => n is EmphasisInline or LinkInline or AutolinkInline or ListBlock);

    private static string Plain(string markdown, bool parse = true) =>
        Whitespace().Replace(parse ? Markdown.ToPlainText(markdown) : markdown, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

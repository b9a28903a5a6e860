using System.Text.RegularExpressions;
using System.Xml.Linq;
using FocusBot.Core.Reminders;
using FocusBot.Core.Situations;
using FocusBot.Teams.Proactive;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;
using FocusBot.Teams.Tests.Cards;
using static FocusBot.Teams.Tests.Cards.CardReading;

namespace FocusBot.Teams.Tests.Localization;

/// <summary>
/// Every word FocusBot shows comes from its resources, in English and in French: a key in one language and not the
/// other fails, a key the code asks for and neither has fails, and a card with text that did not come from the
/// resources fails (drawn in the pseudo-language, every resource string is marked ⟦…⟧: what is left must be data).
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    private static Dictionary<string, string> Resources(string file) =>
        XDocument.Load(Path.Combine(Repository.TeamsSource, "Localization", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void English_and_French_have_the_same_keys_and_the_same_placeholders()
    {
        var english = Resources("Texts.resx");
        var french = Resources("Texts.fr-CA.resx");

        Assert.Empty(english.Keys.Except(french.Keys).Order());
        Assert.Empty(french.Keys.Except(english.Keys).Order());
        foreach (var (key, text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(french[key])), $"{key}: \"{text}\" and \"{french[key]}\" take different arguments");
            Assert.False(string.IsNullOrWhiteSpace(french[key]), $"{key} is empty in French");
        }
    }

    [Fact]
    public void Every_key_the_code_names_is_in_the_resources()
    {
        var keys = Resources("Texts.resx").Keys.ToHashSet();
        var named = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.TeamsSource, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var source = File.ReadAllText(file);
            named.AddRange(KeyCalls().Matches(source).Select(m => m.Groups["call"].Value switch
            {
                "Texts.Count" => [m.Groups["key"].Value + ".One", m.Groups["key"].Value + ".Many"],
                "NoticeCard.Of" => ["Notice." + m.Groups["key"].Value + ".Title", "Notice." + m.Groups["key"].Value + ".Message"],
                "RefusedAsync" => ["Refused." + m.Groups["key"].Value],
                _ => new[] { m.Groups["key"].Value },
            }).SelectMany(k => k));
        }

        Assert.True(named.Count > 200, $"only {named.Count} keys found in the code: has the way of naming them changed?");
        Assert.Empty(named.Distinct().Where(k => !keys.Contains(k)).Order());
    }

    [Theory]
    [InlineData("en-CA")]
    [InlineData("fr-CA")]
    public void Every_refusal_has_words_in_both_languages(string language)
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose(language));
        var keys = Resources("Texts.resx").Keys.ToHashSet();
        foreach (var refusal in Enum.GetValues<SituationRefusal>().Where(r => r is not (SituationRefusal.None or SituationRefusal.IdentifyingDetails)))
        {
            var arguments = new RefusalArguments("DM-2026-0001", "northside-mh", AssignmentRole.Assisting, Field: "note", Min: 1, Max: 1000);
            var text = RefusalText.Of(Refused(refusal, arguments), DemoTable.AgenciesById);

            Assert.DoesNotContain(text, keys);
            Assert.DoesNotContain("Refusal.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("northside-mh", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(CardSamples.Names), MemberType = typeof(CardSamples))]
    public void Every_card_kind_is_drawn_only_from_the_resources_and_its_data(string name)
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose(BotLanguage.Pseudo));
        var card = Json(CardSamples.All[name]());

        var outside = ReaderTexts(card)
            .Select(text => WithoutData(WithoutResources(text)))
            .Where(rest => Letters().IsMatch(rest))
            .ToList();

        Assert.Empty(outside);
    }

    public static TheoryData<string> EveryCoChairNotice() => [.. CoChairNotices.Keys];

    // Every notice the co-chairs can be sent (each kind, and each cause of an undelivered card or reminder).
    private static readonly Dictionary<string, CoChairProblem> CoChairNotices = new[]
        {
            new CoChairProblem(CoChairProblemKind.ChannelDeleted), new CoChairProblem(CoChairProblemKind.TeamArchived),
            new CoChairProblem(CoChairProblemKind.TeamDeleted), new CoChairProblem(CoChairProblemKind.RemovedFromTeam),
            new CoChairProblem(CoChairProblemKind.CalendarUnreadable, Detail: "403"),
        }
        .Concat(Enum.GetValues<UndeliveredBecause>().SelectMany(cause => new[]
        {
            CoChairProblem.NotDelivered("DM-2026-0001", cause, "rep.demo@northside-mh.example"),
            CoChairProblem.NotDelivered(null, cause, "rep.demo@northside-mh.example"),
            CoChairProblem.NotDelivered(null, cause, "rep.demo@northside-mh.example", reminder: true),
        }))
        .ToDictionary(n => $"{n.Kind}{(n.Cause is { } c ? "-" + c : "")}{(n.SituationId is null ? "" : "-card")}");

    /// <summary>What Core tells the co-chairs (lifecycle, undelivered cards and reminders, the calendar) is a code, worded only from the resources.</summary>
    [Theory]
    [MemberData(nameof(EveryCoChairNotice))]
    public void Every_co_chair_notice_is_drawn_only_from_the_resources_and_its_data(string name)
    {
        var notice = CoChairProblem.TryRead(CoChairNotices[name].ToJson());
        Assert.Equal(CoChairNotices[name], notice);
        using var _ = BotLanguage.Scope(BotLanguage.Choose(BotLanguage.Pseudo));

        var rest = WithoutData(WithoutResources(CoChairProblemText.Of(notice!, DemoTable.Demo)));

        Assert.DoesNotMatch(Letters(), rest);
    }

    /// <summary>Notices gathered into one message (the reps not reached on a situation as one list) are worded only from the resources.</summary>
    [Fact]
    public void A_gathered_notice_is_drawn_only_from_the_resources_and_its_data()
    {
        var notices = CoChairNotices.Values.Concat(Enum.GetValues<UndeliveredBecause>()
            .Select(cause => CoChairProblem.NotDelivered("DM-2026-0001", cause, "rep2.demo@northside-mh.example"))).ToList();
        using var _ = BotLanguage.Scope(BotLanguage.Choose(BotLanguage.Pseudo));

        var message = GatheredNoticeText.Of(notices.Select(n => (string?)n.ToJson()).ToList(), DemoTable.Demo, _ => "northside-mh", DemoTable.AgenciesById);

        Assert.Contains("⟦4 representatives could not be reached for DM-2026-0001:⟧", message, StringComparison.Ordinal);
        Assert.DoesNotMatch(Letters(), WithoutData(WithoutResources(message)));
    }

    [Theory]
    [InlineData("en-CA", "Sorry, something went wrong")]
    [InlineData("fr-CA", "Désolé, un problème est survenu")]
    public async Task The_adapter_apologises_for_a_failed_turn_in_the_language_the_turn_chose(string language, string expected)
    {
        var adapter = new FocusBot.Teams.Bot.FocusBotAdapter(Microsoft.Bot.Connector.Authentication.BotFrameworkAuthenticationFactory.Create(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<FocusBot.Teams.Bot.FocusBotAdapter>.Instance);
        var teams = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        // Teams says English; the member chose the language earlier in the turn.
        var activity = Microsoft.Bot.Builder.MessageFactory.Text("situations ouvertes");
        activity.Locale = "en-US";
        activity.Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "personal-1");
        using var turn = new Microsoft.Bot.Builder.TurnContext(teams, (Microsoft.Bot.Schema.Activity)activity);
        turn.TurnState[BotLanguage.TurnStateKey] = BotLanguage.Choose(language);

        await adapter.OnTurnError(turn, new InvalidOperationException("the database is gone"));

        Assert.StartsWith(expected, teams.GetNextReply().AsMessageActivity().Text);
    }

    /// <summary>
    /// Text sent as a message outside the cards comes from the resources: a string literal handed to Teams where the bot
    /// speaks to people (a reply, a proactive message) fails here.
    /// </summary>
    [Fact]
    public void No_message_is_sent_from_a_literal_string()
    {
        var places = new[] { Repository.TeamsSource, Path.Combine(Repository.Root, "src", "FocusBot.Core"), Path.Combine(Repository.Root, "src", "FocusBot") };
        var literal = new List<string>();
        foreach (var file in places.SelectMany(p => Directory.EnumerateFiles(p, "*.cs", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            foreach (Match m in LiteralMessage().Matches(File.ReadAllText(file)))
                literal.Add($"{Path.GetRelativePath(Repository.Root, file)}: {m.Value}");
        }

        Assert.Empty(literal);
    }

    [Fact]
    public void The_pseudo_language_marks_what_comes_from_the_resources()
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose(BotLanguage.Pseudo));

        Assert.Equal("⟦Accept as lead⟧", FocusBot.Teams.Localization.Texts.Get("Action.AcceptLead"));
        Assert.Matches("Literal text", WithoutData(WithoutResources("⟦Accept as lead⟧ Literal text")));
    }

    /// <summary>Every text a reader sees or hears: text, fact titles and values, labels, placeholders, errors, choices, button titles.</summary>
    internal static IEnumerable<string> ReaderTexts(System.Text.Json.Nodes.JsonObject card) =>
        Objects(card).SelectMany(o => new[] { o["text"], o["title"], o["label"], o["placeholder"], o["errorMessage"], o["altText"] })
            .OfType<System.Text.Json.Nodes.JsonValue>()
            .Select(v => v.TryGetValue<string>(out var s) ? s : null)
            .OfType<string>()
            .Concat(Facts(card).Select(f => f.Value));

    private static string WithoutResources(string text)
    {
        string before;
        do
        {
            before = text;
            text = Marked().Replace(text, " ");
        } while (text != before);
        return text;
    }

    // What a card shows that is not FocusBot's words: the sample roster's names and ids, the catalogue's labels (the
    // pseudo-language reads the English ones), what people typed, e-mail addresses, links, and dates.
    private static readonly string[] Data = [.. new[]
        {
            DemoTable.Summary, "Door knock done with outreach; he agreed to see the team.", "Intake appointment this week",
            "Call 416-555-0199", "Priya Raman", "Teams",
            // The privacy guard's own bilingual wording of what it found (Core, IdentifierWording).
            FocusBot.Core.Privacy.IdentifierGuard.Describe("Call 416-555-0199",
                FocusBot.Core.Privacy.IdentifierGuard.Find("Call 416-555-0199", FocusBot.Core.Privacy.IdentifierContext.At(DemoTable.RecordedAt, []))),
        }
        .Concat(DemoTable.Agencies.SelectMany(a => new[] { a.Name, a.Id }))
        .Concat(DemoTable.Tables.SelectMany(t => new[] { t.Name, t.Id }))
        .Concat(new[] { DemoTable.Catalogue.RiskFactors, DemoTable.Catalogue.Outcomes, DemoTable.Catalogue.AgeGroups, DemoTable.Catalogue.Genders,
            DemoTable.Catalogue.SituationTypes, DemoTable.Catalogue.UpdateKinds, DemoTable.Catalogue.Barriers, DemoTable.Catalogue.Services }
            .SelectMany(list => list.Select(e => e.Label)))
        .Concat(System.Globalization.CultureInfo.GetCultureInfo("en-CA").DateTimeFormat.MonthNames)
        .Concat(System.Globalization.CultureInfo.GetCultureInfo("en-CA").DateTimeFormat.DayNames)
        .Where(s => s.Length > 0)
        .OrderByDescending(s => s.Length)];

    private static string WithoutData(string text)
    {
        text = EmailOrLink().Replace(text, " ");
        foreach (var data in Data) text = text.Replace(data, " ", StringComparison.Ordinal);
        return SituationId().Replace(text, " ");
    }

    private static SituationResult Refused(SituationRefusal refusal, RefusalArguments arguments) =>
        (SituationResult)typeof(SituationResult).GetMethod("Refused", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .Invoke(null, [refusal, "", arguments])!;

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"(?<call>Texts\.Get|Texts\.Count|Texts\.Pattern|NoticeCard\.Of|Examples\.Command|RefusedAsync)\(\s*""(?<key>[A-Za-z][\w.]*)""")]
    private static partial Regex KeyCalls();

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("⟦[^⟦⟧]*⟧")]
    private static partial Regex Marked();

    [GeneratedRegex(@"\p{L}")]
    private static partial Regex Letters();

    // A message handed to Teams (a reply, a proactive message) whose text is a string literal, or a sentence kept in a
    // constant to be sent. (A notice to the co-chairs cannot be one: it is a CoChairProblem, a code.)
    [GeneratedRegex(@"(SendActivityAsync|MessageFactory\.Text|new OutgoingMessage)\(\s*\$?@?""[^""]*\p{L}|const string \w+ = ""[^""]* [^""]*[.!?]""")]
    private static partial Regex LiteralMessage();

    [GeneratedRegex(@"\S+@\S+|https?://\S+")]
    private static partial Regex EmailOrLink();

    [GeneratedRegex(@"[A-Z]{2}-\d{4}-\d{4}")]
    private static partial Regex SituationId();
}

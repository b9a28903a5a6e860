using System.Text.RegularExpressions;
using System.Xml.Linq;
using FocusBot.Core.Figures;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Figures;
using FocusBot.Teams.Localization;
using FocusBot.Teams.Tests.Cards;
using static FocusBot.Teams.Tests.Cards.CardReading;
using static FocusBot.Teams.Tests.Cards.DemoTable;

namespace FocusBot.Teams.Tests.Localization;

/// <summary>
/// French as a francophone worker in Toronto writes it: the first of the month is "1er", 0 and 1 take the singular,
/// and the typography of Québec (OQLF): no space before ; ! ?, a no-break space before : and inside « ».
/// </summary>
public sealed partial class FrenchWritingTests
{
    // Tuesday 1 December 2026, 10:00 in Toronto.
    private static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_of_the_month_is_written_1er_in_French_in_every_date_style()
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose("fr-CA"));

        Assert.Equal("mardi 1er décembre 2026 à 10\u00A0h\u00A000 (heure de Toronto)", TableTime.Describe(FirstOfDecember, Demo));
        Assert.StartsWith("mardi 1er décembre 2026", TableTime.Long(FirstOfDecember, Demo));
        Assert.Contains("1er déc", TableTime.Short(FirstOfDecember, Demo));
        Assert.Equal("mardi 1er décembre 2026", TableTime.Describe(new DateOnly(2026, 12, 1)));
        // Only the first: the second is a cardinal.
        Assert.Equal("mercredi 2 décembre 2026", TableTime.Describe(new DateOnly(2026, 12, 2)));
    }

    [Fact]
    public void English_writes_the_first_of_the_month_as_a_number()
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose("en-CA"));

        Assert.StartsWith("Tuesday 1 December 2026, 10:00", TableTime.Describe(FirstOfDecember, Demo));
        Assert.Equal("Tuesday 1 December 2026", TableTime.Describe(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void A_reminder_due_on_the_first_says_1er_in_French()
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose("fr-CA"));

        var text = FocusBot.Teams.Localization.Texts.Get("Reminder.Nudge", "DM-2026-0001", TableTime.Describe(FirstOfDecember, Demo), "**mise à jour DM-2026-0001**");

        Assert.Contains("attendu le mardi 1er décembre 2026", text);
    }

    [Theory]
    [InlineData("fr-CA", 0, "Responsable\u00A0: X · ouverte depuis 0 jour")]
    [InlineData("fr-CA", 1, "Responsable\u00A0: X · ouverte depuis 1 jour")]
    [InlineData("fr-CA", 2, "Responsable\u00A0: X · ouverte depuis 2 jours")]
    [InlineData("en-CA", 0, "Lead: X · open 0 days")]
    [InlineData("en-CA", 1, "Lead: X · open 1 day")]
    [InlineData("en-CA", 2, "Lead: X · open 2 days")]
    public void Zero_and_one_are_singular_in_French_and_only_one_in_English(string language, int days, string expected)
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose(language));

        Assert.Equal(expected, FocusBot.Teams.Localization.Texts.Count("List.Details", days, "X"));
    }

    [Theory]
    [InlineData("fr-CA", 0, "0 représentant")]
    [InlineData("fr-CA", 3, "3 représentants")]
    [InlineData("en-CA", 0, "0 representatives")]
    [InlineData("en-CA", 1, "1 representative")]
    public void Every_count_phrase_follows_the_language_s_rule(string language, int count, string expected)
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose(language));

        Assert.Equal(expected, FocusBot.Teams.Localization.Texts.Count("Recorded.Reps", count));
    }

    [Theory]
    [InlineData("fr-CA", "1,5\u00A0heure", "0\u00A0manquant")]
    [InlineData("en-CA", "1.5 hours", "0 missing")]
    public void The_figures_card_agrees_its_hours_and_missing_updates_with_their_number(string language, string hours, string missing)
    {
        using var _ = BotLanguage.Scope(BotLanguage.Choose(language));
        var report = new FiguresReport(["demo"], FiguresPeriod.LastTwelveMonths(new DateOnly(2026, 11, 26)), SituationsRecorded: 1, People: 1,
            RiskFactors: [], SituationsConcluded: 0, Outcomes: [], MedianHoursToLeadAcceptance: 1.5, MedianHoursToFortyEightHourUpdate: 1.04,
            FortyEightHourUpdates: new FortyEightHourUpdateFigures(OnTime: 1, Late: 0, Missing: 0), Barriers: []);

        var facts = Facts(Json(FiguresCard.Build(report, [Demo], Catalogue))).ToDictionary(f => f.Title, f => f.Value);
        var values = string.Join("\n", facts.Values).Replace(' ', '\u00A0');

        Assert.Contains(hours.Replace(' ', '\u00A0'), values);
        Assert.Contains(missing.Replace(' ', '\u00A0'), values);
        // 1.04 hours is shown as 1: the noun agrees with the number shown.
        Assert.Contains(language == "fr-CA" ? "1\u00A0heure" : "1\u00A0hour", values);
        Assert.DoesNotContain(language == "fr-CA" ? "1\u00A0heures" : "1\u00A0hours", values);
    }

    [Fact]
    public void Every_count_has_its_singular_and_its_plural_in_both_languages()
    {
        foreach (var file in new[] { "Texts.resx", "Texts.fr-CA.resx" })
        {
            var keys = Values(file).Keys.ToHashSet();
            foreach (var key in keys.Where(k => k.EndsWith(".One", StringComparison.Ordinal)))
                Assert.Contains(key[..^4] + ".Many", keys);
            foreach (var key in keys.Where(k => k.EndsWith(".Many", StringComparison.Ordinal)))
                Assert.Contains(key[..^5] + ".One", keys);
        }
    }

    /// <summary>
    /// A refusal's title names what was not done ("Acceptance not recorded", "Acceptation non enregistrée"), never a bare
    /// "Not accepted" / "Non accepté" that reads as the other side's answer, nor "Cannot …" that reads as a fault.
    /// </summary>
    [Fact]
    public void Refusal_titles_name_what_was_not_done_in_both_languages()
    {
        foreach (var file in new[] { "Texts.resx", "Texts.fr-CA.resx" })
        {
            var titles = Values(file).Where(e => e.Key.StartsWith("Refused.", StringComparison.Ordinal)
                || e.Key.StartsWith("TabApi.Title.Not", StringComparison.Ordinal) && e.Key is not ("TabApi.Title.NotFound" or "TabApi.Title.NotOnRoster" or "TabApi.Title.NotSignedIn"))
                .ToList();
            Assert.NotEmpty(titles);
            Assert.All(titles, t => Assert.DoesNotMatch(@"^(Not|Non|Cannot|Impossible)\b", t.Value));
            Assert.All(titles, t => Assert.Matches(@"\b(not|non|n'a pas été)\b", t.Value));
        }
    }

    /// <summary>
    /// The OQLF's rule for Québec and Canadian French (Banque de dépannage linguistique, "Espacement avant et après les
    /// signes de ponctuation"): no space before the semicolon, the exclamation and the question mark; a no-break space
    /// before the colon and inside « guillemets ». Placeholders (<c>{0:0.#}</c>) and date patterns are not prose.
    /// </summary>
    [Fact]
    public void French_resources_follow_the_OQLF_spacing_around_punctuation()
    {
        var problems = new List<string>();
        foreach (var (key, value) in Values("Texts.fr-CA.resx").Where(e => !e.Key.StartsWith("Format.", StringComparison.Ordinal)))
        {
            var prose = Placeholder().Replace(value, "{}");
            foreach (Match m in SpaceBeforeHighPunctuation().Matches(prose)) problems.Add($"{key}: space before '{m.Value.Trim()}' in \"{value}\"");
            foreach (Match m in Colon().Matches(prose))
                if (m.Index == 0 || prose[m.Index - 1] != '\u00A0') problems.Add($"{key}: no no-break space before ':' in \"{value}\"");
            foreach (Match m in Guillemets().Matches(prose))
                if ((m.Value == "«" && (m.Index + 1 >= prose.Length || prose[m.Index + 1] != '\u00A0'))
                    || (m.Value == "»" && (m.Index == 0 || prose[m.Index - 1] != '\u00A0')))
                    problems.Add($"{key}: no no-break space inside '{m.Value}' in \"{value}\"");
        }

        Assert.Empty(problems);
    }

    private static Dictionary<string, string> Values(string file) =>
        XDocument.Load(Path.Combine(Repository.TeamsSource, "Localization", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [GeneratedRegex(@"\{\d+(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s[;!?]")]
    private static partial Regex SpaceBeforeHighPunctuation();

    [GeneratedRegex(":")]
    private static partial Regex Colon();

    [GeneratedRegex("[«»]")]
    private static partial Regex Guillemets();
}

using System.Globalization;
using System.Text;
using FocusBot.Core.Privacy;
using Xunit.Abstractions;

namespace FocusBot.Core.Tests.Privacy;

/// <summary>
/// The guard against a labelled corpus of synthetic notes (<c>notes-corpus.tsv</c>): recall per kind (identifying notes
/// in which the guard finds that kind), false alarms per kind (clean notes in which it finds that kind), overall.
/// Run with <c>--logger "console;verbosity=detailed"</c> to see the table.
/// </summary>
public sealed class IdentifierCorpusTests(ITestOutputHelper output)
{
    private const double MinimumRecall = 0.95;
    private const double MaximumFalseAlarms = 0.05;

    /// <summary>The notes are read as written on this day, with these agencies on the roster.</summary>
    private static readonly IdentifierContext Context = new(new DateOnly(2026, 11, 30),
    [
        "City Community Safety", "Police Division 99", "Northside Mental Health", "Harbour Housing Services",
        "YouthLink Services", "Jean Tweed Centre", "Parkdale Queen West Community Health Centre", "Victim Services Toronto",
        "Seniors Safety Line", "Daily Bread Food Bank", "Furniture Bank", "Boys and Girls Club", "Black Creek Community Health Centre",
        "Regent Park Community Health Centre", "Thorncliffe Park Women's Committee", "CAMH", "Toronto Western Hospital",
    ]);

    private static readonly Dictionary<string, IdentifierKind> Kinds = new()
    {
        ["name"] = IdentifierKind.PersonName,
        ["sin"] = IdentifierKind.SocialInsuranceNumber,
        ["dob"] = IdentifierKind.DateOfBirth,
        ["phone"] = IdentifierKind.PhoneNumber,
        ["email"] = IdentifierKind.EmailAddress,
        ["health-card"] = IdentifierKind.HealthCardNumber,
        ["postal-code"] = IdentifierKind.PostalCode,
        ["address"] = IdentifierKind.StreetAddress,
    };

    private sealed record Note(string Kind, string Language, string Text);

    private static IReadOnlyList<Note> Corpus() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Privacy", "notes-corpus.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .Select(columns => new Note(columns[0], columns[1], columns[2]))
            .ToList();

    [Fact]
    public void Corpus_is_large_balanced_bilingual_and_labelled_with_known_kinds()
    {
        var notes = Corpus();

        Assert.True(notes.Count >= 300, $"{notes.Count} notes");
        Assert.All(notes, n => Assert.True(n.Kind == "clean" || Kinds.ContainsKey(n.Kind), n.Kind));
        var identifying = notes.Count(n => n.Kind != "clean");
        Assert.InRange(identifying / (double)notes.Count, 0.45, 0.55);
        Assert.InRange(notes.Count(n => n.Language == "fr") / (double)notes.Count, 0.15, 0.30);
        Assert.Equal(notes.Count, notes.Select(n => n.Text).Distinct().Count());
    }

    [Fact]
    public void Guard_catches_at_least_95_percent_and_false_alarms_under_5_percent()
    {
        var notes = Corpus();
        var found = notes.ToDictionary(n => n, n => IdentifierGuard.Find(n.Text, Context));
        var clean = notes.Where(n => n.Kind == "clean").ToList();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{"kind",-12} {"notes",5} {"caught",6} {"recall",7} {"false alarms",13}");
        foreach (var (label, kind) in Kinds)
        {
            var ofKind = notes.Where(n => n.Kind == label).ToList();
            var caught = ofKind.Count(n => found[n].Any(f => f.Kind == kind));
            var falseAlarms = clean.Count(n => found[n].Any(f => f.Kind == kind));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"{label,-12} {ofKind.Count,5} {caught,6} {Percent(caught, ofKind.Count),7} {falseAlarms,4} ({Percent(falseAlarms, clean.Count)})");
        }

        var identifying = notes.Where(n => n.Kind != "clean").ToList();
        var caughtAny = identifying.Count(n => found[n].Count > 0);
        var alarmed = clean.Where(n => found[n].Count > 0).ToList();
        var recall = caughtAny / (double)identifying.Count;
        var falseAlarmRate = alarmed.Count / (double)clean.Count;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"{"overall",-12} {identifying.Count,5} {caughtAny,6} {Percent(caughtAny, identifying.Count),7} {alarmed.Count,4} ({Percent(alarmed.Count, clean.Count)}) of {clean.Count} clean notes");
        foreach (var language in new[] { "en", "fr" })
        {
            var mine = notes.Where(n => n.Language == language).ToList();
            var ident = mine.Where(n => n.Kind != "clean").ToList();
            var cleanMine = mine.Where(n => n.Kind == "clean").ToList();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"{language,-12} {ident.Count,5} {ident.Count(n => found[n].Count > 0),6} {Percent(ident.Count(n => found[n].Count > 0), ident.Count),7} {cleanMine.Count(n => found[n].Count > 0),4} ({Percent(cleanMine.Count(n => found[n].Count > 0), cleanMine.Count)})");
        }

        foreach (var missed in identifying.Where(n => found[n].Count == 0))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"missed ({missed.Kind}): {missed.Text}");
        }

        foreach (var note in alarmed)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"false alarm: {note.Text} <- {string.Join(", ", found[note].Select(f => $"{f.Detector} '{f.PassageIn(note.Text)}'"))}");
        }

        output.WriteLine(report.ToString());
        Assert.True(recall >= MinimumRecall, $"Recall {recall:P1} is under {MinimumRecall:P0}.\n{report}");
        Assert.True(falseAlarmRate <= MaximumFalseAlarms, $"False alarms {falseAlarmRate:P1} are over {MaximumFalseAlarms:P0}.\n{report}");
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (part / (double)whole).ToString("P1", CultureInfo.InvariantCulture);
}

using System.Globalization;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Figures;
using FocusBot.Core.Roster;
using FocusBot.Teams.Cards;

namespace FocusBot.Teams.Figures;

/// <summary>The figures a table reports, as a card: counts and medians only, never a situation's details.</summary>
public static class FiguresCard
{
    private static readonly CultureInfo Canada = CultureInfo.GetCultureInfo("en-CA");

    public static AdaptiveCard Build(FiguresReport report, IReadOnlyList<Table> tables, SituationCatalogue catalogue)
    {
        var names = string.Join(", ", tables.Select(t => t.Name));
        var period = $"{report.Period.From.ToString("d MMMM yyyy", Canada)} to {report.Period.To.AddDays(-1).ToString("d MMMM yyyy", Canada)}";
        var updates = report.FortyEightHourUpdates;

        return new AdaptiveCard()
            .Heading($"Figures: {names}")
            .Text(period, subtle: true)
            .Facts(
                ("Situations recorded", report.SituationsRecorded.ToString(Canada)),
                ("Of which not AER", report.NotAer.ToString(Canada)),
                ("People (counted)", report.People.ToString(Canada)),
                ("Situations concluded", report.SituationsConcluded.ToString(Canada)),
                ("Median time to lead acceptance", Hours(report.MedianHoursToLeadAcceptance)),
                ("Median time to the 48-hour update", Hours(report.MedianHoursToFortyEightHourUpdate)),
                ("48-hour updates on time", updates.Due == 0
                    ? "none due yet"
                    : $"{updates.OnTime} of {updates.Due} ({updates.OnTimeRate!.Value.ToString("P0", Canada)}); {updates.Late} late, {updates.Missing} missing"))
            .Add(Element.Text("Risk factors", weight: "Bolder"))
            .Text(Counts(report.RiskFactors, catalogue.RiskFactors, top: 8))
            .Add(Element.Text("Outcomes", weight: "Bolder"))
            .Text(Counts(report.Outcomes, catalogue.Outcomes))
            .Add(Element.Text("Systemic barriers met", weight: "Bolder"))
            .Text(Counts(report.Barriers, catalogue.Barriers))
            .Add(Element.Text("Services mobilized", weight: "Bolder"))
            .Text(Counts(report.Services ?? [], catalogue.Services))
            .Text("People is the sum of each situation's people count: 1 for a person, the family's size, 0 for a place.", subtle: true);
    }

    private static string Hours(double? hours) => hours is { } h ? $"{h.ToString("0.#", Canada)} hours" : "no data yet";

    private static string Counts(IReadOnlyList<FigureCount> counts, CatalogueList labels, int? top = null)
    {
        var shown = counts.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Id).ToList();
        if (shown.Count == 0) return "none";
        var listed = shown.Take(top ?? shown.Count).Select(c => $"{(labels.Contains(c.Id) ? labels.LabelOf(c.Id) : c.Id)}: {c.Count}");
        var more = top is { } n && shown.Count > n ? $" (and {shown.Count - n} more)" : "";
        return string.Join(" · ", listed) + more;
    }
}

using System.Globalization;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Figures;
using FocusBot.Core.Roster;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Figures;

/// <summary>The figures a table reports, as a card: counts and medians only, never a situation's details.</summary>
public static class FiguresCard
{
    public static AdaptiveCard Build(FiguresReport report, IReadOnlyList<Table> tables, SituationCatalogue catalogue)
    {
        var names = string.Join(", ", tables.Select(t => t.Name));
        var period = Texts.Get("Figures.Period", TableTime.Describe(report.Period.From), TableTime.Describe(report.Period.To.AddDays(-1)));
        var updates = report.FortyEightHourUpdates;

        return new AdaptiveCard()
            .Heading(Texts.Get("Figures.Heading", names))
            .Text(period, subtle: true)
            .Facts(
                (Texts.Get("Figures.Recorded"), Number(report.SituationsRecorded)),
                (Texts.Get("Figures.NotAer"), Number(report.NotAer)),
                (Texts.Get("Figures.People"), Number(report.People)),
                (Texts.Get("Figures.Concluded"), Number(report.SituationsConcluded)),
                (Texts.Get("Figures.MedianAcceptance"), Hours(report.MedianHoursToLeadAcceptance)),
                (Texts.Get("Figures.MedianUpdate"), Hours(report.MedianHoursToFortyEightHourUpdate)),
                (Texts.Get("Figures.OnTime"), updates.Due == 0
                    ? Texts.Get("Figures.NoneDue")
                    : Texts.Get("Figures.OnTimeValue", updates.OnTime, updates.Due, updates.OnTimeRate!.Value, updates.Late,
                        Texts.Count("Figures.Missing", updates.Missing))))
            .Add(Element.Text(Texts.Get("Fact.RiskFactors"), weight: "Bolder"))
            .Text(Counts(report.RiskFactors, catalogue.RiskFactors, top: 8))
            .Add(Element.Text(Texts.Get("Figures.Outcomes"), weight: "Bolder"))
            .Text(Counts(report.Outcomes, catalogue.Outcomes))
            .Add(Element.Text(Texts.Get("Figures.Barriers"), weight: "Bolder"))
            .Text(Counts(report.Barriers, catalogue.Barriers))
            .Add(Element.Text(Texts.Get("Figures.Services"), weight: "Bolder"))
            .Text(Counts(report.Services ?? [], catalogue.Services))
            .Text(Texts.Get("Figures.PeopleNote"), subtle: true);
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Hours to one decimal, the noun agreeing with the number shown ("1 hour", "1.5 hours"; "1,5 heure", "2 heures").</summary>
    private static string Hours(double? hours) =>
        hours is { } h ? Texts.Count("Figures.Hours", Math.Round(h, 1, MidpointRounding.AwayFromZero)) : Texts.Get("Figures.NoData");

    private static string Counts(IReadOnlyList<FigureCount> counts, CatalogueList labels, int? top = null)
    {
        var shown = counts.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Id).ToList();
        if (shown.Count == 0) return Texts.Get("Agency.None");
        var listed = string.Join(" · ", shown.Take(top ?? shown.Count).Select(c => Texts.Get("Figures.Count", labels.LocalLabelOf(c.Id), c.Count)));
        return top is { } n && shown.Count > n ? Texts.Get("Figures.AndMore", listed, shown.Count - n) : listed;
    }
}

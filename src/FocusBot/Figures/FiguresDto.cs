using FocusBot.Core.Catalogue;
using FocusBot.Core.Figures;

namespace FocusBot.Figures;

/// <summary>A catalogue entry (risk factor, outcome, barrier) with how many times it was met.</summary>
public sealed record FigureCountDto(string Id, string Label, int Count);

/// <summary>48-hour updates of the situations recorded in the period: on time, late, and due but never posted.</summary>
public sealed record FortyEightHourUpdatesDto(int OnTime, int Late, int Missing, double? OnTimeRate);

/// <summary>
/// What <c>GET /api/v1/stats</c> answers. <c>situations</c>, <c>people</c>, <c>riskFactors</c>, the medians and
/// <c>fortyEightHourUpdates</c> follow the situations first discussed in the period; <c>concluded</c> and
/// <c>outcomes</c> the situations concluded in it; <c>barriers</c> the updates posted in it. Each situation counts as
/// one person (no head count is recorded). Medians are in hours; null when there is nothing to take one of.
/// </summary>
public sealed record FiguresDto(
    IReadOnlyList<string> Tables, DateOnly From, DateOnly To, int Situations, int People, IReadOnlyList<FigureCountDto> RiskFactors,
    int Concluded, IReadOnlyList<FigureCountDto> Outcomes, double? MedianHoursToLeadAcceptance, double? MedianHoursToFortyEightHourUpdate,
    FortyEightHourUpdatesDto FortyEightHourUpdates, IReadOnlyList<FigureCountDto> Barriers)
{
    public static FiguresDto Of(FiguresReport report, SituationCatalogue catalogue) => new(
        report.TableIds, report.Period.From, report.Period.To, report.SituationsRecorded, report.People,
        Counts(report.RiskFactors, catalogue.RiskFactors), report.SituationsConcluded, Counts(report.Outcomes, catalogue.Outcomes),
        report.MedianHoursToLeadAcceptance, report.MedianHoursToFortyEightHourUpdate,
        new FortyEightHourUpdatesDto(report.FortyEightHourUpdates.OnTime, report.FortyEightHourUpdates.Late,
            report.FortyEightHourUpdates.Missing, report.FortyEightHourUpdates.OnTimeRate),
        Counts(report.Barriers, catalogue.Barriers));

    private static List<FigureCountDto> Counts(IEnumerable<FigureCount> counts, CatalogueList list) =>
        counts.Select(c => new FigureCountDto(c.Id, list.LabelOf(c.Id), c.Count)).ToList();
}

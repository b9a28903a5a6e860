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
/// <c>outcomes</c> the situations concluded in it; <c>barriers</c> and <c>services</c> the updates posted in it.
/// <c>situations</c> counts every discussion recorded, <c>notAer</c> those found below the threshold among them.
/// <c>people</c> is a count: the sum of the situations' <c>peopleCount</c> (1 for a person, the family's size, 0 for a
/// place). Medians are in hours rounded to one decimal, the on-time rate to three decimals; null when there is nothing
/// to take one of.
/// </summary>
public sealed record FiguresDto(
    IReadOnlyList<string> Tables, DateOnly From, DateOnly To, int Situations, int NotAer, int People, IReadOnlyList<FigureCountDto> RiskFactors,
    int Concluded, IReadOnlyList<FigureCountDto> Outcomes, double? MedianHoursToLeadAcceptance, double? MedianHoursToFortyEightHourUpdate,
    FortyEightHourUpdatesDto FortyEightHourUpdates, IReadOnlyList<FigureCountDto> Barriers, IReadOnlyList<FigureCountDto> Services)
{
    public static FiguresDto Of(FiguresReport report, SituationCatalogue catalogue) => new(
        report.TableIds, report.Period.From, report.Period.To, report.SituationsRecorded, report.NotAer, report.People,
        Counts(report.RiskFactors, catalogue.RiskFactors), report.SituationsConcluded, Counts(report.Outcomes, catalogue.Outcomes),
        Round(report.MedianHoursToLeadAcceptance, 1), Round(report.MedianHoursToFortyEightHourUpdate, 1),
        new FortyEightHourUpdatesDto(report.FortyEightHourUpdates.OnTime, report.FortyEightHourUpdates.Late,
            report.FortyEightHourUpdates.Missing, Round(report.FortyEightHourUpdates.OnTimeRate, 3)),
        Counts(report.Barriers, catalogue.Barriers), Counts(report.Services ?? [], catalogue.Services));

    private static double? Round(double? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;

    private static List<FigureCountDto> Counts(IEnumerable<FigureCount> counts, CatalogueList list) =>
        counts.Select(c => new FigureCountDto(c.Id, list.LabelOf(c.Id), c.Count)).ToList();
}

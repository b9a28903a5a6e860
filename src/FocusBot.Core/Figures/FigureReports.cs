using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Core.Figures;

/// <summary>
/// The figures of some tables for a period, for every edge (the <c>stats</c> card, <c>GET /api/v1/stats</c>, the
/// dashboard tab): loads the tables' situations and computes them as of now. Which tables a member may ask for is the
/// edge's to decide with <see cref="SituationListing.CoChairedTables"/>.
/// </summary>
public sealed class FigureReports(ISituationStore situations, TimeProvider time)
{
    /// <summary>
    /// The figures of <paramref name="tables"/> for <paramref name="period"/> (<see cref="TableFigures"/>), counted in the
    /// database (<see cref="ISituationStore.FigureFactsAsync"/>): no situation is read.
    /// </summary>
    public async Task<FiguresReport> ReportAsync(IReadOnlyList<Table> tables, FiguresPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(period);
        var facts = tables.Count == 0 ? FigureFacts.None : await situations.FigureFactsAsync(tables, period, cancellationToken);
        return TableFigures.Compute(facts, tables, period, time.GetUtcNow());
    }

    /// <summary>The dashboard's figures and series for <paramref name="tables"/> and <paramref name="period"/> (<see cref="DashboardFigures.Compute"/>).</summary>
    public async Task<DashboardReport> DashboardAsync(IReadOnlyList<Table> tables, FiguresPeriod period, CancellationToken cancellationToken) =>
        DashboardFigures.Compute(await OfAsync(tables, period, cancellationToken), tables, period, time.GetUtcNow());

    /// <summary>The situations the period's figures can count (<see cref="SituationQuery.CountedIn"/>), not the tables' whole history.</summary>
    private async Task<IReadOnlyList<Situation>> OfAsync(IReadOnlyList<Table> tables, FiguresPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(period);
        return tables.Count == 0 ? [] : await situations.ListAsync(new SituationQuery([.. tables.Select(t => t.Id)], CountedIn: period), cancellationToken);
    }
}

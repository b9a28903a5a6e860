using System.Globalization;
using FocusBot.Core.Audit;

namespace FocusBot.Core.Privacy;

/// <summary>What a purge would erase, or erased.</summary>
public sealed record PurgeReport(DateTimeOffset Cutoff, int RetentionMonths, IReadOnlyList<ErasableSituation> Situations, int Erased);

/// <summary>
/// Reduces concluded situations to de-identified statistics <c>Privacy:RetentionMonths</c> after their conclusion
/// (DESIGN.md, "Retention"): the summary, notes, next steps, decline reasons and who answered or wrote are erased;
/// the filter-2 fields, agencies, dates, outcome, barriers and services stay, so the figures and the RTD export do
/// not change. Each situation erased gets an audit row (action purge) saying when and why.
/// </summary>
public sealed class RetentionPurge(IRetentionStore store, RetentionOptions options, TimeProvider time)
{
    /// <summary>The e-mail recorded on the purge's audit row.</summary>
    public const string Actor = "focusbot";

    /// <summary>What a purge now would erase; changes nothing.</summary>
    public async Task<PurgeReport> PlanAsync(CancellationToken cancellationToken)
    {
        var cutoff = options.CutoffAt(time.GetUtcNow());
        return new PurgeReport(cutoff, options.RetentionMonths, await store.ConcludedByAsync(cutoff, cancellationToken), 0);
    }

    /// <summary>Erases what is due now and records it, started <paramref name="through"/> the job or the command.</summary>
    public async Task<PurgeReport> PurgeAsync(AuditChannel through, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(cancellationToken);
        if (plan.Situations.Count == 0) return plan;

        var now = time.GetUtcNow();
        var records = plan.Situations.Select(s => new AuditEntry
        {
            At = now,
            Action = AuditAction.Purge,
            Through = through,
            SituationId = s.Id,
            MemberEmail = Actor,
            Detail = string.Create(CultureInfo.InvariantCulture,
                $"Text erased: concluded {s.ConcludedAt:yyyy-MM-dd}, {plan.RetentionMonths} months' retention (cutoff {plan.Cutoff:yyyy-MM-dd HH:mm}Z)."),
        }).ToList();
        var erased = await store.EraseAsync(plan.Situations.Select(s => s.Id).ToList(), now, records, cancellationToken);
        return plan with { Erased = erased };
    }
}

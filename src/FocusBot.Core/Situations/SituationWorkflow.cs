using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;

namespace FocusBot.Core.Situations;

/// <summary>What came of asking for a change: the situation as it now is, or that the member may not see it.</summary>
public sealed record WorkflowOutcome(Situation? Situation, SituationResult? Result)
{
    /// <summary>The situation does not exist or the member may not see it: the two are never told apart.</summary>
    public bool NotFound => Situation is null;
    public bool Succeeded => Result?.Succeeded == true;
}

/// <summary>The outcome of recording: the new situation, or every problem with the request by field.</summary>
public sealed record RecordOutcome(Situation? Situation, IReadOnlyDictionary<string, string[]> Problems);

/// <summary>
/// The situation journey from filter 3 on: record, accept or decline, update, conclude, re-open. Loads, applies the
/// domain rule, saves with optimistic concurrency (deciding again on a conflict), then tells people.
/// </summary>
public sealed class SituationWorkflow(
    ISituationStore situations, IRosterStore roster, ISituationNotifier notifier, SituationCatalogue catalogue, TimeProvider time)
{
    private const int MaxAttempts = 5;

    public async Task<RecordOutcome> RecordAsync(NewSituationRequest request, Member? recordedBy, CancellationToken cancellationToken)
    {
        var validation = new NewSituationValidator(catalogue, time).Validate(request, recordedBy,
            await roster.TablesAsync(cancellationToken), await roster.AgenciesAsync(cancellationToken));
        if (!validation.IsValid) return new(null, validation.Problems);

        var situation = await situations.RecordAsync(validation.NewSituation!, time.GetUtcNow(), cancellationToken);
        await notifier.SituationRecordedAsync(situation, cancellationToken);
        return new(situation, new Dictionary<string, string[]>());
    }

    public Task<WorkflowOutcome> AcceptAsync(string situationId, string agencyId, Member member, CancellationToken cancellationToken) =>
        ChangeAsync(situationId, member, (s, now) => s.Accept(agencyId, member, now), cancellationToken);

    public async Task<WorkflowOutcome> DeclineAsync(string situationId, string agencyId, string? reason, Member member, CancellationToken cancellationToken)
    {
        var agencyNames = await AgencyNamesAsync(cancellationToken);
        return await ChangeAsync(situationId, member, (s, now) => s.Decline(agencyId, member, reason, now, agencyNames), cancellationToken);
    }

    public async Task<WorkflowOutcome> PostUpdateAsync(string situationId, Member member, string? kindId, string? note, string? nextStep,
        IEnumerable<string>? barrierIds, CancellationToken cancellationToken)
    {
        var agencyNames = await AgencyNamesAsync(cancellationToken);
        return await ChangeAsync(situationId, member,
            (s, now) => s.PostUpdate(member, kindId, note, nextStep, barrierIds, catalogue, now, agencyNames), cancellationToken);
    }

    private async Task<string[]> AgencyNamesAsync(CancellationToken cancellationToken) =>
        (await roster.AgenciesAsync(cancellationToken)).Select(a => a.Name).ToArray();

    public Task<WorkflowOutcome> ConcludeAsync(string situationId, string? outcomeId, Member member, CancellationToken cancellationToken) =>
        ChangeAsync(situationId, member, (s, now) => s.Conclude(member, outcomeId, catalogue, now), cancellationToken);

    public Task<WorkflowOutcome> ReopenAsync(string situationId, Member member, CancellationToken cancellationToken) =>
        ChangeAsync(situationId, member, (s, now) => s.Reopen(member, now), cancellationToken);

    /// <summary>The situation if this member may see it at all (filter-2 view or more); else null.</summary>
    public async Task<Situation?> FindVisibleAsync(string situationId, Member? member, CancellationToken cancellationToken)
    {
        if (!SituationId.TryParse(situationId, out var id)) return null;
        var situation = await situations.FindAsync(id.ToString(), cancellationToken);
        return situation is not null && SituationVisibility.For(member, situation) != SituationAccess.None ? situation : null;
    }

    private async Task<WorkflowOutcome> ChangeAsync(string situationId, Member member,
        Func<Situation, DateTimeOffset, SituationResult> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var situation = await FindVisibleAsync(situationId, member, cancellationToken);
            if (situation is null) return new(null, null);

            var result = change(situation, time.GetUtcNow());
            if (!result.Succeeded || !result.Changed) return new(situation, result);

            if (await situations.TrySaveAsync(situation, cancellationToken))
            {
                await notifier.SituationChangedAsync(situation, result, cancellationToken);
                return new(situation, result);
            }
            // Someone changed it at the same moment: decide again on what is now stored (e.g. "already accepted").
            if (attempt == MaxAttempts) throw new InvalidOperationException($"Situation {situationId} kept changing; gave up after {MaxAttempts} attempts.");
        }
    }
}

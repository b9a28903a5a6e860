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
/// The situation journey from filter 3 on: record, accept or decline, change agencies, update, conclude, re-open.
/// Loads, applies the domain rule, saves with optimistic concurrency (deciding again on a conflict), then tells people
/// (the notifier also has the table's reminders re-planned).
/// </summary>
public sealed class SituationWorkflow(
    ISituationStore situations, IRosterStore roster, ISituationNotifier notifier, SituationCatalogue catalogue, TimeProvider time,
    SituationOptions? options = null)
{
    private const int MaxAttempts = 5;
    private readonly TimeSpan _updateDue = (options ?? new SituationOptions()).UpdateDue;

    public async Task<RecordOutcome> RecordAsync(NewSituationRequest request, Member? recordedBy, CancellationToken cancellationToken)
    {
        var validation = new NewSituationValidator(catalogue).Validate(request, recordedBy,
            await roster.TablesAsync(cancellationToken), await roster.AgenciesAsync(cancellationToken));
        if (!validation.IsValid) return new(null, validation.Problems);

        var situation = await situations.RecordAsync(validation.NewSituation! with { UpdateDueAfter = _updateDue }, time.GetUtcNow(), cancellationToken);
        // A discussion that did not meet the threshold is counted, and nobody is told anything.
        if (situation.AerMet) await notifier.SituationRecordedAsync(situation, cancellationToken);
        return new(situation, new Dictionary<string, string[]>());
    }

    public Task<WorkflowOutcome> AcceptAsync(string situationId, string agencyId, Member member, CancellationToken cancellationToken) =>
        ChangeAsync(situationId, member, (s, now) => s.Accept(agencyId, member, now), cancellationToken);

    public Task<WorkflowOutcome> DeclineAsync(string situationId, string agencyId, string? reason, Member member, CancellationToken cancellationToken) =>
        ChangeAsync(situationId, member, (s, now) => s.Decline(agencyId, member, reason, now), cancellationToken);

    /// <param name="serviceIds">Services mobilized (catalogue ids), or null for none.</param>
    public Task<WorkflowOutcome> PostUpdateAsync(string situationId, Member member, string? kindId, string? note, string? nextStep,
        IEnumerable<string>? barrierIds, CancellationToken cancellationToken, IEnumerable<string>? serviceIds = null) =>
        ChangeAsync(situationId, member, (s, now) => s.PostUpdate(member, kindId, note, nextStep, barrierIds, catalogue, now, serviceIds), cancellationToken);

    /// <summary>A co-chair names a new lead (<see cref="Situation.ChangeLead"/>); the agencies of the table come from the roster.</summary>
    public async Task<WorkflowOutcome> ChangeLeadAsync(string situationId, string agencyId, Member member, CancellationToken cancellationToken)
    {
        var tableAgencies = await TableAgenciesAsync(situationId, cancellationToken);
        return await ChangeAsync(situationId, member, (s, now) => s.ChangeLead(agencyId, member, tableAgencies, _updateDue, now), cancellationToken);
    }

    /// <summary>A co-chair adds an assisting agency (<see cref="Situation.AddAssisting"/>).</summary>
    public async Task<WorkflowOutcome> AddAssistingAsync(string situationId, string agencyId, Member member, CancellationToken cancellationToken)
    {
        var tableAgencies = await TableAgenciesAsync(situationId, cancellationToken);
        return await ChangeAsync(situationId, member, (s, now) => s.AddAssisting(agencyId, member, tableAgencies, now), cancellationToken);
    }

    /// <summary>A co-chair releases an assisting agency (<see cref="Situation.ReleaseAssisting"/>).</summary>
    public Task<WorkflowOutcome> ReleaseAsync(string situationId, string agencyId, Member member, CancellationToken cancellationToken) =>
        ChangeAsync(situationId, member, (s, now) => s.ReleaseAssisting(agencyId, member, now), cancellationToken);

    /// <summary>A co-chair asks a declined agency again (<see cref="Situation.AskAgain"/>).</summary>
    public Task<WorkflowOutcome> AskAgainAsync(string situationId, string agencyId, Member member, CancellationToken cancellationToken) =>
        ChangeAsync(situationId, member, (s, now) => s.AskAgain(agencyId, member, _updateDue, now), cancellationToken);

    /// <summary>The agencies on a table's roster: those with a member sitting at the table.</summary>
    public async Task<IReadOnlyList<Agency>> AgenciesAtTableAsync(string tableId, CancellationToken cancellationToken)
    {
        var atTable = (await roster.MembersOfTableAsync(tableId, cancellationToken))
            .Where(m => m.Role != MemberRole.Admin).Select(m => m.AgencyId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (await roster.AgenciesAsync(cancellationToken)).Where(a => atTable.Contains(a.Id)).ToList();
    }

    private async Task<IReadOnlyList<Agency>> TableAgenciesAsync(string situationId, CancellationToken cancellationToken) =>
        SituationId.TryParse(situationId, out var id) && await situations.FindAsync(id.ToString(), cancellationToken) is { } situation
            ? await AgenciesAtTableAsync(situation.TableId, cancellationToken)
            : [];

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

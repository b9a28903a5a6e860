using FocusBot.Core.Catalogue;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Roster;

namespace FocusBot.Core.Situations;

/// <summary>What came of asking for a change: the situation as it now is, or that the member may not see it.</summary>
public sealed record WorkflowOutcome(Situation? Situation, SituationResult? Result)
{
    /// <summary>The situation does not exist or the member may not see it: the two are never told apart.</summary>
    public bool NotFound => Situation is null;
    public bool Succeeded => Result?.Succeeded == true;
}

/// <summary>
/// The outcome of recording: the new situation (or the one this submission recorded before, <see cref="Repeated"/>),
/// or every problem with the request by field.
/// </summary>
public sealed record RecordOutcome(Situation? Situation, IReadOnlyDictionary<string, string[]> Problems, bool Repeated = false);

/// <summary>
/// The situation journey from filter 3 on: record, accept or decline, change agencies, update, conclude, re-open.
/// Loads, applies the domain rule, plans the messages the decision causes, and saves both in one transaction with
/// optimistic concurrency (deciding again on a conflict). It never sends anything itself: the dispatcher delivers the
/// outbox.
/// </summary>
public sealed class SituationWorkflow(
    ISituationStore situations, IRosterStore roster, IDispatchSignal dispatch, SituationCatalogue catalogue, TimeProvider time,
    SituationOptions? options = null)
{
    private const int MaxAttempts = 5;
    private readonly TimeSpan _updateDue = (options ?? new SituationOptions()).UpdateDue;

    /// <param name="submissionId">The form's submission id (made when the form was built): the same submission records one situation, however often it arrives.</param>
    /// <param name="confirmation">Where the recording co-chair sees the confirmation card, to redraw it when the deliveries finish.</param>
    public async Task<RecordOutcome> RecordAsync(NewSituationRequest request, Member? recordedBy, CancellationToken cancellationToken,
        string? submissionId = null, ConfirmationCard? confirmation = null)
    {
        var key = SubmissionKey(submissionId, "record");
        if (key is not null && await situations.OutcomeOfSubmissionAsync(key, cancellationToken) is { } recordedId
            && await situations.FindAsync(recordedId, cancellationToken) is { } recorded)
        {
            return new(recorded, new Dictionary<string, string[]>(), Repeated: true);
        }

        var validation = new NewSituationValidator(catalogue, time).Validate(request, recordedBy,
            await roster.TablesAsync(cancellationToken), await roster.AgenciesAsync(cancellationToken));
        if (!validation.IsValid) return new(null, validation.Problems);

        var newSituation = validation.NewSituation! with { UpdateDueAfter = _updateDue };
        var members = await roster.MembersOfTableAsync(newSituation.Table.Id, cancellationToken);
        var now = time.GetUtcNow();
        // A discussion that did not meet the threshold is counted, and nobody is told anything.
        var saved = await situations.RecordAsync(newSituation, key,
            situation => situation.AerMet ? SituationDeliveries.ForRecording(situation, members, confirmation, now) : [], now, cancellationToken);
        if (!saved.Repeated) dispatch.Wake(saved.Situation.TableId);
        return new(saved.Situation, new Dictionary<string, string[]>(), saved.Repeated);
    }

    public Task<WorkflowOutcome> AcceptAsync(string situationId, string agencyId, Member member, CancellationToken cancellationToken) =>
        ChangeAsync(situationId, member, (s, now) => s.Accept(agencyId, member, now), cancellationToken);

    public async Task<WorkflowOutcome> DeclineAsync(string situationId, string agencyId, string? reason, Member member, CancellationToken cancellationToken)
    {
        var agencyNames = await AgencyNamesAsync(cancellationToken);
        return await ChangeAsync(situationId, member, (s, now) => s.Decline(agencyId, member, reason, now, agencyNames), cancellationToken);
    }

    /// <param name="submissionId">The update form's submission id: the same form posts one update, however often it arrives.</param>
    /// <param name="serviceIds">Services mobilized (catalogue ids), or null for none.</param>
    public async Task<WorkflowOutcome> PostUpdateAsync(string situationId, Member member, string? kindId, string? note, string? nextStep,
        IEnumerable<string>? barrierIds, CancellationToken cancellationToken, string? submissionId = null, IEnumerable<string>? serviceIds = null)
    {
        var key = SubmissionKey(submissionId, "update");
        var agencyNames = await AgencyNamesAsync(cancellationToken);
        return await ChangeAsync(situationId, member, (s, now) => s.PostUpdate(member, kindId, note, nextStep, barrierIds, catalogue, now, agencyNames: agencyNames, serviceIds: serviceIds),
            cancellationToken,
            submission: result => key is null || result.PostedUpdate is null ? null : (key, result.PostedUpdate.Id.ToString()),
            // Checked on every attempt: a save that lost to the same submission on another instance finds it here.
            repeated: key is null ? null : async token => await situations.OutcomeOfSubmissionAsync(key, token) is { } posted
                ? await AlreadyPostedAsync(situationId, member, posted, token)
                : null);
    }

    private async Task<string[]> AgencyNamesAsync(CancellationToken cancellationToken) =>
        (await roster.AgenciesAsync(cancellationToken)).Select(a => a.Name).ToArray();

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

    /// <summary>Whether <paramref name="text"/> is made only of what a submission id may hold: ASCII letters, digits, <c>-_.:</c>.</summary>
    public static bool IsSubmissionIdText(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    /// <summary>
    /// A submission key of one verb (at most 80 characters, the column's size), or null without a usable submission id
    /// (old cards, the API without one). A form's id is a GUID; the Teams edge may instead pass <c>activity:</c> and the
    /// invoke's activity id, so that a redelivered invoke from a card without one still has one effect.
    /// </summary>
    private static string? SubmissionKey(string? submissionId, string verb) => submissionId switch
    {
        _ when Guid.TryParse(submissionId, out var id) => $"{verb}:{id:N}",
        { Length: > 0 } other when verb.Length + 1 + other.Length <= 80
            && IsSubmissionIdText(other) => $"{verb}:{other}",
        _ => null,
    };

    private async Task<WorkflowOutcome> AlreadyPostedAsync(string situationId, Member member, string updateId, CancellationToken cancellationToken)
    {
        var situation = await FindVisibleAsync(situationId, member, cancellationToken);
        if (situation is null) return new(null, null);
        // The same form sent for another situation (a form reused, or forged): said so, never taken for "not found".
        return situation.Updates.FirstOrDefault(u => u.Id.ToString() == updateId) is { } update
            ? new(situation, SituationResult.UpdateAlreadyPosted(update))
            : new(situation, SituationResult.SubmissionOfAnotherSituation(situation.Id));
    }

    private async Task<WorkflowOutcome> ChangeAsync(string situationId, Member member,
        Func<Situation, DateTimeOffset, SituationResult> change, CancellationToken cancellationToken,
        Func<SituationResult, (string Key, string Outcome)?>? submission = null,
        Func<CancellationToken, Task<WorkflowOutcome?>>? repeated = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (repeated is not null && await repeated(cancellationToken) is { } earlier) return earlier;
            var situation = await FindVisibleAsync(situationId, member, cancellationToken);
            if (situation is null) return new(null, null);

            var now = time.GetUtcNow();
            var result = change(situation, now);
            if (!result.Succeeded || !result.Changed) return new(situation, result);

            var deliveries = SituationDeliveries.ForChange(situation, result, await situations.CardsOfAsync(situation.Id, cancellationToken),
                await roster.MembersOfTableAsync(situation.TableId, cancellationToken), now);
            if (await situations.TrySaveAsync(situation, deliveries, cancellationToken, submission?.Invoke(result)))
            {
                dispatch.Wake(situation.TableId);
                return new(situation, result);
            }
            // Someone changed it at the same moment: decide again on what is now stored (e.g. "already accepted").
            if (attempt == MaxAttempts) throw new InvalidOperationException($"Situation {situationId} kept changing; gave up after {MaxAttempts} attempts.");
        }
    }
}

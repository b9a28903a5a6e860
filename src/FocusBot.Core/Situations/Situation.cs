using FocusBot.Core.Catalogue;
using FocusBot.Core.Privacy;
using FocusBot.Core.Roster;

namespace FocusBot.Core.Situations;

/// <summary>
/// A person, family or place the table found at acutely elevated risk, from the moment a co-chair records it
/// until it is concluded: the agencies named, how they answered, their updates and the history of every change.
/// </summary>
public sealed class Situation
{
    public const int MaxSummaryLength = 500;
    public const int MaxNoteLength = 1000;
    public const int MaxNextStepLength = 500;
    public const int MinDeclineReasonLength = 3;
    public const int MaxDeclineReasonLength = 300;
    public static readonly TimeSpan FortyEightHours = TimeSpan.FromHours(48);

    private List<string> _riskFactorIds = [];
    private readonly List<Assignment> _assignments = [];
    private readonly List<SituationUpdate> _updates = [];
    private readonly List<SituationEvent> _events = [];

    private Situation()
    {
        Id = TableId = TypeId = AgeGroupId = GenderId = OriginatingAgencyId = string.Empty;
    }

    public string Id { get; private set; }
    public string TableId { get; private set; }
    public string TypeId { get; private set; }
    public string AgeGroupId { get; private set; }
    public string GenderId { get; private set; }
    public IReadOnlyList<string> RiskFactorIds => _riskFactorIds;
    /// <summary>A short de-identified description, as discussed at filter 2.</summary>
    public string? Summary { get; private set; }
    public string OriginatingAgencyId { get; private set; }
    /// <summary>The meeting day (in the table's time zone) on which the table first discussed it.</summary>
    public DateOnly DiscussedOn { get; private set; }
    public SituationStatus Status { get; private set; }
    public string? OutcomeId { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LeadAcceptedAt { get; private set; }
    /// <summary>When the lead agency's 48-hour update falls due: 48 hours after it accepted.</summary>
    public DateTimeOffset? UpdateDueAt { get; private set; }
    /// <summary>Optimistic concurrency token: one more on every change.</summary>
    public int Version { get; private set; }
    /// <summary>
    /// When the retention job erased its text (summary, notes, next steps, decline reasons, who answered and who
    /// wrote), <c>Privacy:RetentionMonths</c> after it was concluded; null while the text is kept.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public IReadOnlyList<Assignment> Assignments => _assignments;
    public IReadOnlyList<SituationUpdate> Updates => _updates;
    public IReadOnlyList<SituationEvent> Events => _events;

    public Assignment LeadAssignment => _assignments.Single(a => a.Role == AssignmentRole.Lead);
    public string LeadAgencyId => LeadAssignment.AgencyId;
    public IEnumerable<Assignment> AssistingAssignments => _assignments.Where(a => a.Role == AssignmentRole.Assisting);
    public bool HasFortyEightHourUpdate => _updates.Any(u => u.IsFortyEightHourUpdate);

    /// <summary>Whether the agency is named on the situation and has not declined.</summary>
    public bool Involves(string agencyId) =>
        AssignmentOf(agencyId) is { State: not AssignmentState.Declined };

    public Assignment? AssignmentOf(string agencyId) =>
        _assignments.FirstOrDefault(a => string.Equals(a.AgencyId, agencyId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Records a situation the table has just agreed on, under an id the store allocated for its table.</summary>
    /// <exception cref="ArgumentException">The id is not of the situation's table.</exception>
    public static Situation Record(SituationId id, NewSituation newSituation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(newSituation);
        var table = newSituation.Table;
        if (!string.Equals(id.Code, table.Code, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Situation id {id} does not carry the code {table.Code} of table {table.Id}.", nameof(id));
        }

        var situation = new Situation
        {
            Id = id.ToString(),
            TableId = table.Id,
            TypeId = newSituation.Type,
            AgeGroupId = newSituation.AgeGroup,
            GenderId = newSituation.Gender,
            Summary = newSituation.Summary,
            OriginatingAgencyId = newSituation.OriginatingAgency,
            DiscussedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, table.TimeZone).DateTime),
            Status = SituationStatus.Open,
            CreatedAt = now,
        };
        situation._riskFactorIds.AddRange(newSituation.RiskFactors);
        situation._assignments.Add(new Assignment(newSituation.LeadAgency, AssignmentRole.Lead, now));
        situation._assignments.AddRange(newSituation.AssistingAgencies.Select(a => new Assignment(a, AssignmentRole.Assisting, now)));
        situation.Happened(now, newSituation.RecordedBy.Email, SituationEventKind.Recorded, null,
            $"lead {newSituation.LeadAgency}; assisting {(newSituation.AssistingAgencies.Count == 0 ? "none" : string.Join(", ", newSituation.AssistingAgencies))}");
        return situation;
    }

    /// <summary>A representative accepts their agency's part, as lead or assisting (whichever it was named for).</summary>
    public SituationResult Accept(string agencyId, Member member, DateTimeOffset now)
    {
        if (RefuseAnswerFor(agencyId, member, out var assignment) is { } refused)
        {
            return refused;
        }

        switch (assignment.State)
        {
            case AssignmentState.Accepted:
                return SituationResult.AlreadyDone($"{assignment.AgencyId} has already accepted as {RoleName(assignment)}.");
            case AssignmentState.Declined:
                return SituationResult.Refused(SituationRefusal.AlreadyDeclined,
                    $"{assignment.AgencyId} declined this situation; a co-chair can ask again.");
        }

        assignment.Accept(member.Email, now);
        if (assignment.Role == AssignmentRole.Lead)
        {
            LeadAcceptedAt = now;
            UpdateDueAt = now + FortyEightHours;
            Status = SituationStatus.Active;
        }

        Happened(now, member.Email, SituationEventKind.Accepted, assignment.AgencyId, $"accepted as {RoleName(assignment)}");
        return SituationResult.Done(assignment.Role == AssignmentRole.Lead
            ? $"{assignment.AgencyId} is the lead agency on {Id}. The 48-hour update is due by {UpdateDueAt:u}."
            : $"{assignment.AgencyId} is an assisting agency on {Id}.");
    }

    /// <summary>
    /// A representative declines their agency's part, saying why. A lead decline leaves the situation open and
    /// is flagged in the result so the co-chairs can name another lead. The reason is refused when it holds an
    /// identifying detail; <paramref name="agencyNames"/> (the roster's) are never taken for people's names.
    /// </summary>
    public SituationResult Decline(string agencyId, Member member, string? reason, DateTimeOffset now,
        IEnumerable<string>? agencyNames = null)
    {
        if (RefuseAnswerFor(agencyId, member, out var assignment) is { } refused)
        {
            return refused;
        }

        switch (assignment.State)
        {
            case AssignmentState.Declined:
                return SituationResult.AlreadyDone($"{assignment.AgencyId} has already declined.");
            case AssignmentState.Accepted:
                return SituationResult.Refused(SituationRefusal.AlreadyAccepted,
                    $"{assignment.AgencyId} has already accepted; please tell the co-chairs if that has changed.");
        }

        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length is < MinDeclineReasonLength or > MaxDeclineReasonLength)
        {
            return SituationResult.Refused(SituationRefusal.InvalidText,
                $"Please give a reason of {MinDeclineReasonLength} to {MaxDeclineReasonLength} characters.");
        }

        if (RefuseIdentifiers(now, agencyNames, trimmed) is { } identifying)
        {
            return identifying;
        }

        assignment.Decline(member.Email, trimmed, now);
        Happened(now, member.Email, SituationEventKind.Declined, assignment.AgencyId, $"declined as {RoleName(assignment)}");
        return assignment.Role == AssignmentRole.Lead
            ? SituationResult.LeadDeclinedDone($"{assignment.AgencyId} declined the lead on {Id}; the co-chairs will name another lead.")
            : SituationResult.Done($"{assignment.AgencyId} declined to assist on {Id}.");
    }

    /// <summary>A co-chair asks an agency that declined to reconsider.</summary>
    public SituationResult RequestAgain(string agencyId, Member member, DateTimeOffset now)
    {
        if (RefuseUnlessCoChair(member) is { } refused)
        {
            return refused;
        }

        if (Status == SituationStatus.Concluded)
        {
            return Concluded();
        }

        var assignment = AssignmentOf(agencyId);
        if (assignment is null)
        {
            return SituationResult.Refused(SituationRefusal.AgencyNotOnSituation, $"{agencyId} is not named on {Id}.");
        }

        if (assignment.State != AssignmentState.Declined)
        {
            return SituationResult.Refused(SituationRefusal.NotDeclined, $"{assignment.AgencyId} has not declined {Id}.");
        }

        assignment.RequestAgain(now);
        Happened(now, member.Email, SituationEventKind.RequestedAgain, assignment.AgencyId, $"asked again as {RoleName(assignment)}");
        return SituationResult.Done($"{assignment.AgencyId} has been asked again to take part in {Id}.");
    }

    /// <summary>
    /// An agency on the situation (or a co-chair) reports back. The lead agency's first update is the
    /// 48-hour update, on time when posted by <see cref="UpdateDueAt"/>.
    /// </summary>
    public SituationResult PostUpdate(
        Member member, string? kindId, string? note, string? nextStep, IEnumerable<string>? barrierIds,
        SituationCatalogue catalogue, DateTimeOffset now, IEnumerable<string>? agencyNames = null)
    {
        if (RefusePostingBy(member) is { } refused)
        {
            return refused;
        }

        var kind = catalogue.UpdateKinds.Find(kindId);
        if (kind is null)
        {
            return SituationResult.Refused(SituationRefusal.UnknownUpdateKind, "Please choose what kind of update this is.");
        }

        var barriers = new List<string>();
        foreach (var barrierId in barrierIds ?? [])
        {
            var barrier = catalogue.Barriers.Find(barrierId);
            if (barrier is null)
            {
                return SituationResult.Refused(SituationRefusal.UnknownBarrier, "One of the barriers is not on the table's list.");
            }

            if (!barriers.Contains(barrier.Id))
            {
                barriers.Add(barrier.Id);
            }
        }

        var trimmedNote = note?.Trim() ?? string.Empty;
        if (trimmedNote.Length is 0 or > MaxNoteLength)
        {
            return SituationResult.Refused(SituationRefusal.InvalidText, $"Please write a note of 1 to {MaxNoteLength} characters.");
        }

        var trimmedNextStep = string.IsNullOrWhiteSpace(nextStep) ? null : nextStep.Trim();
        if (trimmedNextStep?.Length > MaxNextStepLength)
        {
            return SituationResult.Refused(SituationRefusal.InvalidText, $"Please keep the next step under {MaxNextStepLength} characters.");
        }

        if (RefuseIdentifiers(now, agencyNames, trimmedNote, trimmedNextStep) is { } identifying)
        {
            return identifying;
        }

        var agencyId = AssignmentOf(member.AgencyId)?.AgencyId ?? member.AgencyId;
        var isFortyEightHourUpdate = WouldBeFortyEightHourUpdateFrom(agencyId);
        bool? wasOnTime = isFortyEightHourUpdate ? now <= UpdateDueAt : null;

        var update = new SituationUpdate(agencyId, member.Email, now, kind.Id, trimmedNote, trimmedNextStep, barriers,
            isFortyEightHourUpdate, wasOnTime);
        _updates.Add(update);
        var detail = isFortyEightHourUpdate
            ? $"48-hour update ({kind.Id}), {(wasOnTime == true ? "on time" : "late")}"
            : $"update ({kind.Id})";
        Happened(now, member.Email, SituationEventKind.UpdatePosted, agencyId, detail);
        return SituationResult.UpdatePosted(update, isFortyEightHourUpdate
            ? $"48-hour update posted on {Id}{(wasOnTime == true ? "." : ", after it was due.")}"
            : $"Update posted on {Id}.");
    }

    /// <summary>
    /// Why this member may not post an update on the situation at all (before anything is typed), or null when they
    /// may: only the co-chairs and agencies that accepted a part, while it is not concluded.
    /// </summary>
    public SituationResult? RefusePostingBy(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.SitsAt(TableId))
        {
            return NotAtTable();
        }

        if (Status == SituationStatus.Concluded)
        {
            return Concluded();
        }

        if (!member.IsCoChairOf(TableId) && AssignmentOf(member.AgencyId) is not { State: AssignmentState.Accepted })
        {
            return SituationResult.Refused(SituationRefusal.NoAcceptedAssignment,
                $"Only agencies that accepted a part in {Id}, and the co-chairs, can post updates.");
        }

        return null;
    }

    /// <summary>Whether an update from this agency now would be the lead agency's 48-hour update.</summary>
    public bool WouldBeFortyEightHourUpdateFrom(string agencyId) =>
        LeadAssignment is { State: AssignmentState.Accepted } lead
        && string.Equals(lead.AgencyId, agencyId, StringComparison.OrdinalIgnoreCase)
        && !HasFortyEightHourUpdate;

    /// <summary>A co-chair closes the situation with one of the table's outcomes.</summary>
    public SituationResult Conclude(Member member, string? outcomeId, SituationCatalogue catalogue, DateTimeOffset now)
    {
        if (RefuseUnlessCoChair(member) is { } refused)
        {
            return refused;
        }

        var outcome = catalogue.Outcomes.Find(outcomeId);
        if (Status == SituationStatus.Concluded)
        {
            // The same conclusion twice (a double click, a redelivered invoke) is not an error; a different one is.
            return outcome is not null && outcome.Id == OutcomeId
                ? SituationResult.AlreadyDone($"{Id} is concluded: {outcome.Label}.")
                : Concluded();
        }

        if (outcome is null)
        {
            return SituationResult.Refused(SituationRefusal.UnknownOutcome, "Please choose one of the table's outcomes.");
        }

        Status = SituationStatus.Concluded;
        OutcomeId = outcome.Id;
        ConcludedAt = now;
        Happened(now, member.Email, SituationEventKind.Concluded, null, $"outcome {outcome.Id}");
        return SituationResult.Done($"{Id} is concluded: {outcome.Label}.");
    }

    /// <summary>A co-chair re-opens a concluded situation: active again if a lead had accepted, else open.</summary>
    public SituationResult Reopen(Member member, DateTimeOffset now)
    {
        if (RefuseUnlessCoChair(member) is { } refused)
        {
            return refused;
        }

        if (Status != SituationStatus.Concluded)
        {
            return SituationResult.Refused(SituationRefusal.NotConcluded, $"{Id} is not concluded.");
        }

        Status = LeadAcceptedAt is null ? SituationStatus.Open : SituationStatus.Active;
        OutcomeId = null;
        ConcludedAt = null;
        Happened(now, member.Email, SituationEventKind.Reopened, null, $"re-opened as {Status.ToString().ToLowerInvariant()}");
        return SituationResult.Done($"{Id} is re-opened.");
    }

    private SituationResult? RefuseAnswerFor(string agencyId, Member member, out Assignment assignment)
    {
        assignment = null!;
        if (!member.SitsAt(TableId))
        {
            return NotAtTable();
        }

        if (member.Role is not (MemberRole.Rep or MemberRole.CoChair)
            || !string.Equals(member.AgencyId, agencyId, StringComparison.OrdinalIgnoreCase))
        {
            return SituationResult.Refused(SituationRefusal.NotYourAgency,
                $"Only a representative of {agencyId} at this table can answer for it.");
        }

        if (AssignmentOf(agencyId) is not { } found)
        {
            return SituationResult.Refused(SituationRefusal.AgencyNotOnSituation, $"{agencyId} is not named on {Id}.");
        }

        if (Status == SituationStatus.Concluded)
        {
            return Concluded();
        }

        assignment = found;
        return null;
    }

    private SituationResult? RefuseUnlessCoChair(Member member) =>
        member.IsCoChairOf(TableId)
            ? null
            : SituationResult.Refused(SituationRefusal.NotCoChair, "Only a co-chair of this table can do that.");

    private static SituationResult? RefuseIdentifiers(DateTimeOffset now, IEnumerable<string>? agencyNames, params string?[] texts)
    {
        var privacy = IdentifierContext.At(now, agencyNames);
        var refusals = texts
            .Where(t => t is not null)
            .Select(t => IdentifierGuard.Describe(t!, IdentifierGuard.Find(t, privacy)))
            .Where(d => d.Length > 0)
            .ToList();
        return refusals.Count == 0
            ? null
            : SituationResult.Refused(SituationRefusal.IdentifyingDetails, string.Join(" ", refusals));
    }

    private SituationResult NotAtTable() =>
        SituationResult.Refused(SituationRefusal.NotAtThisTable, "You do not sit at this situation's table.");

    private SituationResult Concluded() =>
        SituationResult.Refused(SituationRefusal.SituationConcluded, $"{Id} is concluded; a co-chair can re-open it.");

    private static string RoleName(Assignment assignment) =>
        assignment.Role == AssignmentRole.Lead ? "lead" : "assisting";

    private void Happened(DateTimeOffset at, string byEmail, SituationEventKind kind, string? agencyId, string detail)
    {
        _events.Add(new SituationEvent(at, byEmail, kind, agencyId, detail));
        Version++;
    }
}

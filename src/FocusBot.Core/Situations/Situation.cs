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
    /// <summary>When the current lead agency accepted (UTC); null while no lead has accepted, and again after a lead change.</summary>
    public DateTimeOffset? LeadAcceptedAt { get; private set; }
    /// <summary>
    /// Whether the table found the threshold of acutely elevated risk met. False for a discussion recorded as
    /// <see cref="SituationStatus.NotAer"/>: filter-2 fields only, no agencies, nothing sent.
    /// </summary>
    public bool AerMet { get; private set; } = true;
    /// <summary>How many people the intervention involves (RTD): 1 for a person, the family's size, 0 for a place.</summary>
    public int PeopleCount { get; private set; } = 1;
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

    /// <summary>The current (not released) lead assignment; null only for a not-AER discussion, which names no agencies.</summary>
    public Assignment? LeadAssignment => _assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead && a.IsCurrent);
    public string? LeadAgencyId => LeadAssignment?.AgencyId;
    /// <summary>The current (not released) assisting assignments, declined ones included.</summary>
    public IEnumerable<Assignment> AssistingAssignments => _assignments.Where(a => a.Role == AssignmentRole.Assisting && a.IsCurrent);
    public bool HasFortyEightHourUpdate => _updates.Any(u => u.IsFortyEightHourUpdate);
    /// <summary>When the current lead's 48-hour update falls due (UTC); see <see cref="Assignment.UpdateDueAt"/>.</summary>
    public DateTimeOffset? UpdateDueAt => LeadAssignment?.UpdateDueAt;

    /// <summary>Whether the agency is named on the situation and has neither declined nor been released.</summary>
    public bool Involves(string agencyId) =>
        AssignmentOf(agencyId) is { State: AssignmentState.Requested or AssignmentState.Accepted };

    /// <summary>The agency's current (not released) assignment, or null.</summary>
    public Assignment? AssignmentOf(string agencyId) =>
        _assignments.FirstOrDefault(a => a.IsCurrent && string.Equals(a.AgencyId, agencyId, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The one rule for who may accept or decline: the assignment this member would answer for (their agency's, still
    /// asked, they sit at the table as a rep or co-chair, the situation not concluded), or null when there is none.
    /// Cards, the API and tabs all ask this instead of working it out.
    /// </summary>
    public Assignment? AssignmentToAnswer(Member? member) =>
        member is { Role: MemberRole.Rep or MemberRole.CoChair }
        && member.SitsAt(TableId)
        && Status is SituationStatus.Open or SituationStatus.Active
        && AssignmentOf(member.AgencyId) is { State: AssignmentState.Requested } assignment
            ? assignment
            : null;

    /// <summary>Whether this member may accept or decline a part for their agency now (<see cref="AssignmentToAnswer"/>).</summary>
    public bool CanAnswer(Member? member) => AssignmentToAnswer(member) is not null;

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
            Summary = newSituation.AerMet ? newSituation.Summary : null,
            OriginatingAgencyId = newSituation.OriginatingAgency,
            DiscussedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, table.TimeZone).DateTime),
            Status = newSituation.AerMet ? SituationStatus.Open : SituationStatus.NotAer,
            AerMet = newSituation.AerMet,
            PeopleCount = newSituation.PeopleCount,
            CreatedAt = now,
        };
        situation._riskFactorIds.AddRange(newSituation.RiskFactors);
        if (!newSituation.AerMet)
        {
            situation.Happened(now, newSituation.RecordedBy.Email, SituationEventKind.Recorded, null, new EventFacts(Status: SituationStatus.NotAer));
            return situation;
        }

        // The 48-hour clock runs from the table's discussion, whoever accepts and whenever.
        situation._assignments.Add(new Assignment(newSituation.LeadAgency!, AssignmentRole.Lead, now, now + newSituation.UpdateDueAfter));
        situation._assignments.AddRange(newSituation.AssistingAgencies.Select(a => new Assignment(a, AssignmentRole.Assisting, now)));
        situation.Happened(now, newSituation.RecordedBy.Email, SituationEventKind.Recorded, newSituation.LeadAgency, new EventFacts(Status: SituationStatus.Open));
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
                    $"{assignment.AgencyId} declined this situation; a co-chair can ask again.", Args(assignment.AgencyId));
        }

        assignment.Accept(member.Email, now);
        if (assignment.Role == AssignmentRole.Lead)
        {
            // Only a lead asked before the due time moved to the recording has none: it keeps the old rule.
            assignment.EnsureUpdateDue(now + SituationOptions.DefaultUpdateDue);
            LeadAcceptedAt = now;
            Status = SituationStatus.Active;
        }

        Happened(now, member.Email, SituationEventKind.Accepted, assignment.AgencyId, new EventFacts(assignment.Role));
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
                    $"{assignment.AgencyId} has already accepted; please tell the co-chairs if that has changed.", Args(assignment.AgencyId));
        }

        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length is < MinDeclineReasonLength or > MaxDeclineReasonLength)
        {
            return SituationResult.Refused(SituationRefusal.InvalidText,
                $"Please give a reason of {MinDeclineReasonLength} to {MaxDeclineReasonLength} characters.",
                Args(field: "reason", min: MinDeclineReasonLength, max: MaxDeclineReasonLength));
        }

        if (RefuseIdentifiers(now, agencyNames, trimmed) is { } identifying)
        {
            return identifying;
        }

        assignment.Decline(member.Email, trimmed, now);
        Happened(now, member.Email, SituationEventKind.Declined, assignment.AgencyId, new EventFacts(assignment.Role));
        return assignment.Role == AssignmentRole.Lead
            ? SituationResult.LeadDeclinedDone($"{assignment.AgencyId} declined the lead on {Id}; the co-chairs can name another lead or ask it again.")
            : SituationResult.Done($"{assignment.AgencyId} declined to assist on {Id}.");
    }

    /// <summary>
    /// A co-chair asks an agency that declined to reconsider, in the same role. A lead asked again gets
    /// <paramref name="updateDue"/> (<c>Situations:UpdateDueHours</c>) from now for its 48-hour update.
    /// </summary>
    /// <returns>Done with <see cref="SituationResult.NewlyAsked"/> naming the agency; refused when the member is not a
    /// co-chair of the table, the situation is concluded or not AER, the agency is not on it, or it has not declined.</returns>
    public SituationResult AskAgain(string agencyId, Member member, TimeSpan updateDue, DateTimeOffset now)
    {
        if (RefuseAgencyChangeBy(member) is { } refused)
        {
            return refused;
        }

        var assignment = AssignmentOf(agencyId);
        if (assignment is null)
        {
            return SituationResult.Refused(SituationRefusal.AgencyNotOnSituation, $"{agencyId} is not named on {Id}.", Args(agencyId));
        }

        if (assignment.State != AssignmentState.Declined)
        {
            return SituationResult.Refused(SituationRefusal.NotDeclined, $"{assignment.AgencyId} has not declined {Id}.", Args(assignment.AgencyId));
        }

        assignment.RequestAgain(now, now + updateDue);
        Happened(now, member.Email, SituationEventKind.AskedAgain, assignment.AgencyId, new EventFacts(assignment.Role));
        return SituationResult.AgenciesChanged($"{assignment.AgencyId} has been asked again to take part in {Id}.",
            newlyAsked: [assignment.AgencyId], released: [], _events[^1]);
    }

    /// <summary>
    /// A co-chair names a new lead agency: the current lead (whatever it answered) is released, the new one is asked
    /// and gets <paramref name="updateDue"/> from now for its 48-hour update, and the situation is open again until it
    /// accepts. An assisting agency can be named lead: its assisting part is released.
    /// </summary>
    /// <param name="tableAgencies">The agencies on the roster of the situation's table (with a member sitting there).</param>
    /// <returns>Done with <see cref="SituationResult.NewlyAsked"/> (the new lead) and <see cref="SituationResult.Released"/>
    /// (the old lead); refused when the member is not a co-chair of the table, the situation is concluded or not AER,
    /// the agency is not on the table's roster, or it is already the lead.</returns>
    public SituationResult ChangeLead(string agencyId, Member member, IReadOnlyCollection<Agency> tableAgencies, TimeSpan updateDue,
        DateTimeOffset now)
    {
        if (RefuseAgencyChangeBy(member) is { } refused)
        {
            return refused;
        }

        if (RefuseUnlessAtTable(agencyId, tableAgencies, out var agency) is { } notAtTable)
        {
            return notAtTable;
        }

        var oldLead = LeadAssignment!;
        if (string.Equals(oldLead.AgencyId, agency.Id, StringComparison.OrdinalIgnoreCase))
        {
            return SituationResult.Refused(SituationRefusal.AlreadyOnSituation, $"{agency.Id} is already the lead agency on {Id}.",
                Args(agency.Id, AssignmentRole.Lead));
        }

        var released = new List<string> { oldLead.AgencyId };
        oldLead.Release(member.Email, now);
        if (AssignmentOf(agency.Id) is { } assisting)
        {
            assisting.Release(member.Email, now);
        }

        _assignments.Add(new Assignment(agency.Id, AssignmentRole.Lead, now, now + updateDue));
        Status = SituationStatus.Open;
        LeadAcceptedAt = null;
        Happened(now, member.Email, SituationEventKind.LeadChanged, agency.Id, new EventFacts(AssignmentRole.Lead, FormerAgencyId: oldLead.AgencyId));
        return SituationResult.AgenciesChanged($"{agency.Id} is asked to lead {Id}; {oldLead.AgencyId} is released.",
            newlyAsked: [agency.Id], released: released, _events[^1]);
    }

    /// <summary>A co-chair adds an assisting agency, which is asked at once.</summary>
    /// <param name="tableAgencies">The agencies on the roster of the situation's table (with a member sitting there).</param>
    /// <returns>Done with <see cref="SituationResult.NewlyAsked"/> naming the agency; refused when the member is not a
    /// co-chair of the table, the situation is concluded or not AER, the agency is not on the table's roster, or it is
    /// already on the situation (a declined agency is asked again instead).</returns>
    public SituationResult AddAssisting(string agencyId, Member member, IReadOnlyCollection<Agency> tableAgencies, DateTimeOffset now)
    {
        if (RefuseAgencyChangeBy(member) is { } refused)
        {
            return refused;
        }

        if (RefuseUnlessAtTable(agencyId, tableAgencies, out var agency) is { } notAtTable)
        {
            return notAtTable;
        }

        if (AssignmentOf(agency.Id) is { } existing)
        {
            return SituationResult.Refused(SituationRefusal.AlreadyOnSituation, existing.State == AssignmentState.Declined
                ? $"{agency.Id} is already on {Id} and declined; ask it again instead."
                : $"{agency.Id} is already on {Id} as {RoleName(existing)}.", Args(agency.Id, existing.Role, existing.State));
        }

        if (AssistingAssignments.Count() >= NewSituationValidator.MaxAssistingAgencies)
        {
            return SituationResult.Refused(SituationRefusal.TooManyAgencies,
                $"{Id} already has {NewSituationValidator.MaxAssistingAgencies} assisting agencies.", Args(max: NewSituationValidator.MaxAssistingAgencies));
        }

        _assignments.Add(new Assignment(agency.Id, AssignmentRole.Assisting, now));
        Happened(now, member.Email, SituationEventKind.AssistingAdded, agency.Id, new EventFacts(AssignmentRole.Assisting));
        return SituationResult.AgenciesChanged($"{agency.Id} is asked to assist on {Id}.", newlyAsked: [agency.Id], released: [], _events[^1]);
    }

    /// <summary>A co-chair releases an assisting agency (asked, accepted or declined); the lead is changed, never released alone.</summary>
    /// <returns>Done with <see cref="SituationResult.Released"/> naming the agency; refused when the member is not a
    /// co-chair of the table, the situation is concluded or not AER, the agency is not on it, or it is the lead.</returns>
    public SituationResult ReleaseAssisting(string agencyId, Member member, DateTimeOffset now)
    {
        if (RefuseAgencyChangeBy(member) is { } refused)
        {
            return refused;
        }

        var assignment = AssignmentOf(agencyId);
        if (assignment is null)
        {
            return SituationResult.Refused(SituationRefusal.AgencyNotOnSituation, $"{agencyId} is not named on {Id}.", Args(agencyId));
        }

        if (assignment.Role == AssignmentRole.Lead)
        {
            return SituationResult.Refused(SituationRefusal.IsLead, $"{assignment.AgencyId} is the lead agency on {Id}: name another lead instead.", Args(assignment.AgencyId));
        }

        assignment.Release(member.Email, now);
        Happened(now, member.Email, SituationEventKind.Released, assignment.AgencyId, new EventFacts(assignment.Role));
        return SituationResult.AgenciesChanged($"{assignment.AgencyId} is released from {Id}.", newlyAsked: [], released: [assignment.AgencyId], _events[^1]);
    }

    /// <summary>
    /// An agency on the situation (or a co-chair) reports back. The lead agency's first update is the
    /// 48-hour update, on time when posted by <see cref="UpdateDueAt"/>.
    /// </summary>
    /// <param name="serviceIds">Services mobilized (catalogue <c>Services</c> ids); none is fine.</param>
    public SituationResult PostUpdate(
        Member member, string? kindId, string? note, string? nextStep, IEnumerable<string>? barrierIds,
        SituationCatalogue catalogue, DateTimeOffset now, IEnumerable<string>? serviceIds = null, IEnumerable<string>? agencyNames = null)
    {
        if (RefusePostingBy(member) is { } refused)
        {
            return refused;
        }

        var kind = catalogue.UpdateKinds.Find(kindId);
        if (kind is null)
        {
            return SituationResult.Refused(SituationRefusal.UnknownUpdateKind, "Please choose what kind of update this is.", Args());
        }

        var barriers = new List<string>();
        foreach (var barrierId in barrierIds ?? [])
        {
            var barrier = catalogue.Barriers.Find(barrierId);
            if (barrier is null)
            {
                return SituationResult.Refused(SituationRefusal.UnknownBarrier, "One of the barriers is not on the table's list.", Args());
            }

            if (!barriers.Contains(barrier.Id))
            {
                barriers.Add(barrier.Id);
            }
        }

        var services = new List<string>();
        foreach (var serviceId in serviceIds ?? [])
        {
            var service = catalogue.Services.Find(serviceId);
            if (service is null)
            {
                return SituationResult.Refused(SituationRefusal.UnknownService, "One of the services is not on the table's list.", Args());
            }

            if (!services.Contains(service.Id))
            {
                services.Add(service.Id);
            }
        }

        var trimmedNote = note?.Trim() ?? string.Empty;
        if (trimmedNote.Length is 0 or > MaxNoteLength)
        {
            return SituationResult.Refused(SituationRefusal.InvalidText, $"Please write a note of 1 to {MaxNoteLength} characters.",
                Args(field: "note", min: 1, max: MaxNoteLength));
        }

        var trimmedNextStep = string.IsNullOrWhiteSpace(nextStep) ? null : nextStep.Trim();
        if (trimmedNextStep?.Length > MaxNextStepLength)
        {
            return SituationResult.Refused(SituationRefusal.InvalidText, $"Please keep the next step under {MaxNextStepLength} characters.",
                Args(field: "nextStep", max: MaxNextStepLength));
        }

        if (RefuseIdentifiers(now, agencyNames, trimmedNote, trimmedNextStep) is { } identifying)
        {
            return identifying;
        }

        var agencyId = AssignmentOf(member.AgencyId)?.AgencyId ?? member.AgencyId;
        var isFortyEightHourUpdate = WouldBeFortyEightHourUpdateFrom(agencyId);
        bool? wasOnTime = isFortyEightHourUpdate ? now <= UpdateDueAt : null;

        var update = new SituationUpdate(agencyId, member.Email, now, kind.Id, trimmedNote, trimmedNextStep, barriers,
            isFortyEightHourUpdate, wasOnTime, services);
        _updates.Add(update);
        Happened(now, member.Email, SituationEventKind.UpdatePosted, agencyId, new EventFacts(UpdateKindId: kind.Id, WasOnTime: wasOnTime));
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

        if (Status is SituationStatus.Concluded or SituationStatus.NotAer)
        {
            return Status == SituationStatus.NotAer ? NotAer() : Concluded();
        }

        if (!member.IsCoChairOf(TableId) && AssignmentOf(member.AgencyId) is not { State: AssignmentState.Accepted })
        {
            return SituationResult.Refused(SituationRefusal.NoAcceptedAssignment,
                $"Only agencies that accepted a part in {Id}, and the co-chairs, can post updates.", Args(member.AgencyId));
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
        if (Status == SituationStatus.NotAer)
        {
            return NotAer();
        }
        if (Status == SituationStatus.Concluded)
        {
            // The same conclusion twice (a double click, a redelivered invoke) is not an error; a different one is.
            return outcome is not null && outcome.Id == OutcomeId
                ? SituationResult.AlreadyDone($"{Id} is concluded: {outcome.Label}.")
                : Concluded();
        }

        if (outcome is null)
        {
            return SituationResult.Refused(SituationRefusal.UnknownOutcome, "Please choose one of the table's outcomes.", Args());
        }

        Status = SituationStatus.Concluded;
        OutcomeId = outcome.Id;
        ConcludedAt = now;
        Happened(now, member.Email, SituationEventKind.Concluded, null, new EventFacts(OutcomeId: outcome.Id, Status: SituationStatus.Concluded));
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
            return SituationResult.Refused(SituationRefusal.NotConcluded, $"{Id} is not concluded.", Args());
        }

        Status = LeadAssignment is { State: AssignmentState.Accepted } ? SituationStatus.Active : SituationStatus.Open;
        OutcomeId = null;
        ConcludedAt = null;
        Happened(now, member.Email, SituationEventKind.Reopened, null, new EventFacts(Status: Status));
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
                $"Only a representative of {agencyId} at this table can answer for it.", Args(agencyId));
        }

        if (AssignmentOf(agencyId) is not { } found)
        {
            return SituationResult.Refused(SituationRefusal.AgencyNotOnSituation, $"{agencyId} is not named on {Id}.", Args(agencyId));
        }

        if (Status == SituationStatus.Concluded)
        {
            return Concluded();
        }

        // Accepting or declining again answers as before (idempotent); a first answer follows the one rule.
        if (found.State == AssignmentState.Requested && !CanAnswer(member))
        {
            return SituationResult.Refused(SituationRefusal.NotYourAgency,
                $"Only a representative of {agencyId} at this table can answer for it.", Args(agencyId));
        }

        assignment = found;
        return null;
    }

    private SituationResult? RefuseUnlessCoChair(Member member) =>
        member.IsCoChairOf(TableId)
            ? null
            : SituationResult.Refused(SituationRefusal.NotCoChair, "Only a co-chair of this table can do that.", Args());

    private SituationResult? RefuseAgencyChangeBy(Member member)
    {
        if (RefuseUnlessCoChair(member) is { } refused)
        {
            return refused;
        }

        return Status switch
        {
            SituationStatus.Concluded => Concluded(),
            SituationStatus.NotAer => NotAer(),
            _ => null,
        };
    }

    private SituationResult? RefuseUnlessAtTable(string agencyId, IReadOnlyCollection<Agency> tableAgencies, out Agency agency)
    {
        agency = tableAgencies.FirstOrDefault(a => string.Equals(a.Id, agencyId?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return agency is null
            ? SituationResult.Refused(SituationRefusal.AgencyNotAtTable, $"{agencyId} is not on the roster of this table.", Args(agencyId))
            : null;
    }

    private SituationResult? RefuseIdentifiers(DateTimeOffset now, IEnumerable<string>? agencyNames, params string?[] texts)
    {
        var privacy = IdentifierContext.At(now, agencyNames);
        var identified = texts
            .Where(t => t is not null)
            .Select(t => new IdentifiedText(t!, IdentifierGuard.Find(t, privacy)))
            .Where(found => found.Findings.Count > 0)
            .ToList();
        return identified.Count == 0
            ? null
            : SituationResult.Refused(SituationRefusal.IdentifyingDetails,
                string.Join(" ", identified.Select(found => IdentifierGuard.Describe(found.Text, found.Findings))), Args(identified: identified));
    }

    private SituationResult NotAtTable() =>
        SituationResult.Refused(SituationRefusal.NotAtThisTable, "You do not sit at this situation's table.", Args());

    private SituationResult Concluded() =>
        SituationResult.Refused(SituationRefusal.SituationConcluded, $"{Id} is concluded; a co-chair can re-open it.", Args());

    private SituationResult NotAer() =>
        SituationResult.Refused(SituationRefusal.NotAer, $"{Id} was recorded as not meeting the threshold: it names no agencies and takes no updates.", Args());

    private static string RoleName(Assignment assignment) =>
        assignment.Role == AssignmentRole.Lead ? "lead" : "assisting";

    private RefusalArguments Args(string? agencyId = null, AssignmentRole? role = null, AssignmentState? state = null, string? field = null,
        int? min = null, int? max = null, IReadOnlyList<IdentifiedText>? identified = null) =>
        new(Id, agencyId, role, state, field, min, max, identified);

    private void Happened(DateTimeOffset at, string byEmail, SituationEventKind kind, string? agencyId, EventFacts facts)
    {
        _events.Add(new SituationEvent(at, byEmail, kind, agencyId, facts));
        Version++;
    }
}

namespace FocusBot.Core.Situations;

/// <summary>Why the situation refused a change.</summary>
public enum SituationRefusal
{
    None,
    /// <summary>The member does not sit at the situation's table.</summary>
    NotAtThisTable,
    /// <summary>The member tried to answer or act for an agency that is not their own.</summary>
    NotYourAgency,
    /// <summary>The agency is not named on the situation.</summary>
    AgencyNotOnSituation,
    /// <summary>Only a co-chair of the situation's table may do this.</summary>
    NotCoChair,
    /// <summary>The agency declined; it can accept only after a co-chair asks again.</summary>
    AlreadyDeclined,
    /// <summary>The agency accepted; a co-chair handles a change of heart.</summary>
    AlreadyAccepted,
    /// <summary>The assignment was not declined, so there is nothing to ask again.</summary>
    NotDeclined,
    /// <summary>The member's agency has not accepted a part in this situation.</summary>
    NoAcceptedAssignment,
    SituationConcluded,
    NotConcluded,
    /// <summary>A note, next step or reason is missing or too long.</summary>
    InvalidText,
    /// <summary>Free text holds a name-free but identifying detail (phone, address, ...).</summary>
    IdentifyingDetails,
    UnknownUpdateKind,
    UnknownBarrier,
    UnknownOutcome,
    UnknownService,
    /// <summary>The agency is not on the roster of the situation's table (unknown, or another table's).</summary>
    AgencyNotAtTable,
    /// <summary>The agency already has a part in the situation (or already leads it).</summary>
    AlreadyOnSituation,
    /// <summary>The lead cannot be released alone: a co-chair names another lead.</summary>
    IsLead,
    /// <summary>More assisting agencies than a table can name.</summary>
    TooManyAgencies,
    /// <summary>The discussion was recorded as not meeting the threshold: no agencies, no updates.</summary>
    NotAer,
    /// <summary>The update form's submission id already posted an update on another situation (a form is one submission, for one situation).</summary>
    SubmissionOfAnotherSituation,
}

/// <summary>
/// What a refusal is about, in ids and numbers (never words), so that each edge says it in its reader's language.
/// </summary>
/// <param name="SituationId">The situation refused.</param>
/// <param name="AgencyId">The agency concerned, as the roster (or the request) names it.</param>
/// <param name="Role">The part concerned, when one is (already on it as lead or assisting).</param>
/// <param name="State">The agency's answer so far, when it matters (already declined).</param>
/// <param name="Field">The free-text field refused: <c>reason</c>, <c>note</c> or <c>nextStep</c>.</param>
/// <param name="Min">The shortest allowed (characters), or the smallest number.</param>
/// <param name="Max">The longest allowed (characters), or the largest number.</param>
/// <param name="Identified">The texts that hold identifying details, with what was found in each.</param>
public sealed record RefusalArguments(
    string SituationId, string? AgencyId = null, AssignmentRole? Role = null, AssignmentState? State = null, string? Field = null,
    int? Min = null, int? Max = null, IReadOnlyList<IdentifiedText>? Identified = null);

/// <summary>A free text and the identifying details found in it (<see cref="Privacy.IdentifierGuard"/>).</summary>
public sealed record IdentifiedText(string Text, IReadOnlyList<Privacy.IdentifierFinding> Findings);

/// <summary>
/// How a change to a situation went. Business refusals are results, not exceptions: a code
/// (<see cref="Refusal"/>) with its <see cref="Arguments"/>, which Teams renders in the reader's language; the REST
/// API answers with <see cref="Message"/> (English).
/// </summary>
public sealed record SituationResult
{
    private SituationResult(bool succeeded, bool changed, SituationRefusal refusal, string message, RefusalArguments? arguments = null)
    {
        Succeeded = succeeded;
        Changed = changed;
        Refusal = refusal;
        Message = message;
        Arguments = arguments;
    }

    public bool Succeeded { get; }
    /// <summary>False when the request repeated what was already so (e.g. accepting twice): no event, no new version.</summary>
    public bool Changed { get; }
    public SituationRefusal Refusal { get; }
    /// <summary>An English sentence for the REST API's problem details and the logs; Teams renders <see cref="Refusal"/> instead.</summary>
    public string Message { get; }
    /// <summary>What a refusal is about; null on success.</summary>
    public RefusalArguments? Arguments { get; }
    /// <summary>The lead agency declined: the host tells the co-chairs, who name another lead.</summary>
    public bool LeadDeclined { get; private init; }
    /// <summary>The update just posted, when the change was an update.</summary>
    public SituationUpdate? PostedUpdate { get; private init; }
    /// <summary>
    /// Agencies asked by this change (a new lead, an added assisting agency, an agency asked again): their reps get the
    /// situation's card. Empty for every other change.
    /// </summary>
    public IReadOnlyList<string> NewlyAsked { get; private init; } = [];
    /// <summary>A change of agencies: the event that records it, from which notices are drawn in each reader's language.</summary>
    public Guid? ChangeEventId { get; private init; }
    /// <summary>Agencies released by this change (the old lead, a released assisting agency): they are told.</summary>
    public IReadOnlyList<string> Released { get; private init; } = [];

    internal static SituationResult Done(string message) => new(true, true, SituationRefusal.None, message);

    internal static SituationResult AlreadyDone(string message) => new(true, false, SituationRefusal.None, message);

    internal static SituationResult Refused(SituationRefusal refusal, string message, RefusalArguments arguments) =>
        new(false, false, refusal, message, arguments);

    internal static SituationResult LeadDeclinedDone(string message) =>
        new(true, true, SituationRefusal.None, message) { LeadDeclined = true };

    /// <summary>The same update form arrived again: nothing new, the update it posted before.</summary>
    internal static SituationResult UpdateAlreadyPosted(SituationUpdate update) =>
        new(true, false, SituationRefusal.None, "This update was already posted.") { PostedUpdate = update };

    /// <summary>The submission id posted an update on another situation: nothing is posted here.</summary>
    internal static SituationResult SubmissionOfAnotherSituation(string situationId) =>
        Refused(SituationRefusal.SubmissionOfAnotherSituation,
            $"This form already posted an update on another situation; open a new update form to post on {situationId}.",
            new RefusalArguments(situationId));

    internal static SituationResult AgenciesChanged(string message, IReadOnlyList<string> newlyAsked, IReadOnlyList<string> released, SituationEvent change) =>
        new(true, true, SituationRefusal.None, message) { NewlyAsked = newlyAsked, Released = released, ChangeEventId = change.Id };

    internal static SituationResult UpdatePosted(SituationUpdate update, string message) =>
        new(true, true, SituationRefusal.None, message) { PostedUpdate = update };
}

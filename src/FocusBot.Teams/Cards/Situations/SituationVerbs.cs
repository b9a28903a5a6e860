namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// The verbs that situation cards send back (in <c>Action.Execute</c>'s <c>verb</c> and in <c>data.verb</c> for the
/// <c>Action.Submit</c> fallback). The invoke handler dispatches on exactly these.
/// </summary>
public static class SituationVerbs
{
    /// <summary>Data <c>{ situationId, agencyId }</c>.</summary>
    public const string Accept = "situation.accept";
    /// <summary>Data <c>{ situationId, agencyId }</c> plus the input <c>reason</c>.</summary>
    public const string Decline = "situation.decline";
    /// <summary>Data <c>{ situationId }</c>: the card's refresh action, so each viewer gets their own buttons.</summary>
    public const string Refresh = "situation.refresh";
    /// <summary>No data; the new-situation form's inputs (see <see cref="NewSituationForm"/>).</summary>
    public const string Record = "situation.record";
    /// <summary>Data <c>{ situationId }</c>.</summary>
    public const string View = "situation.view";
    /// <summary>Data <c>{ situationId }</c>: opens the update form (see <see cref="UpdateForm"/>).</summary>
    public const string UpdateForm = "situation.updateForm";
    /// <summary>Data <c>{ situationId }</c> plus the update form's inputs <c>kind</c>, <c>note</c>, <c>nextStep</c>, <c>barriers</c>.</summary>
    public const string PostUpdate = "situation.postUpdate";
    /// <summary>Data <c>{ situationId }</c> plus the input <c>outcome</c> (co-chairs).</summary>
    public const string Conclude = "situation.conclude";
    /// <summary>Data <c>{ situationId }</c> (co-chairs).</summary>
    public const string Reopen = "situation.reopen";
    /// <summary>Data <c>{ situationId }</c> plus the inputs <c>change</c> and <c>agency</c> (co-chairs; see <see cref="AgencyChangeForm"/>).</summary>
    public const string ChangeAgencies = "situation.changeAgencies";
    /// <summary>Data <c>{ scope: "open" | "mine", page }</c>, page counted from 1: the next page of a situation list.</summary>
    public const string Page = "situations.page";
}

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
    /// <summary>Data <c>{ situationId }</c>.</summary>
    public const string UpdateForm = "situation.updateForm";
}

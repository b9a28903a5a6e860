using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// The co-chair's small form on a situation's card: name a new lead, add an assisting agency, release one, or ask a
/// declined agency again. It sends <see cref="SituationVerbs.ChangeAgencies"/> with the inputs <see cref="ChangeInput"/>
/// (one of <see cref="Changes"/>) and <see cref="AgencyInput"/> (a roster agency id); the domain refuses what does not fit.
/// </summary>
public static class AgencyChangeForm
{
    public const string ChangeInput = "change";
    public const string AgencyInput = "agency";
    public const string NewLead = "lead";
    public const string AddAssisting = "assisting";
    public const string Release = "release";
    public const string AskAgain = "ask-again";

    /// <summary>The changes a co-chair can choose, as the form's values and the titles people read (current language).</summary>
    public static IReadOnlyList<(string Value, string Title)> Changes =>
    [
        (NewLead, Texts.Get("Change.NewLead")),
        (AddAssisting, Texts.Get("Change.AddAssisting")),
        (Release, Texts.Get("Change.Release")),
        (AskAgain, Texts.Get("Change.AskAgain")),
    ];

    /// <param name="agencies">The agencies to offer: the roster's, the table's first when known.</param>
    public static AdaptiveCard Build(Situation s, IEnumerable<Agency> agencies)
    {
        var change = Element.ChoiceInput(ChangeInput, Texts.Get("Change.Label"), Changes, value: s.LeadAssignment?.State == AssignmentState.Declined ? NewLead : null,
            required: true);
        change["errorMessage"] = Texts.Get("Change.Error");
        var agency = Element.ChoiceInput(AgencyInput, Texts.Get("Change.Agency"), agencies.OrderBy(a => a.Name, StringComparer.CurrentCulture).Select(a => (a.Id, a.Name)),
            required: true);
        agency["errorMessage"] = Texts.Get("Change.AgencyError");
        return new AdaptiveCard()
            .Add(change)
            .Add(agency)
            .Text(Texts.Get("Change.Note"), subtle: true)
            .Action(Actions.Execute(Texts.Get("Action.ApplyChange"), SituationVerbs.ChangeAgencies, new { situationId = s.Id }));
    }
}

using FocusBot.Core.Privacy;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// A situation's refusal (<see cref="SituationResult.Refusal"/> and its <see cref="SituationResult.Arguments"/>) in
/// the reader's language, agencies by name: resources <c>Refusal.{code}</c>, with a variant where the arguments need one.
/// </summary>
public static class RefusalText
{
    public static string Of(SituationResult result, IReadOnlyDictionary<string, Agency> agencies)
    {
        ArgumentNullException.ThrowIfNull(result);
        var a = result.Arguments ?? new RefusalArguments("");
        var agency = a.AgencyId is null ? "" : AgencyNames.Of(agencies, a.AgencyId);
        return result.Refusal switch
        {
            SituationRefusal.IdentifyingDetails => string.Join(" ", (a.Identified ?? [])
                .Select(found => IdentifierGuard.Describe(found.Text, found.Findings, french: BotLanguage.IsFrench))),
            SituationRefusal.InvalidText => Texts.Get($"Refusal.InvalidText.{a.Field ?? "note"}", a.Min, a.Max),
            SituationRefusal.AlreadyOnSituation => Texts.Get(
                a.State == AssignmentState.Declined ? "Refusal.AlreadyOnSituation.Declined"
                : a.Role == AssignmentRole.Lead ? "Refusal.AlreadyOnSituation.Lead"
                : "Refusal.AlreadyOnSituation.Assisting", agency, a.SituationId),
            _ => Texts.Get($"Refusal.{result.Refusal}", agency, a.SituationId, a.Max),
        };
    }
}

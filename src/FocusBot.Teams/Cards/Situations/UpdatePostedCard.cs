using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// What the member who posted an update sees next (in their personal chat): whether it was the 48-hour update and
/// whether it came on time, and what they posted (kind, note, next step, barriers met, services mobilized).
/// </summary>
public static class UpdatePostedCard
{
    public static AdaptiveCard Build(Situation s, Table table, IReadOnlyDictionary<string, Agency> agencies,
        SituationCatalogue catalogue, SituationUpdate update)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(update);

        var card = new AdaptiveCard()
            .Add(Element.Text(Headline(update), size: "Medium", weight: "Bolder"))
            .Text(Texts.Get("UpdatePosted.Text", AgencyNames.Of(agencies, update.AgencyId), s.Id, table.Name, TableTime.Describe(update.At, table)))
            .Facts(Facts(update, catalogue));
        return card.Action(Actions.Execute(Texts.Get("Action.ViewSituation"), SituationVerbs.View, new { situationId = s.Id }));
    }

    /// <summary>Says in words which update it was and whether it came on time.</summary>
    public static string Headline(SituationUpdate update) => update switch
    {
        { IsFortyEightHourUpdate: true, WasOnTime: true } => Texts.Get("Status.UpdateOnTime"),
        { IsFortyEightHourUpdate: true } => Texts.Get("Status.UpdateLate"),
        _ => Texts.Get("UpdatePosted.Heading"),
    };

    private static IEnumerable<(string, string)> Facts(SituationUpdate update, SituationCatalogue catalogue)
    {
        yield return (Texts.Get("UpdateForm.Kind"), catalogue.UpdateKinds.LocalLabelOf(update.KindId));
        yield return (Texts.Get("UpdateForm.Note"), UserText.ForCard(update.Note));
        if (update.NextStep is { } nextStep) yield return (Texts.Get("UpdatePosted.NextStep"), UserText.ForCard(nextStep));
        if (update.BarrierIds.Count > 0) yield return (Texts.Get("UpdatePosted.Barriers"), string.Join(", ", update.BarrierIds.Select(catalogue.Barriers.LocalLabelOf)));
        if (update.ServiceIds.Count > 0) yield return (Texts.Get("UpdatePosted.Services"), string.Join(", ", update.ServiceIds.Select(catalogue.Services.LocalLabelOf)));
    }
}

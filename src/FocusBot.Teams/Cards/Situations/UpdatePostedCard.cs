using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// What the member who posted an update sees next (in their personal chat): whether it was the 48-hour update and
/// whether it came on time, and what they posted.
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

        var (heading, color) = Headline(update);
        var card = new AdaptiveCard()
            .Add(Element.Text(heading, size: "Medium", weight: "Bolder", color: color))
            .Text($"{AgencyNames.Of(agencies, update.AgencyId)} reported back on {s.Id} ({table.Name}), {TableTime.Describe(update.At, table)}. " +
                  "The situation's cards show it, and the co-chairs have been told.")
            .Facts(Facts(update, catalogue));
        return card.Action(Actions.Execute("View situation", SituationVerbs.View, new { situationId = s.Id }));
    }

    public static (string Text, string? Color) Headline(SituationUpdate update) => update switch
    {
        { IsFortyEightHourUpdate: true, WasOnTime: true } => ("48-hour update posted on time", "Good"),
        { IsFortyEightHourUpdate: true } => ("48-hour update posted late", "Warning"),
        _ => ("Update posted", "Good"),
    };

    private static IEnumerable<(string, string)> Facts(SituationUpdate update, SituationCatalogue catalogue)
    {
        yield return ("What happened", catalogue.UpdateKinds.LabelOf(update.KindId));
        yield return ("Note", update.Note);
        if (update.NextStep is { } nextStep) yield return ("Next step", nextStep);
        if (update.BarrierIds.Count > 0) yield return ("Barriers", string.Join(", ", update.BarrierIds.Select(catalogue.Barriers.LabelOf)));
    }
}

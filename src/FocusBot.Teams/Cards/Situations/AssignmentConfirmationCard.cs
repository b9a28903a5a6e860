using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// What a representative sees after accepting: their agency's part and, for the lead, when the 48-hour update
/// falls due, in the table's own time.
/// </summary>
public static class AssignmentConfirmationCard
{
    /// <param name="updateDueAt">The lead's due time; when null, the situation's own <see cref="Situation.UpdateDueAt"/>.</param>
    public static AdaptiveCard Build(Situation s, Table table, Agency agency, bool asLead, DateTimeOffset? updateDueAt)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(agency);

        var card = new AdaptiveCard()
            .Heading($"Situation {s.Id} · {table.Name}")
            .Text($"You accepted {s.Id} as {(asLead ? "lead" : "assisting agency")} for {agency.Name}.");

        if (asLead && (updateDueAt ?? s.UpdateDueAt) is { } due)
        {
            card.Add(Element.Text($"The 48-hour update is due {TableTime.Describe(due, table)}.", weight: "Bolder"));
        }

        return card.Action(Actions.Execute("Post update", SituationVerbs.UpdateForm, new { situationId = s.Id }));
    }
}

using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// What a representative sees after accepting: the situation's own card (its details, their buttons) with, first,
/// what they accepted and, for the lead, when the 48-hour update falls due, in the table's own time.
/// </summary>
public static class AssignmentConfirmationCard
{
    /// <param name="viewer">The representative, in their personal chat (or the channel, where the card is the filter-2 copy).</param>
    public static AdaptiveCard Build(Situation s, Table table, IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue,
        SituationCardViewer viewer, Agency agency, bool asLead, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(agency);

        var saysDue = asLead && s.UpdateDueAt is not null;
        var confirmation = saysDue
            ? Texts.Get("Accepted.AsLead", s.Id, agency.Name, TableTime.Describe(s.UpdateDueAt!.Value, table))
            : Texts.Get(asLead ? "Accepted.AsLeadNoDue" : "Accepted.AsAssisting", s.Id, agency.Name);
        return SituationCard.Build(s, table, agencies, catalogue, viewer, now, confirmation, confirmationSaysDue: saysDue);
    }
}

using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// The co-chair's confirmation after recording a situation: its number, the agencies named, and whether their
/// representatives got the card, so the co-chair can tell the unreachable ones at the table.
/// </summary>
public static class RecordedCard
{
    /// <summary>A discussion recorded as not meeting the threshold: counted in the figures, nothing sent to anyone.</summary>
    public static AdaptiveCard NotAer(Situation s, Table table) => new AdaptiveCard()
        .Heading($"Discussion {s.Id} recorded: not AER")
        .Text($"{s.Id} is recorded for {table.Name} as a discussion where the threshold of acutely elevated risk was not met. " +
            "It counts in the table's figures and the RTD export; no agency was asked and nothing was sent to anyone.");

    public static AdaptiveCard Build(Situation s, Table table, IReadOnlyDictionary<string, Agency> agencies,
        int repsReached, IReadOnlyList<string> unreachableEmails)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(unreachableEmails);

        var assisting = s.AssistingAssignments.Select(a => AgencyNames.Of(agencies, a.AgencyId)).ToList();
        var card = new AdaptiveCard()
            .Heading($"Situation {s.Id} recorded")
            .Text($"{s.Id} is recorded for {table.Name}. Its number is what the table uses from now on.")
            .Facts(
                ("Lead agency", AgencyNames.Of(agencies, s.LeadAgencyId)),
                ("Assisting agencies", assisting.Count == 0 ? "none" : string.Join(", ", assisting)),
                ("Originating agency", AgencyNames.Of(agencies, s.OriginatingAgencyId)),
                ("Cards sent", repsReached == 1 ? "1 representative" : $"{repsReached} representatives"));

        if (repsReached == 0)
        {
            card.Add(Element.Text("No representative got the card yet: please tell the named agencies at the table.",
                weight: "Bolder", color: "Attention"));
        }

        if (unreachableEmails.Count > 0)
        {
            card.Add(Element.Text(
                $"FocusBot could not reach {(unreachableEmails.Count == 1 ? "this representative" : $"these {unreachableEmails.Count} representatives")}; " +
                "please let them know, and ask them to open FocusBot in Teams once:",
                color: "Warning"));
            card.Text(string.Join("\n", unreachableEmails.Select(e => $"- {e}")));
        }

        return card;
    }
}

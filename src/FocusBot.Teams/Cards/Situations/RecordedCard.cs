using FocusBot.Core.Deliveries;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// The co-chair's confirmation after recording a situation: its number, the agencies named, and where its cards
/// stand (the channel copy, each rep's card: delivered, on their way, or not delivered and why), so the co-chair can
/// tell the unreachable ones at the table. Drawn again in place when the deliveries finish.
/// </summary>
public static class RecordedCard
{
    /// <summary>A discussion recorded as not meeting the threshold: counted in the figures, nothing sent to anyone.</summary>
    public static AdaptiveCard NotAer(Situation s, Table table) => new AdaptiveCard()
        .Heading($"Discussion {s.Id} recorded: not AER")
        .Text($"{s.Id} is recorded for {table.Name} as a discussion where the threshold of acutely elevated risk was not met. " +
            "It counts in the table's figures and the RTD export; no agency was asked and nothing was sent to anyone.");

    public static AdaptiveCard Build(Situation s, Table table, IReadOnlyDictionary<string, Agency> agencies, RecordingReport report)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(report);

        var assisting = s.AssistingAssignments.Select(a => AgencyNames.Of(agencies, a.AgencyId)).ToList();
        var card = new AdaptiveCard()
            .Heading($"Situation {s.Id} recorded")
            .Text($"{s.Id} is recorded for {table.Name}. Its number is what the table uses from now on.")
            .Facts(
                ("Lead agency", AgencyNames.Of(agencies, s.LeadAgencyId)),
                ("Assisting agencies", assisting.Count == 0 ? "none" : string.Join(", ", assisting)),
                ("Originating agency", AgencyNames.Of(agencies, s.OriginatingAgencyId)),
                ("Channel copy", ChannelCopy(report.ChannelCopy)),
                ("Cards delivered", Reps(report.RepsReached)),
                ("Cards on their way", Reps(report.RepsPending.Count)));

        if (!report.IsFinished)
            card.Text("This card shows what has been delivered so far and is brought up to date when every card has gone out.", subtle: true);
        else if (report.RepsReached == 0)
            card.Add(Element.Text("No representative got the card: please tell the named agencies at the table.", weight: "Bolder", color: "Attention"));

        if (report.ChannelCopy is { State: DeliveryState.Failed } channel)
            card.Add(Element.Text($"The table's channel did not get its copy: {channel.Why}", color: "Warning"));

        var notReached = report.RepsNotReached;
        if (notReached.Count > 0)
        {
            card.Add(Element.Text(
                $"FocusBot could not reach {(notReached.Count == 1 ? "this representative" : $"these {notReached.Count} representatives")}; " +
                "please let them know, and ask them to open FocusBot in Teams once:",
                color: "Warning"));
            card.Text(string.Join("\n", notReached.Select(r => $"- {r.Recipient}")));
        }

        return card;
    }

    private static string ChannelCopy(CardCopyStatus? channel) => channel?.State switch
    {
        null => "not sent",
        DeliveryState.Sent => "posted",
        DeliveryState.Failed => "not posted",
        DeliveryState.Cancelled => "not needed",
        _ => "on its way",
    };

    private static string Reps(int count) => count == 1 ? "1 representative" : $"{count} representatives";
}

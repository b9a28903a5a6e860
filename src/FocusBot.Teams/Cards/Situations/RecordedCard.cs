using FocusBot.Core.Deliveries;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Localization;

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
        .Heading(Texts.Get("Recorded.NotAerHeading", s.Id))
        .Text(Texts.Get("Recorded.NotAerText", s.Id, table.Name));

    public static AdaptiveCard Build(Situation s, Table table, IReadOnlyDictionary<string, Agency> agencies, RecordingReport report)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(report);

        var assisting = s.AssistingAssignments.Select(a => AgencyNames.Of(agencies, a.AgencyId)).ToList();
        var card = new AdaptiveCard()
            .Heading(Texts.Get("Recorded.Heading", s.Id))
            .Text(Texts.Get("Recorded.Text", s.Id, table.Name))
            .Facts(
                (Texts.Get("Fact.LeadAgency"), AgencyNames.Of(agencies, s.LeadAgencyId)),
                (Texts.Get("Fact.AssistingAgencies"), assisting.Count == 0 ? Texts.Get("Agency.None") : string.Join(", ", assisting)),
                (Texts.Get("Fact.OriginatingAgency"), AgencyNames.Of(agencies, s.OriginatingAgencyId)),
                (Texts.Get("Recorded.ChannelCopy"), ChannelCopy(report.ChannelCopy)),
                (Texts.Get("Recorded.CardsDelivered"), Texts.Count("Recorded.Reps", report.RepsReached)),
                (Texts.Get("Recorded.CardsOnTheirWay"), Texts.Count("Recorded.Reps", report.RepsPending.Count)));

        if (!report.IsFinished)
            card.Text(Texts.Get("Recorded.InProgress"), subtle: true);
        else if (report.RepsReached == 0)
            card.Add(Element.Text(Texts.Get("Recorded.NobodyReached"), weight: "Bolder", color: "Attention"));

        if (report.ChannelCopy is { State: DeliveryState.Failed })
            card.Add(Element.Text(Texts.Get("Recorded.ChannelFailed"), weight: "Bolder", color: "Attention"));

        var notReached = report.RepsNotReached;
        if (notReached.Count > 0)
        {
            card.Add(Element.Text(Texts.Count("Recorded.NotReached", notReached.Count), weight: "Bolder", color: "Attention"));
            card.Text(string.Join("\n", notReached.Select(r => $"- {r.Recipient}")));
        }

        return card;
    }

    private static string ChannelCopy(CardCopyStatus? channel) => Texts.Get(channel?.State switch
    {
        null => "Recorded.Channel.NotSent",
        DeliveryState.Sent => "Recorded.Channel.Posted",
        DeliveryState.Failed => "Recorded.Channel.NotPosted",
        DeliveryState.Cancelled => "Recorded.Channel.NotNeeded",
        _ => "Recorded.Channel.OnItsWay",
    });
}

using System.Globalization;
using System.Text;
using FocusBot.Core.Audit;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>
/// A situation's history for those who may read its notes (its agencies and the co-chairs, in their personal chat):
/// the updates, newest last, then the key events. Capped so that the card stays well under Teams' 28 KB message limit
/// whatever the notes hold: the latest <see cref="MaxUpdates"/> updates within <see cref="TextBudgetBytes"/> of text.
/// </summary>
public static class SituationHistory
{
    public const int MaxUpdates = 10;
    public const int MaxEvents = 12;
    /// <summary>UTF-8 bytes of notes and next steps shown; a full 1,000-character note in any script fits several times.</summary>
    public const int TextBudgetBytes = 12_000;

    private static readonly CultureInfo Canadian = CultureInfo.GetCultureInfo("en-CA");

    /// <summary>
    /// Adds the history to a card that shows the full view; never call it for a filter-2 view. <paramref name="coChairReads"/>
    /// (from the read audit) are listed under "Read by co-chairs".
    /// </summary>
    public static AdaptiveCard AddTo(AdaptiveCard card, Situation s, Table table, IReadOnlyDictionary<string, Agency> agencies,
        SituationCatalogue catalogue, IReadOnlyList<CoChairRead>? coChairReads = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(catalogue);

        card.Add(Element.Text($"Updates ({s.Updates.Count})", size: "Medium", weight: "Bolder"));
        card.Text($"Times are {TableTime.ZoneName(table)}.", subtle: true);
        if (s.Updates.Count == 0)
        {
            card.Text("No update yet.", subtle: true);
        }

        if (s.ErasedAt is { } erasedAt)
        {
            card.Text($"Summary and notes erased on {Short(erasedAt, table)}, after the retention period.", subtle: true);
        }

        var shown = LatestWithinBudget(s.Updates);
        if (shown.Count < s.Updates.Count)
        {
            var earlier = s.Updates.Count - shown.Count;
            card.Text($"… and {earlier} earlier {(earlier == 1 ? "update" : "updates")} not shown here.", subtle: true);
        }

        foreach (var update in shown)
        {
            card.Add(Element.Text(UpdateHeading(update, table, agencies, catalogue), weight: "Bolder"));
            card.Text(update.Note);
            if (update.NextStep is { } nextStep) card.Text($"Next step: {nextStep}", subtle: true);
            if (update.BarrierIds.Count > 0)
                card.Text($"Barriers: {string.Join(", ", update.BarrierIds.Select(catalogue.Barriers.LabelOf))}", subtle: true);
        }

        var events = s.Events.Where(e => e.Kind != SituationEventKind.UpdatePosted).ToList();
        card.Add(Element.Text("Key events", size: "Medium", weight: "Bolder"));
        var recent = events.Skip(Math.Max(0, events.Count - MaxEvents)).ToList();
        if (recent.Count < events.Count)
        {
            card.Text($"… and {events.Count - recent.Count} earlier events not shown here.", subtle: true);
        }

        card.Facts(recent.Select(e => (Short(e.At, table), EventText(e, agencies, catalogue))));

        if (coChairReads is { Count: > 0 })
        {
            card.Add(Element.Text("Read by co-chairs", size: "Medium", weight: "Bolder"));
            // Who and when last, not how often: the same card opened twice (a redelivered invoke) draws the same card;
            // GET /api/v1/audit has every read.
            card.Facts(coChairReads.Select(r => (r.MemberEmail, $"last {Short(r.LastReadAt, table)}")));
        }

        return card;
    }

    private static List<SituationUpdate> LatestWithinBudget(IReadOnlyList<SituationUpdate> updates)
    {
        var shown = new List<SituationUpdate>();
        var bytes = 0;
        for (var i = updates.Count - 1; i >= 0 && shown.Count < MaxUpdates; i--)
        {
            var update = updates[i];
            bytes += Encoding.UTF8.GetByteCount(update.Note) + Encoding.UTF8.GetByteCount(update.NextStep ?? "");
            if (bytes > TextBudgetBytes && shown.Count > 0) break;
            shown.Add(update);
        }

        shown.Reverse();
        return shown;
    }

    private static string UpdateHeading(SituationUpdate update, Table table, IReadOnlyDictionary<string, Agency> agencies,
        SituationCatalogue catalogue)
    {
        var heading = $"{Short(update.At, table)} · {AgencyNames.Of(agencies, update.AgencyId)} · {catalogue.UpdateKinds.LabelOf(update.KindId)}";
        return update.IsFortyEightHourUpdate
            ? $"{heading} · 48-hour update, {(update.WasOnTime == true ? "on time" : "late")}"
            : heading;
    }

    private static string EventText(SituationEvent e, IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue)
    {
        var agency = e.AgencyId is null ? null : AgencyNames.Of(agencies, e.AgencyId);
        return e.Kind switch
        {
            SituationEventKind.Recorded => "Recorded by the table",
            SituationEventKind.Accepted => $"{agency} {e.Detail}",
            SituationEventKind.Declined => $"{agency} {e.Detail}",
            SituationEventKind.AskedAgain => $"{agency} {e.Detail} by a co-chair",
            SituationEventKind.LeadChanged => AgencyNames.InMessage(agencies, $"{agency} {e.Detail} by a co-chair"),
            SituationEventKind.AssistingAdded => $"{agency} {e.Detail} by a co-chair",
            SituationEventKind.Released => $"{agency} {e.Detail} by a co-chair",
            SituationEventKind.Concluded => $"Concluded: {catalogue.Outcomes.LabelOf(e.Detail.Replace("outcome ", "", StringComparison.Ordinal))}",
            SituationEventKind.Reopened => "Re-opened by a co-chair",
            _ => e.Detail,
        };
    }

    /// <summary>E.g. "Tue 24 Nov 2026, 10:15 a.m." in the table's time zone (the zone is named once, in the situation's facts).</summary>
    private static string Short(DateTimeOffset instant, Table table) =>
        TableTime.Local(instant, table).ToString("ddd d MMM yyyy, h:mm tt", Canadian);
}

using System.Text;
using FocusBot.Core.Audit;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Localization;

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

    /// <summary>
    /// Adds the history to a card that shows the full view; never call it for a filter-2 view. <paramref name="coChairReads"/>
    /// (from the read audit) are listed under "Read by co-chairs" by role and agency (<paramref name="readerAgencies"/>:
    /// each reader's e-mail to their agency id, from the roster), never by e-mail: the agencies on the situation read
    /// this card too, and the minimum necessary (DOMAIN.md, "Privacy") is which co-chair's agency read it and when;
    /// administrators get each reader's address from <c>GET /api/v1/audit</c>.
    /// </summary>
    public static AdaptiveCard AddTo(AdaptiveCard card, Situation s, Table table, IReadOnlyDictionary<string, Agency> agencies,
        SituationCatalogue catalogue, IReadOnlyList<CoChairRead>? coChairReads = null, IReadOnlyDictionary<string, string>? readerAgencies = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(catalogue);

        card.Add(Element.Text(Texts.Get("History.Updates", s.Updates.Count), size: "Medium", weight: "Bolder"));
        card.Text(Texts.Get("History.Zone", TableTime.ZoneName(table)), subtle: true);
        if (s.Updates.Count == 0)
        {
            card.Text(Texts.Get("History.NoUpdate"), subtle: true);
        }

        if (s.ErasedAt is { } erasedAt)
        {
            card.Text(Texts.Get("History.Erased", Short(erasedAt, table)), subtle: true);
        }

        var shown = LatestWithinBudget(s.Updates);
        if (shown.Count < s.Updates.Count)
        {
            card.Text(Texts.Count("History.EarlierUpdates", s.Updates.Count - shown.Count), subtle: true);
        }

        foreach (var update in shown)
        {
            card.Add(Element.Text(UpdateHeading(update, table, agencies, catalogue), weight: "Bolder"));
            card.Text(UserText.ForCard(update.Note));
            if (update.NextStep is { } nextStep) card.Text(Texts.Get("Update.NextStepLine", UserText.ForCard(nextStep)), subtle: true);
            if (update.BarrierIds.Count > 0)
                card.Text(Texts.Get("History.Barriers", string.Join(", ", update.BarrierIds.Select(catalogue.Barriers.LocalLabelOf))), subtle: true);
            if (update.ServiceIds.Count > 0)
                card.Text(Texts.Get("History.Services", string.Join(", ", update.ServiceIds.Select(catalogue.Services.LocalLabelOf))), subtle: true);
        }

        var events = s.Events.Where(e => e.Kind != SituationEventKind.UpdatePosted).ToList();
        card.Add(Element.Text(Texts.Get("History.KeyEvents"), size: "Medium", weight: "Bolder"));
        var recent = events.Skip(Math.Max(0, events.Count - MaxEvents)).ToList();
        if (recent.Count < events.Count)
        {
            card.Text(Texts.Count("History.EarlierEvents", events.Count - recent.Count), subtle: true);
        }

        foreach (var e in recent)
        {
            // The date as a small line of its own above the event, not a FactSet title: that column is a third of a
            // phone's width, where "mardi 24 novembre 2026 à 10 h 15" broke onto four lines.
            card.Add(Element.Text(Short(e.At, table), size: "Small", subtle: true));
            card.Add(Element.Text(EventText(e, agencies, catalogue), spacing: "None"));
        }

        if (coChairReads is { Count: > 0 })
        {
            card.Add(Element.Text(Texts.Get("History.ReadBy"), size: "Medium", weight: "Bolder"));
            // Who and when last, not how often: the same card opened twice (a redelivered invoke) draws the same card;
            // GET /api/v1/audit has every read.
            card.Facts(coChairReads
                .GroupBy(r => Reader(r, readerAgencies, agencies))
                .Select(g => (g.Key, Texts.Get("History.LastRead", Short(g.Max(r => r.LastReadAt), table)))));
        }

        return card;
    }

    /// <summary>"Co-chair, City of Toronto"; "An administrator, through the REST API" (a script, or the API's development caller).</summary>
    private static string Reader(CoChairRead read, IReadOnlyDictionary<string, string>? readerAgencies, IReadOnlyDictionary<string, Agency> agencies)
    {
        if (read.ThroughApi) return Texts.Get("History.ReaderThroughApi");
        var role = Texts.Get(read.Role == SituationReads.AdminRole ? "History.ReaderAdmin" : "History.ReaderCoChair");
        return readerAgencies?.GetValueOrDefault(read.MemberEmail) is { Length: > 0 } agencyId
            ? Texts.Get("History.ReaderOfAgency", role, AgencyNames.Of(agencies, agencyId))
            : role;
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
        var heading = Texts.Get("History.UpdateHeading", Short(update.At, table), AgencyNames.Of(agencies, update.AgencyId),
            catalogue.UpdateKinds.LocalLabelOf(update.KindId));
        return update.IsFortyEightHourUpdate
            ? Texts.Get(update.WasOnTime == true ? "History.FortyEightOnTime" : "History.FortyEightLate", heading)
            : heading;
    }

    /// <summary>One event in words, drawn from its structured fields in the reader's language.</summary>
    public static string EventText(SituationEvent e, IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue)
    {
        var agency = e.AgencyId is null ? null : AgencyNames.Of(agencies, e.AgencyId);
        var role = e.Role == AssignmentRole.Lead ? "Lead" : "Assisting";
        return e.Kind switch
        {
            SituationEventKind.Recorded => Texts.Get(e.Status == SituationStatus.NotAer ? "Event.RecordedNotAer" : "Event.Recorded"),
            SituationEventKind.Accepted => Texts.Get($"Event.Accepted{role}", agency),
            SituationEventKind.Declined => Texts.Get($"Event.Declined{role}", agency),
            SituationEventKind.AskedAgain => Texts.Get($"Event.AskedAgain{role}", agency),
            SituationEventKind.LeadChanged => Texts.Get("Event.LeadChanged", agency, AgencyNames.Of(agencies, e.FormerAgencyId)),
            SituationEventKind.AssistingAdded => Texts.Get("Event.AssistingAdded", agency),
            SituationEventKind.Released => Texts.Get("Event.Released", agency),
            SituationEventKind.Concluded => Texts.Get("Event.Concluded", e.OutcomeId is null ? "" : catalogue.Outcomes.LocalLabelOf(e.OutcomeId)),
            SituationEventKind.Reopened => Texts.Get("Event.Reopened"),
            _ => Texts.Get("Event.UpdatePosted", agency),
        };
    }

    /// <summary>
    /// E.g. "Tuesday 24 November 2026, 10:15 a.m." in the table's time zone (named once, above the updates): the same
    /// style as the situation card the history is added to.
    /// </summary>
    private static string Short(DateTimeOffset instant, Table table) => TableTime.Long(instant, table);
}

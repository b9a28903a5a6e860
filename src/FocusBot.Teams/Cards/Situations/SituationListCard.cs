using System.Text.Json.Nodes;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Meetings;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>Which list: every open situation of the member's tables, or those naming their agency.</summary>
public enum SituationListScope
{
    Open,
    Mine,
}

/// <summary>
/// One row of a list: the situation, its table, whether this viewer gets a "Post update" button and, when their agency
/// has a part to answer (in their personal chat), that assignment: the row then offers "Accept as lead/assisting".
/// </summary>
public sealed record SituationListRow(Situation Situation, Table Table, bool MayPostUpdate, Assignment? ToAnswer = null);

/// <summary>
/// "What's open?": one page of situations, most urgent first, each with its id, status, lead agency, days open and next
/// due time, and buttons to view it or post an update. Only filter-2 facts appear, so the same card is safe in a
/// channel (where it has no "Post update"). A page holds <see cref="PageSize"/> rows and stays far below Teams' 28 KB.
/// </summary>
public static class SituationListCard
{
    public const int PageSize = 10;

    private static readonly RosterScheduleCalendar Schedule = new();

    /// <param name="page">Counted from 1.</param>
    /// <param name="total">How many situations the whole list holds.</param>
    public static AdaptiveCard Build(SituationListScope scope, IReadOnlyList<SituationListRow> rows, int page, int total,
        IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue, DateTimeOffset now, bool inChannel)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(catalogue);

        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var title = Texts.Get(scope == SituationListScope.Open ? "List.Open" : "List.Mine", total);
        var card = new AdaptiveCard().Heading(total <= PageSize ? title : Texts.Get("List.Paged", title, page, pages));

        if (total == 0)
        {
            return card.Text(Texts.Get(scope == SituationListScope.Open ? "List.NoneOpen" : "List.NoneMine"));
        }

        card.Text(Texts.Get(inChannel ? "List.OrderInChannel" : "List.Order"), subtle: true);
        if (rows.Count == 0)
        {
            card.Text(Texts.Get("List.NothingMore"));
        }

        foreach (var row in rows)
        {
            card.Add(Row(row, agencies, catalogue, now, inChannel));
        }

        if (page < pages)
        {
            card.Action(Actions.Execute(Texts.Count("List.More", total - page * PageSize), SituationVerbs.Page,
                new { scope = scope == SituationListScope.Open ? "open" : "mine", page = page + 1 }));
        }

        return card;
    }

    private static JsonObject Row(SituationListRow row, IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue,
        DateTimeOffset now, bool inChannel)
    {
        var (s, table) = (row.Situation, row.Table);
        var (status, color) = SituationCard.Status(s, agencies, catalogue, now);
        var days = TableTime.Today(now, table).DayNumber - s.DiscussedOn.DayNumber;
        var details = Texts.Count("List.Details", Math.Max(0, days), AgencyNames.Of(agencies, s.LeadAgencyId));
        if (NextDue(s, table, now) is { } next) details = Texts.Get("List.DetailsAndNext", details, next);

        var buttons = new List<JsonObject> { Actions.Execute(Texts.Get("List.View", s.Id), SituationVerbs.View, new { situationId = s.Id }) };
        if (row.ToAnswer is { } toAnswer && !inChannel)
        {
            buttons.Add(SituationCard.AcceptAction(s.Id, toAnswer));
        }

        if (row.MayPostUpdate && !inChannel)
        {
            buttons.Add(Actions.Execute(Texts.Get("Action.PostUpdate"), SituationVerbs.UpdateForm, new { situationId = s.Id }));
        }

        var items = new JsonArray
        {
            Element.Text($"{s.Id} · {table.Name}", weight: "Bolder"),
            Element.Text(status, color: color),
            Element.Text(details, subtle: true),
        };
        // One button a row: side by side, "View DM-2026-0001" and "Accepter comme responsable" are cut at a phone's width.
        foreach (var button in buttons) items.Add(Element.ActionSet(button));

        return new JsonObject
        {
            ["type"] = "Container",
            ["separator"] = true,
            ["items"] = items,
        };
    }

    /// <summary>What falls due next; null while the lead has not accepted (the status line says so already).</summary>
    private static string? NextDue(Situation s, Table table, DateTimeOffset now)
    {
        if (s.Status == SituationStatus.Open) return null;
        if (!s.HasFortyEightHourUpdate && s.UpdateDueAt is { } due)
        {
            return Texts.Get(now > due ? "List.UpdateWasDue" : "List.UpdateDue", Short(due, table));
        }

        return Texts.Get("List.NextMeeting", Short(Schedule.NextMeetingFrom(table, now).Start, table));
    }

    private static string Short(DateTimeOffset instant, Table table) =>
        $"{TableTime.Short(instant, table)} ({TableTime.ZoneName(table)})";
}

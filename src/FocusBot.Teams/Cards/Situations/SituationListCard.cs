using System.Globalization;
using System.Text.Json.Nodes;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Meetings;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>Which list: every open situation of the member's tables, or those naming their agency.</summary>
public enum SituationListScope
{
    Open,
    Mine,
}

/// <summary>One row of a list: the situation, its table, and whether this viewer gets a "Post update" button.</summary>
public sealed record SituationListRow(Situation Situation, Table Table, bool MayPostUpdate);

/// <summary>
/// "What's open?": one page of situations, most urgent first, each with its id, status, lead agency, days open and next
/// due time, and buttons to view it or post an update. Only filter-2 facts appear, so the same card is safe in a
/// channel (where it has no "Post update"). A page holds <see cref="PageSize"/> rows and stays far below Teams' 28 KB.
/// </summary>
public static class SituationListCard
{
    public const int PageSize = 10;

    private static readonly CultureInfo Canadian = CultureInfo.GetCultureInfo("en-CA");
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
        var title = scope == SituationListScope.Open ? "Open situations" : "Your agency's situations";
        var card = new AdaptiveCard().Heading(total <= PageSize ? $"{title} ({total})" : $"{title} ({total}) · page {page} of {pages}");

        if (total == 0)
        {
            return card.Text(scope == SituationListScope.Open
                ? "No situation is open or active at your tables."
                : "No open or active situation names your agency.");
        }

        card.Text("Most urgent first: overdue 48-hour updates, then assignments not yet accepted, then the oldest." +
                  (inChannel ? " Only what the table shares at filter 2 is shown here." : ""), subtle: true);
        if (rows.Count == 0)
        {
            card.Text("There is nothing more on this list.");
        }

        foreach (var row in rows)
        {
            card.Add(Row(row, agencies, catalogue, now, inChannel));
        }

        if (page < pages)
        {
            card.Action(Actions.Execute($"More ({total - page * PageSize} more)", SituationVerbs.Page,
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
        var details = $"Lead: {AgencyNames.Of(agencies, s.LeadAgencyId)} · open {(days == 1 ? "1 day" : $"{Math.Max(0, days)} days")} · {NextDue(s, table, now)}";

        var buttons = new JsonArray { Actions.Execute("View", SituationVerbs.View, new { situationId = s.Id }) };
        if (row.MayPostUpdate && !inChannel)
        {
            buttons.Add(Actions.Execute("Post update", SituationVerbs.UpdateForm, new { situationId = s.Id }));
        }

        return new JsonObject
        {
            ["type"] = "Container",
            ["separator"] = true,
            ["items"] = new JsonArray
            {
                Element.Text($"{s.Id} · {table.Name}", weight: "Bolder"),
                Element.Text(status, color: color),
                Element.Text(details, subtle: true),
                new JsonObject { ["type"] = "ActionSet", ["actions"] = buttons },
            },
        };
    }

    private static string NextDue(Situation s, Table table, DateTimeOffset now)
    {
        if (s.Status == SituationStatus.Open) return "waiting for the lead to accept";
        if (!s.HasFortyEightHourUpdate && s.UpdateDueAt is { } due)
        {
            return $"48-hour update {(now > due ? "was due" : "due")} {Short(due, table)}";
        }

        return $"next update before the meeting {Short(Schedule.NextMeetingFrom(table, now).Start, table)}";
    }

    private static string Short(DateTimeOffset instant, Table table) =>
        $"{TableTime.Local(instant, table).ToString("ddd d MMM, h:mm tt", Canadian)} ({TableTime.ZoneName(table)})";
}

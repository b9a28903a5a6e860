using System.Text.Json.Nodes;
using FocusBot.Core.Agenda;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;

namespace FocusBot.Teams.Reminders;

/// <summary>
/// The meeting agenda, for the table's channel: the next meeting and its join link, then the situations to go
/// through, each by id, type, age group, gender, risk factors and agencies only (filter 2: no summary, no notes).
/// </summary>
public static class AgendaCard
{
    public static AdaptiveCard Build(MeetingAgenda agenda, IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue)
    {
        var table = agenda.Table;
        var card = new AdaptiveCard().Heading($"Agenda: {table.Name}");
        if (agenda.NextMeeting is { } meeting)
        {
            card.Facts(("Next meeting", TableTime.Describe(meeting.Start, table)),
                ("Since", agenda.LastMeetingStart is { } last ? TableTime.Describe(last, table) : "no earlier meeting on record"));
            if (meeting.JoinUrl is { Length: > 0 } joinUrl)
                card.Action(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Join the meeting", ["url"] = joinUrl });
        }
        else
        {
            card.Text("No meeting is scheduled in the coming weeks.", subtle: true);
        }

        Section(card, "New situations", agenda.NewSituations, item => Describe(item, agencies, catalogue));
        Section(card, "Report back", agenda.ReportBack, item => $"{Describe(item, agencies, catalogue)} · lead: {AgencyNames.Of(agencies, item.LeadAgencyId)}");
        Section(card, "48-hour update overdue", agenda.OverdueUpdates, item =>
            $"**{item.SituationId}**: {AgencyNames.Of(agencies, item.LeadAgencyId)}, due {TableTime.Describe(item.UpdateDueAt!.Value, table)}");
        Section(card, "Not yet accepted", agenda.UnacceptedAssignments, item =>
            $"**{item.SituationId}**: {string.Join(", ", item.UnacceptedAgencyIds.Select(a => AgencyNames.Of(agencies, a)))}");
        return card;
    }

    private static void Section(AdaptiveCard card, string title, IReadOnlyList<AgendaItem> items, Func<AgendaItem, string> line)
    {
        card.Add(Element.Text($"{title} ({items.Count})", weight: "Bolder"));
        card.Text(items.Count == 0 ? "None." : string.Join("\n\n", items.Select(line)), subtle: items.Count == 0);
    }

    private static string Describe(AgendaItem item, IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue) =>
        $"**{item.SituationId}**: {catalogue.SituationTypes.LabelOf(item.TypeId)}, {catalogue.AgeGroups.LabelOf(item.AgeGroupId)}, " +
        $"{catalogue.Genders.LabelOf(item.GenderId)}; {string.Join(", ", item.RiskFactorIds.Select(catalogue.RiskFactors.LabelOf))}";
}

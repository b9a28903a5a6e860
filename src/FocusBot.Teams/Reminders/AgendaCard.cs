using System.Text.Json.Nodes;
using FocusBot.Core.Agenda;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Reminders;

/// <summary>
/// The meeting agenda, for the table's channel (in the table's language): the next meeting and its Teams join link (or
/// why there is none), then the situations to go through, each by id, type, age group, gender, risk factors and
/// agencies only (filter 2: no summary, no notes).
/// </summary>
public static class AgendaCard
{
    public static AdaptiveCard Build(MeetingAgenda agenda, IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue)
    {
        var table = agenda.Table;
        var card = new AdaptiveCard().Heading(Texts.Get("Agenda.Heading", table.Name));
        if (agenda.NextMeeting is { } meeting)
        {
            var hasLink = meeting.JoinUrl is { Length: > 0 };
            card.Facts((Texts.Get("Agenda.NextMeeting"), TableTime.Describe(meeting.Start, table)),
                (Texts.Get("Agenda.Since"), agenda.LastMeetingStart is { } last ? TableTime.Describe(last, table) : Texts.Get("Agenda.NoEarlier")),
                (Texts.Get("Agenda.TeamsMeeting"), hasLink ? Texts.Get("Agenda.JoinBelow") : Texts.Get("Agenda.NoLink")));
            if (hasLink)
                card.Action(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = Texts.Get("Action.JoinMeeting"), ["url"] = meeting.JoinUrl });
        }
        else
        {
            card.Text(Texts.Get("Agenda.NoMeeting"), subtle: true);
        }

        Section(card, "Agenda.New", agenda.NewSituations, item => Describe(item, agencies, catalogue));
        Section(card, "Agenda.ReportBack", agenda.ReportBack, item =>
            Texts.Get("Agenda.WithLead", Describe(item, agencies, catalogue), AgencyNames.Of(agencies, item.LeadAgencyId)));
        Section(card, "Agenda.Overdue", agenda.OverdueUpdates, item =>
            Texts.Get("Agenda.OverdueLine", item.SituationId, AgencyNames.Of(agencies, item.LeadAgencyId), TableTime.Describe(item.UpdateDueAt!.Value, table)));
        Section(card, "Agenda.NotAccepted", agenda.UnacceptedAssignments, item =>
            Texts.Get("Agenda.NotAcceptedLine", item.SituationId, string.Join(", ", item.UnacceptedAgencyIds.Select(a => AgencyNames.Of(agencies, a)))));
        return card;
    }

    private static void Section(AdaptiveCard card, string titleKey, IReadOnlyList<AgendaItem> items, Func<AgendaItem, string> line)
    {
        card.Add(Element.Text(Texts.Get(titleKey, items.Count), weight: "Bolder"));
        card.Text(items.Count == 0 ? Texts.Get("Agenda.None") : string.Join("\n\n", items.Select(line)), subtle: items.Count == 0);
    }

    private static string Describe(AgendaItem item, IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue) =>
        Texts.Get("Agenda.Item", item.SituationId, catalogue.SituationTypes.LocalLabelOf(item.TypeId), catalogue.AgeGroups.LocalLabelOf(item.AgeGroupId),
            catalogue.Genders.LocalLabelOf(item.GenderId), string.Join(", ", item.RiskFactorIds.Select(catalogue.RiskFactors.LocalLabelOf)));
}

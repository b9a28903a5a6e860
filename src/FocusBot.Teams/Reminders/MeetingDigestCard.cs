using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Reminders;

/// <summary>The day-before reminder to a rep: when the meeting is and what their agency owes it.</summary>
public static class MeetingDigestCard
{
    public static AdaptiveCard Build(Table table, Member rep, Agency? agency, DateTimeOffset meetingStart, string? joinUrl,
        IReadOnlyList<Situation> situations, DateTimeOffset now)
    {
        var owed = situations.Select(s => (s.Id, Owed: OwedBy(s, rep.AgencyId, table, now))).Where(s => s.Owed is not null).ToList();
        var card = new AdaptiveCard()
            .Heading(Texts.Get("Digest.Heading", table.Name, TableTime.Describe(meetingStart, table)))
            .Text(Texts.Get(owed.Count == 0 ? "Digest.NothingDue" : "Digest.Owes", agency?.Name ?? rep.AgencyId));
        // One line each, the id first: as fact titles, ids broke at their hyphens ("DM-" / "2026-" / "0001") on a phone.
        foreach (var (id, what) in owed) card.Text(Texts.Get("Agenda.NotAcceptedLine", id, what));
        if (joinUrl is { Length: > 0 })
            card.Action(new System.Text.Json.Nodes.JsonObject { ["type"] = "Action.OpenUrl", ["title"] = Texts.Get("Action.JoinMeeting"), ["url"] = joinUrl });
        else
            card.Text(Texts.Get("Agenda.NoLink"), subtle: true);
        return card;
    }

    /// <summary>What the agency owes on one situation, in the table's words; null when nothing.</summary>
    public static string? OwedBy(Situation situation, string agencyId, Table table, DateTimeOffset now)
    {
        var assignment = situation.AssignmentOf(agencyId);
        if (assignment is null || situation.Status == SituationStatus.Concluded) return null;
        var lead = assignment.Role == AssignmentRole.Lead;
        if (assignment.State == AssignmentState.Requested)
            return Texts.Get(lead ? "Digest.AnswerLead" : "Digest.AnswerAssisting");
        if (assignment.State != AssignmentState.Accepted) return null;
        if (lead && !situation.HasFortyEightHourUpdate && situation.UpdateDueAt is { } due)
            return Texts.Get(due < now ? "Digest.Overdue" : "Digest.Due", TableTime.Describe(due, table));
        return Texts.Get(lead ? "Digest.ReportLead" : "Digest.ReportAssisting");
    }
}

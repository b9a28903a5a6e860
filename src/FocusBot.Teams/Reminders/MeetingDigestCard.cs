using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;

namespace FocusBot.Teams.Reminders;

/// <summary>The day-before reminder to a rep: when the meeting is and what their agency owes it.</summary>
public static class MeetingDigestCard
{
    public static AdaptiveCard Build(Table table, Member rep, Agency? agency, DateTimeOffset meetingStart, string? joinUrl,
        IReadOnlyList<Situation> situations, DateTimeOffset now)
    {
        var owed = situations.Select(s => (s.Id, Owed: OwedBy(s, rep.AgencyId, table, now))).Where(s => s.Owed is not null).ToList();
        var card = new AdaptiveCard()
            .Heading($"{table.Name} meets {TableTime.Describe(meetingStart, table)}")
            .Text(owed.Count == 0
                ? $"{agency?.Name ?? rep.AgencyId} has nothing due for this meeting."
                : $"What {agency?.Name ?? rep.AgencyId} owes this meeting:");
        if (owed.Count > 0) card.Facts(owed.Select(o => (o.Id, o.Owed!)));
        if (joinUrl is { Length: > 0 })
            card.Action(new System.Text.Json.Nodes.JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Join the meeting", ["url"] = joinUrl });
        return card;
    }

    /// <summary>What the agency owes on one situation, in the table's words; null when nothing.</summary>
    public static string? OwedBy(Situation situation, string agencyId, Table table, DateTimeOffset now)
    {
        var assignment = situation.AssignmentOf(agencyId);
        if (assignment is null || situation.Status == SituationStatus.Concluded) return null;
        if (assignment.State == AssignmentState.Requested)
            return $"accept or decline as {(assignment.Role == AssignmentRole.Lead ? "lead" : "assisting")} agency";
        if (assignment.State != AssignmentState.Accepted) return null;
        if (assignment.Role == AssignmentRole.Lead && !situation.HasFortyEightHourUpdate && situation.UpdateDueAt is { } due)
            return due < now ? $"48-hour update overdue (was due {TableTime.Describe(due, table)})" : $"48-hour update due {TableTime.Describe(due, table)}";
        return assignment.Role == AssignmentRole.Lead ? "report back as lead agency" : "report back as assisting agency";
    }
}

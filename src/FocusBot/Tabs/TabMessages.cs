using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Tabs;

/// <summary>
/// What a tab says when an accept, decline or update went through: the cards' own sentences (the <c>Texts</c> resources),
/// in the current language (the request's <c>?lang=</c>), agencies by their roster names and times on the table's clock
/// with the zone named (<see cref="TableTime"/>), never ids or UTC.
/// </summary>
public static class TabMessages
{
    /// <summary>"You accepted DM-2026-0001 as lead for Northside Mental Health. The 48-hour update is due …(Toronto time)."</summary>
    public static Func<Situation, SituationResult, Table, IReadOnlyDictionary<string, Agency>, string> Accepted(Member member) =>
        (situation, _, table, agencies) =>
        {
            var assignment = situation.AssignmentOf(member.AgencyId);
            var agency = AgencyNames.Of(agencies, assignment?.AgencyId ?? member.AgencyId);
            var asLead = assignment?.Role == AssignmentRole.Lead;
            return asLead && situation.UpdateDueAt is { } due
                ? Texts.Get("Accepted.AsLead", situation.Id, agency, TableTime.Describe(due, table))
                : Texts.Get(asLead ? "Accepted.AsLeadNoDue" : "Accepted.AsAssisting", situation.Id, agency);
        };

    /// <summary>"You declined DM-2026-0001 for your agency. The co-chairs can see your reason."</summary>
    public static string Declined(Situation situation, SituationResult result, Table table, IReadOnlyDictionary<string, Agency> agencies) =>
        Texts.Get("Notice.Declined.Message", situation.Id);

    /// <summary>"Northside Mental Health reported back on DM-2026-0001 (Demo Table), Monday …(Toronto time). …" (also for the same form sent again).</summary>
    public static string UpdatePosted(Situation situation, SituationResult result, Table table, IReadOnlyDictionary<string, Agency> agencies) =>
        result.PostedUpdate is { } update
            ? Texts.Get("UpdatePosted.Text", AgencyNames.Of(agencies, update.AgencyId), situation.Id, table.Name, TableTime.Describe(update.At, table))
            : Texts.Get("Refusal.None");
}

using FocusBot.Core.Agenda;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards.Situations;

namespace FocusBot.Teams.Reminders;

/// <summary>Writes each reminder when it is sent, from the situations and roster as they are then.</summary>
public sealed class ReminderComposer(
    IRosterStore roster,
    ISituationStore situations,
    IConversationStore conversations,
    AgendaService agendas,
    SituationCatalogue catalogue,
    TimeProvider time) : IReminderComposer
{
    public async Task<ComposedReminder> ComposeAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        if (await roster.FindTableAsync(reminder.TableId, cancellationToken) is not { } table)
            return ComposedReminder.NoLongerApplies($"table {reminder.TableId} is no longer on the roster");

        if (reminder.Kind == ReminderKind.MeetingAgenda)
        {
            if (await conversations.FindTableChannelAsync(table.Id, cancellationToken) is not { } channel)
                return ComposedReminder.Undeliverable(
                    $"the {table.Name} agenda could not be posted: no channel is linked. A co-chair can type \"@FocusBot link {table.Id}\" in the table's channel.");
            var agenda = await agendas.ForMeetingAsync(table, reminder.Occurrence, cancellationToken);
            if (agenda.NextMeeting is { JoinUrl: null } next && reminder.JoinUrl is not null)
                agenda = agenda with { NextMeeting = next with { JoinUrl = reminder.JoinUrl } };
            var card = AgendaCard.Build(agenda, await AgenciesAsync(cancellationToken), catalogue);
            return ComposedReminder.Ready(channel, new OutgoingMessage(null, card.ToString()));
        }

        var email = ReminderTarget.MemberEmail(reminder.Target);
        var member = email is null ? null : await roster.FindMemberByEmailAsync(email, cancellationToken);
        if (member is null || !member.SitsAt(table.Id))
            return ComposedReminder.NoLongerApplies($"{email ?? reminder.Target} no longer sits at {table.Id}");
        var to = ConversationAddress.Personal(member.Email);

        if (reminder.Kind == ReminderKind.MeetingDigest)
        {
            var open = await situations.ListAsync(new SituationQuery([table.Id], [SituationStatus.Open, SituationStatus.Active]), cancellationToken);
            var agencies = await AgenciesAsync(cancellationToken);
            var card = MeetingDigestCard.Build(table, member, agencies.GetValueOrDefault(member.AgencyId), reminder.Occurrence,
                reminder.JoinUrl, open, time.GetUtcNow());
            return ComposedReminder.Ready(to, new OutgoingMessage(null, card.ToString()));
        }

        var situation = reminder.SituationId is null ? null : await situations.FindAsync(reminder.SituationId, cancellationToken);
        if (!ReminderPlanner.StillApplies(reminder, situation))
            return ComposedReminder.NoLongerApplies($"{reminder.SituationId} changed since the reminder was planned");

        var text = reminder.Kind switch
        {
            ReminderKind.UpdateNudge =>
                $"Reminder: the 48-hour update on **{situation!.Id}** is due {TableTime.Describe(situation.UpdateDueAt!.Value, table)}. " +
                $"Type **update {situation.Id}** to post it.",
            ReminderKind.UpdateOverdue => member.IsCoChairOf(table.Id) && !string.Equals(member.AgencyId, situation!.LeadAgencyId, StringComparison.OrdinalIgnoreCase)
                ? $"The 48-hour update on **{situation!.Id}** from {await AgencyNameAsync(situation.LeadAgencyId!, cancellationToken)} is overdue " +
                  $"(due {TableTime.Describe(situation.UpdateDueAt!.Value, table)})."
                : $"The 48-hour update on **{situation!.Id}** is overdue (due {TableTime.Describe(situation.UpdateDueAt!.Value, table)}). " +
                  $"Type **update {situation.Id}** to post it now.",
            _ => $"{await AgencyNameAsync(situation!.LeadAgencyId!, cancellationToken)} has not yet accepted the lead on **{situation.Id}** " +
                 $"(asked {TableTime.Describe(situation.LeadAssignment!.RequestedAt, table)}). Please follow up, or name another lead agency " +
                 "from the situation's card (**Change agencies**).",
        };
        return ComposedReminder.Ready(to, new OutgoingMessage(text));
    }

    private async Task<Dictionary<string, Agency>> AgenciesAsync(CancellationToken cancellationToken) =>
        (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);

    private async Task<string> AgencyNameAsync(string agencyId, CancellationToken cancellationToken) =>
        (await roster.FindAgencyAsync(agencyId, cancellationToken))?.Name ?? agencyId;
}

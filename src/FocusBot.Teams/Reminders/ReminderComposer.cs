using FocusBot.Core.Agenda;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Reminders;

/// <summary>
/// Writes each reminder when it is sent, from the situations and roster as they are then, in its recipient's language:
/// the agenda in the table's, a personal reminder in the member's (their own choice, else their Teams locale).
/// </summary>
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
            using var tableLanguage = BotLanguage.Scope(BotLanguage.Choose(table.Language));
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
        using var language = BotLanguage.Scope(BotLanguage.Choose(member.Language, member.TeamsLocale));

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

        var command = Examples.Command("Command.PostUpdate.Title", situation!.Id);
        var text = reminder.Kind switch
        {
            ReminderKind.UpdateNudge =>
                Texts.Get("Reminder.Nudge", situation.Id, TableTime.Describe(situation.UpdateDueAt!.Value, table), command),
            ReminderKind.UpdateOverdue => member.IsCoChairOf(table.Id) && !string.Equals(member.AgencyId, situation.LeadAgencyId, StringComparison.OrdinalIgnoreCase)
                ? Texts.Get("Reminder.OverdueToCoChair", situation.Id, await AgencyNameAsync(situation.LeadAgencyId!, cancellationToken),
                    TableTime.Describe(situation.UpdateDueAt!.Value, table))
                : Texts.Get("Reminder.Overdue", situation.Id, TableTime.Describe(situation.UpdateDueAt!.Value, table), command),
            _ => Texts.Get("Reminder.Unaccepted", await AgencyNameAsync(situation.LeadAgencyId!, cancellationToken), situation.Id,
                TableTime.Describe(situation.LeadAssignment!.RequestedAt, table), Texts.Get("Action.ChangeAgencies")),
        };
        return ComposedReminder.Ready(to, new OutgoingMessage(text));
    }

    private async Task<Dictionary<string, Agency>> AgenciesAsync(CancellationToken cancellationToken) =>
        (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);

    private async Task<string> AgencyNameAsync(string agencyId, CancellationToken cancellationToken) =>
        (await roster.FindAgencyAsync(agencyId, cancellationToken))?.Name ?? agencyId;
}

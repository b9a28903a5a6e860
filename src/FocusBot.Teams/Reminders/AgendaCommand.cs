using FocusBot.Core.Agenda;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Cards;
using Microsoft.Bot.Builder;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Reminders;

/// <summary>
/// <c>agenda</c> / <c>next meeting</c>: in a table's channel, that table's agenda; in a personal chat, the agenda
/// of each table the member sits at. Always the de-identified (filter 2) agenda.
/// </summary>
public sealed class AgendaCommand(AgendaService agendas, IConversationStore conversations, IRosterStore roster, SituationCatalogue catalogue)
{
    public async Task ShowAsync(ITurnContext turnContext, TurnMember who, CancellationToken cancellationToken)
    {
        var tables = who.Tables.ToList();
        if (!ConversationReferences.IsPersonal(turnContext.Activity) && ConversationReferences.AddressOf(turnContext, null) is { } here)
        {
            var linked = new List<Table>();
            foreach (var table in tables)
                if (await conversations.FindTableChannelAsync(table.Id, cancellationToken) == here) linked.Add(table);
            if (linked.Count > 0) tables = linked;
        }

        if (tables.Count == 0)
        {
            await turnContext.SendActivityAsync(Texts.Get("Notice.NoTable.Message"), cancellationToken: cancellationToken);
            return;
        }

        var agencies = (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            var agenda = await agendas.ForMeetingAsync(table, null, cancellationToken);
            await turnContext.SendActivityAsync(CardAttachment.Message(AgendaCard.Build(agenda, agencies, catalogue), Texts.Get("Agenda.Heading", table.Name)),
                cancellationToken);
        }
    }
}

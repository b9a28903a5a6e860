using FocusBot.Core.Conversations;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Figures;
using FocusBot.Teams.Reminders;
using FocusBot.Teams.Situations;
using Microsoft.Bot.Builder;

namespace FocusBot.Teams.Commands;

/// <summary>Runs what a member typed. One method per command; each feature's work lives in its own class.</summary>
public sealed class CommandDispatcher(
    IConversationStore conversations, SituationCardActions situations, UpdateCardActions updates, SituationLists lists,
    AgendaCommand agenda, StatsCommand stats)
{
    public Task RunAsync(ITurnContext turnContext, TurnMember who, BotCommand command, CancellationToken cancellationToken) =>
        command.Kind switch
        {
            BotCommandKind.Help => ShowHelpAsync(turnContext, who, null, cancellationToken),
            BotCommandKind.LinkChannel => LinkChannelAsync(turnContext, who, command.Argument!, cancellationToken),
            BotCommandKind.NewSituation => NewSituationAsync(turnContext, who, cancellationToken),
            BotCommandKind.ShowSituation => ShowSituationAsync(turnContext, who, command.Argument!, cancellationToken),
            BotCommandKind.OpenSituations => ListAsync(turnContext, who, SituationListScope.Open, cancellationToken),
            BotCommandKind.MySituations => ListAsync(turnContext, who, SituationListScope.Mine, cancellationToken),
            BotCommandKind.PostUpdate => UpdateFormAsync(turnContext, who, command.Argument, cancellationToken),
            BotCommandKind.Agenda => agenda.ShowAsync(turnContext, who, cancellationToken),
            BotCommandKind.Stats => stats.ShowAsync(turnContext, who, command.Argument, cancellationToken),
            _ => ShowHelpAsync(turnContext, who, BotMessages.NotUnderstood, cancellationToken),
        };

    public Task WelcomeAsync(ITurnContext turnContext, TurnMember who, CancellationToken cancellationToken) =>
        SendCardAsync(turnContext, WelcomeCard.Build(turnContext.Activity.From?.Name, who.Member, who.Agency, who.Tables,
            inChannel: !ConversationReferences.IsPersonal(turnContext.Activity), isWelcome: true), cancellationToken);

    public Task ShowHelpAsync(ITurnContext turnContext, TurnMember who, string? notice, CancellationToken cancellationToken) =>
        SendCardAsync(turnContext, WelcomeCard.Build(turnContext.Activity.From?.Name, who.Member, who.Agency, who.Tables,
            inChannel: !ConversationReferences.IsPersonal(turnContext.Activity), isWelcome: false, notice), cancellationToken);

    private async Task LinkChannelAsync(ITurnContext turnContext, TurnMember who, string tableText, CancellationToken cancellationToken)
    {
        if (ConversationReferences.IsPersonal(turnContext.Activity) || turnContext.Activity.Conversation.ConversationType != "channel")
        {
            await turnContext.SendActivityAsync("Type **link <table>** in your table's team channel, after @FocusBot.", cancellationToken: cancellationToken);
            return;
        }

        var table = who.Tables.FirstOrDefault(t =>
            t.Id.Equals(tableText, StringComparison.OrdinalIgnoreCase) || t.Name.Equals(tableText, StringComparison.OrdinalIgnoreCase) ||
            t.Name.Equals(tableText + " table", StringComparison.OrdinalIgnoreCase));
        if (table is null || !who.Member.IsCoChairOf(table.Id))
        {
            var yours = who.Tables.Where(t => who.Member.IsCoChairOf(t.Id)).Select(t => t.Id).ToList();
            await turnContext.SendActivityAsync(yours.Count == 0
                ? "Only a table's co-chair can link its channel."
                : $"I can link this channel to a table you co-chair: {string.Join(", ", yours)}.", cancellationToken: cancellationToken);
            return;
        }

        var channel = ConversationReferences.AddressOf(turnContext, null)!;
        await conversations.SaveAsync(channel, ConversationReferences.ReferenceJsonOf(turnContext), cancellationToken);
        await conversations.LinkTableChannelAsync(table.Id, channel, cancellationToken);
        await turnContext.SendActivityAsync(
            $"This channel is now the **{table.Name}** channel. Situation cards and the meeting agenda will be posted here " +
            "(no names, no notes). Type **link** again in another channel to move it.", cancellationToken: cancellationToken);
    }

    private async Task NewSituationAsync(ITurnContext turnContext, TurnMember who, CancellationToken cancellationToken) =>
        await SendCardAsync(turnContext, await situations.NewSituationFormAsync(who, cancellationToken), cancellationToken);

    private async Task ShowSituationAsync(ITurnContext turnContext, TurnMember who, string situationId, CancellationToken cancellationToken)
    {
        var inChannel = !ConversationReferences.IsPersonal(turnContext.Activity);
        var card = await situations.ViewAsync(situationId, who, inChannel, cancellationToken,
            inChannel ? ConversationReferences.ChannelIdOf(turnContext.Activity) : null);
        await SendCardAsync(turnContext, card, cancellationToken);
    }

    private async Task ListAsync(ITurnContext turnContext, TurnMember who, SituationListScope scope, CancellationToken cancellationToken)
    {
        var channelId = ConversationReferences.IsPersonal(turnContext.Activity) ? null : ConversationReferences.ChannelIdOf(turnContext.Activity) ?? "";
        await SendCardAsync(turnContext, await lists.PageAsync(scope, 1, who, channelId, cancellationToken), cancellationToken);
    }

    private async Task UpdateFormAsync(ITurnContext turnContext, TurnMember who, string? situationId, CancellationToken cancellationToken) =>
        await SendCardAsync(turnContext,
            await updates.FormAsync(situationId, who, !ConversationReferences.IsPersonal(turnContext.Activity), cancellationToken), cancellationToken);

    private static Task SendCardAsync(ITurnContext turnContext, AdaptiveCard card, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardAttachment.Message(card), cancellationToken);
}

using FocusBot.Core.Reminders;
using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Figures;
using FocusBot.Teams.Reminders;
using FocusBot.Teams.Situations;
using Microsoft.Bot.Builder;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Commands;

/// <summary>Runs what a member typed. One method per command; each feature's work lives in its own class.</summary>
public sealed class CommandDispatcher(
    IConversationStore conversations, IRosterStore roster, SituationCardActions situations, UpdateCardActions updates, SituationLists lists,
    AgendaCommand agenda, StatsCommand stats, CoChairNotices coChairs, TimeProvider time)
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
            BotCommandKind.Language => LanguageAsync(turnContext, who, command.Argument, cancellationToken),
            _ => ShowHelpAsync(turnContext, who, Texts.Get("Bot.NotUnderstood"), cancellationToken),
        };

    public Task WelcomeAsync(ITurnContext turnContext, TurnMember who, CancellationToken cancellationToken) =>
        SendCardAsync(turnContext, WelcomeCard.Build(turnContext.Activity.From?.Name, who,
            inChannel: !ConversationReferences.IsPersonal(turnContext.Activity), isWelcome: true, time.GetUtcNow()), cancellationToken);

    /// <param name="notice">Already in the member's language.</param>
    public Task ShowHelpAsync(ITurnContext turnContext, TurnMember who, string? notice, CancellationToken cancellationToken) =>
        SendCardAsync(turnContext, WelcomeCard.Build(turnContext.Activity.From?.Name, who,
            inChannel: !ConversationReferences.IsPersonal(turnContext.Activity), isWelcome: false, time.GetUtcNow(), notice), cancellationToken);

    /// <summary>
    /// <c>language français</c> / <c>langue english</c>: stores the member's own language and answers in it from then on
    /// (cards, reminders, every proactive message to them); <c>language</c> alone says which is in use and how to change it.
    /// </summary>
    private async Task LanguageAsync(ITurnContext turnContext, TurnMember who, string? language, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(language))
        {
            await turnContext.SendActivityAsync(Texts.Get(language is null ? "Language.Current" : "Language.Unknown"), cancellationToken: cancellationToken);
            return;
        }

        await roster.RecordLanguageAsync(who.Member.Email, language, cancellationToken);
        who.Member.Language = language;
        BotLanguage.Remember(turnContext, BotLanguage.Choose(language));
        await turnContext.SendActivityAsync(Texts.Get("Language.Set"), cancellationToken: cancellationToken);
    }

    private async Task LinkChannelAsync(ITurnContext turnContext, TurnMember who, string tableText, CancellationToken cancellationToken)
    {
        if (ConversationReferences.IsPersonal(turnContext.Activity) || turnContext.Activity.Conversation.ConversationType != "channel")
        {
            await turnContext.SendActivityAsync(Texts.Get("Link.InChannelOnly", Examples.LinkCommand(who)), cancellationToken: cancellationToken);
            return;
        }

        var table = who.Tables.FirstOrDefault(t =>
            t.Id.Equals(tableText, StringComparison.OrdinalIgnoreCase) || t.Name.Equals(tableText, StringComparison.OrdinalIgnoreCase) ||
            t.Name.Equals(tableText + " table", StringComparison.OrdinalIgnoreCase));
        if (table is null || !who.Member.IsCoChairOf(table.Id))
        {
            var yours = who.Tables.Where(t => who.Member.IsCoChairOf(t.Id)).Select(t => t.Id).ToList();
            await turnContext.SendActivityAsync(yours.Count == 0
                ? Texts.Get("Link.CoChairsOnly")
                : Texts.Get("Link.YourTables", string.Join(", ", yours.Select(id => Examples.Command("Command.LinkChannel.Title", id)))),
                cancellationToken: cancellationToken);
            return;
        }

        var channel = ConversationReferences.AddressOf(turnContext, null)!;
        await conversations.SaveAsync(channel, ConversationReferences.ReferenceJsonOf(turnContext), cancellationToken);
        await conversations.LinkTableChannelAsync(table.Id, channel, cancellationToken);
        // A channel linked again may be lost again: the co-chairs must hear of that loss too.
        await coChairs.ForgetAsync(table.Id, CoChairNotices.ChannelGoneSubject(channel.Key), cancellationToken);
        // The table's channel speaks the table's language.
        using var _ = BotLanguage.Scope(BotLanguage.Choose(table.Language));
        await turnContext.SendActivityAsync(Texts.Get("Link.Done", table.Name, Examples.Command("Command.LinkChannel.Title", table.Id)),
            cancellationToken: cancellationToken);
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

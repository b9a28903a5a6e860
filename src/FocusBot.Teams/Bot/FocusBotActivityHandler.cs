using FocusBot.Core.Conversations;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Commands;
using FocusBot.Teams.Identity;
using FocusBot.Teams.Situations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Logging;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Bot;

/// <summary>
/// FocusBot's Teams turn handler: finds who is talking, keeps their conversation reference fresh, and hands the
/// turn to the command it asks for. Unknown users get one polite sentence and nothing else.
/// </summary>
public sealed class FocusBotActivityHandler(
    MemberResolver members,
    IRosterStore roster,
    IConversationStore conversations,
    CommandDispatcher commands,
    SituationCardActions cardActions,
    ConversationLifecycle lifecycle,
    ILogger<FocusBotActivityHandler> logger) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(turnContext.Activity.From?.Id) || string.IsNullOrEmpty(turnContext.Activity.Conversation?.Id))
        {
            logger.LogWarning("Ignored a {Type} activity without a sender or conversation.", turnContext.Activity.Type);
            return;
        }
        if (!HasReadableChannelData(turnContext.Activity))
        {
            // Teams always sends an object of its own shape; Bot Framework's Teams helpers cast it blindly.
            logger.LogWarning("Dropped the unreadable channelData of a {Type} activity.", turnContext.Activity.Type);
            turnContext.Activity.ChannelData = null;
        }
        // The Teams user's locale until the member is known (their own choice, if any, wins then).
        BotLanguage.Remember(turnContext, BotLanguage.Choose(null, turnContext.Activity.Locale));
        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    private static bool HasReadableChannelData(Activity activity)
    {
        try
        {
            _ = activity.GetChannelData<TeamsChannelData>();
            return true;
        }
        catch (Exception e) when (e is InvalidCastException or Newtonsoft.Json.JsonException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var who = SpeakTo(await IdentifyAsync(turnContext, cancellationToken), turnContext);
        if (who is null)
        {
            await turnContext.SendActivityAsync(BotMessages.NotOnRoster, cancellationToken: cancellationToken);
            return;
        }

        if (string.IsNullOrWhiteSpace(turnContext.Activity.Text) && turnContext.Activity.Value is not null)
        {
            // Action.Submit, the fallback of our Action.Execute buttons: answer with the next card as a message.
            var card = await RunCardActionAsync(turnContext, who, null, turnContext.Activity.Value, cancellationToken);
            await turnContext.SendActivityAsync(CardAttachment.Message(card), cancellationToken);
            return;
        }

        var text = CommandText.WithoutMentions(turnContext.Activity);
        if (text is { Length: > CommandParser.MaxCommandLength })
        {
            await commands.ShowHelpAsync(turnContext, who, BotMessages.TooLong, cancellationToken);
            return;
        }

        await commands.RunAsync(turnContext, who, CommandParser.Parse(text), cancellationToken);
    }

    /// <summary>
    /// Invokes as Bot Framework answers them, except that one this bot does not handle is a bad request (400), not
    /// Bot Framework's 501: a forged or unknown invoke is the caller's mistake, not a server fault to page anyone for.
    /// </summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        var response = await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        if (response?.Status != StatusCodes.NotImplemented) return response!;
        logger.LogInformation("Answered an invoke this bot does not handle ({Name}) with 400.", turnContext.Activity.Name);
        return new InvokeResponse { Status = StatusCodes.BadRequest };
    }

    private static class StatusCodes
    {
        public const int BadRequest = 400;
        public const int NotImplemented = 501;
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext,
        AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var who = SpeakTo(await IdentifyAsync(turnContext, cancellationToken), turnContext);
        var card = who is null
            ? Cards.Situations.NoticeCard.Build(Texts.Get("Bot.NotOnRosterTitle"), BotMessages.NotOnRoster, isError: true)
            : await RunCardActionAsync(turnContext, who, invokeValue.Action?.Verb, invokeValue.Action?.Data, cancellationToken);
        return new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = AdaptiveCard.ContentType,
            Value = Newtonsoft.Json.Linq.JObject.Parse(card.ToString()),
        };
    }

    private async Task<AdaptiveCard> RunCardActionAsync(ITurnContext turnContext, TurnMember who, string? verb, object? data,
        CancellationToken cancellationToken)
    {
        var action = Situations.CardAction.From(verb, data, turnContext.Activity.Id);
        if (action is null)
            return Cards.Situations.NoticeCard.Of("UnknownButton", isError: true);
        try
        {
            var inChannel = !ConversationReferences.IsPersonal(turnContext.Activity);
            return await cardActions.RunAsync(action, who, inChannel, cancellationToken,
                inChannel ? ConversationReferences.ChannelIdOf(turnContext.Activity) : null, ClickedCard(turnContext, who));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The card action {Verb} failed.", action.Verb);
            return Cards.Situations.NoticeCard.Of("SomethingWentWrong", isError: true);
        }
    }

    /// <summary>
    /// The message holding the card that was clicked (an invoke's replyToId) in a personal chat, so an answer that
    /// replaces it can be redrawn later. In a channel the answer is not redrawn: the channel's newest card about a
    /// situation stays the situation's own.
    /// </summary>
    private static Core.Deliveries.ConfirmationCard? ClickedCard(ITurnContext turnContext, TurnMember who) =>
        turnContext.Activity.Type == ActivityTypes.Invoke && !string.IsNullOrEmpty(turnContext.Activity.ReplyToId)
            && ConversationReferences.IsPersonal(turnContext.Activity)
            && ConversationReferences.AddressOf(turnContext, who.Member.Email) is { } address
            ? new Core.Deliveries.ConfirmationCard(address, turnContext.Activity.ReplyToId)
            : null;

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var who = SpeakTo(await IdentifyAsync(turnContext, cancellationToken), turnContext);
        if (ConversationReferences.IsPersonal(turnContext.Activity))
        {
            if (who is null)
                await turnContext.SendActivityAsync(BotMessages.NotOnRoster, cancellationToken: cancellationToken);
            else
                await commands.WelcomeAsync(turnContext, who, cancellationToken);
            return;
        }

        await RememberChannelAsync(turnContext, cancellationToken);
        // Whoever added the bot: their tables give the example (a stranger gets the words "link" and "table").
        var example = who is null ? Examples.Command("Command.LinkChannel.Title", Texts.Get("Example.Table")) : Examples.LinkCommand(who);
        await turnContext.SendActivityAsync(MessageFactory.Text(Texts.Get("Bot.ChannelWelcome", example)), cancellationToken);
    }

    protected override async Task OnTeamsMembersAddedAsync(IList<TeamsChannelAccount> membersAdded, TeamInfo teamInfo,
        ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Teams announces the bot joining a team here (the welcome is sent on installationUpdate, once).
        if (membersAdded.Any(m => m.Id == turnContext.Activity.Recipient?.Id) && !ConversationReferences.IsPersonal(turnContext.Activity))
        {
            await RememberChannelAsync(turnContext, cancellationToken);
        }
    }

    protected override Task OnTeamsChannelDeletedAsync(ChannelInfo channelInfo, TeamInfo teamInfo,
        ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(channelInfo?.Id) ? Task.CompletedTask : lifecycle.ChannelGoneAsync(channelInfo.Id, CoChairProblemKind.ChannelDeleted, cancellationToken);

    protected override Task OnTeamsTeamArchivedAsync(TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken) => TeamGoneAsync(teamInfo, turnContext, CoChairProblemKind.TeamArchived, cancellationToken);

    protected override Task OnTeamsTeamDeletedAsync(TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken) => TeamGoneAsync(teamInfo, turnContext, CoChairProblemKind.TeamDeleted, cancellationToken);

    protected override Task OnTeamsTeamHardDeletedAsync(TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken) => TeamGoneAsync(teamInfo, turnContext, CoChairProblemKind.TeamDeleted, cancellationToken);

    protected override async Task OnTeamsMembersRemovedAsync(IList<TeamsChannelAccount> membersRemoved, TeamInfo teamInfo,
        ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The bot itself removed from a team or a chat: the same as the app being removed there.
        if (membersRemoved.Any(m => m.Id == turnContext.Activity.Recipient?.Id) && !ConversationReferences.IsPersonal(turnContext.Activity))
            await TeamGoneAsync(teamInfo, turnContext, CoChairProblemKind.RemovedFromTeam, cancellationToken);
    }

    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (!ConversationReferences.IsPersonal(turnContext.Activity))
        {
            await TeamGoneAsync(turnContext.Activity.TeamsGetTeamInfo(), turnContext, CoChairProblemKind.RemovedFromTeam, cancellationToken);
            return;
        }

        // Teams may no longer tell us the member's e-mail once the app is gone: the roster knows them by object id.
        var member = await members.ResolveAsync(turnContext, cancellationToken);
        if (member is not null) await lifecycle.PersonalScopeRemovedAsync(member.Email, cancellationToken);
    }

    private Task TeamGoneAsync(TeamInfo? teamInfo, ITurnContext turnContext, CoChairProblemKind what, CancellationToken cancellationToken)
    {
        var channelId = ConversationReferences.ChannelIdOf(turnContext.Activity);
        return string.IsNullOrEmpty(teamInfo?.Id)
            ? channelId is null ? Task.CompletedTask : lifecycle.ChannelGoneAsync(channelId, what, cancellationToken)
            : lifecycle.TeamGoneAsync(teamInfo.Id, channelId, what, cancellationToken);
    }

    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<TurnMember?> IdentifyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var member = await members.ResolveAsync(turnContext, cancellationToken);
        if (member is null)
        {
            logger.LogInformation("A user who is not on the roster wrote to the bot ({Type}).", turnContext.Activity.Type);
            return null;
        }

        var address = ConversationReferences.AddressOf(turnContext, member.Email);
        if (address is not null)
            await conversations.SaveAsync(address, ConversationReferences.ReferenceJsonOf(turnContext), cancellationToken, TeamIdOf(turnContext));

        if (BotLanguage.Normalize(turnContext.Activity.Locale) is { } locale && member.TeamsLocale != locale)
            await roster.RecordTeamsLocaleAsync(member.Email, locale, cancellationToken);

        var (agency, tables) = await roster.AgencyAndTablesOfAsync(member, cancellationToken);
        return new TurnMember(member, agency, tables);
    }

    /// <summary>
    /// The member's language from here on in the turn: their own choice, else Teams' locale. Synchronous on purpose: a
    /// culture set inside an async method is undone when it returns.
    /// </summary>
    private static TurnMember? SpeakTo(TurnMember? who, ITurnContext turnContext)
    {
        if (who is not null) BotLanguage.Remember(turnContext, BotLanguage.Choose(who.Member.Language, turnContext.Activity.Locale));
        return who;
    }

    private async Task RememberChannelAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (ConversationReferences.AddressOf(turnContext, null) is { } address)
            await conversations.SaveAsync(address, ConversationReferences.ReferenceJsonOf(turnContext), cancellationToken, TeamIdOf(turnContext));
    }

    private static string? TeamIdOf(ITurnContext turnContext) =>
        ConversationReferences.IsPersonal(turnContext.Activity) ? null : (turnContext.Activity as Activity)?.TeamsGetTeamInfo()?.Id;
}

using System.Globalization;
using FocusBot.Teams.Localization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using FocusBot.Teams.Telemetry;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Bot;

/// <summary>
/// The Bot Framework adapter, with a turn error handler that apologises (in the member's language) instead of failing silently, and a span and a
/// count per turn (<see cref="TurnTelemetryMiddleware"/>).
/// </summary>
public sealed class FocusBotAdapter : CloudAdapter
{
    /// <summary>The apology for a failed turn, in <paramref name="language"/> (the resources' <c>Notice.SomethingWentWrong.Message</c>).</summary>
    public static string SomethingWentWrong(CultureInfo language)
    {
        using var _ = BotLanguage.Scope(language);
        return Texts.Get("Notice.SomethingWentWrong.Message");
    }

    /// <summary>
    /// The language to apologise in: the one the turn chose for the member (<see cref="BotLanguage.TurnStateKey"/>), else
    /// the locale Teams sent (the culture set inside the turn does not reach the error handler, which runs outside it).
    /// </summary>
    public static CultureInfo LanguageOf(ITurnContext turnContext) =>
        turnContext.TurnState.Get<CultureInfo>(BotLanguage.TurnStateKey) ?? BotLanguage.Choose(null, turnContext.Activity?.Locale);

    public FocusBotAdapter(BotFrameworkAuthentication authentication, ILogger<FocusBotAdapter> logger)
        : base(authentication, logger)
    {
        Use(new TurnTelemetryMiddleware());
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "A {Type} turn failed.", turnContext.Activity.Type);
            if (turnContext.Activity.Type == Microsoft.Bot.Schema.ActivityTypes.Message && !turnContext.Responded)
            {
                try
                {
                    await turnContext.SendActivityAsync(SomethingWentWrong(LanguageOf(turnContext)));
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Could not tell the user that the turn failed.");
                }
            }
        };
    }
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using FocusBot.Teams.Telemetry;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Bot;

/// <summary>
/// The Bot Framework adapter, with a turn error handler that apologises instead of failing silently, and a span and a
/// count per turn (<see cref="TurnTelemetryMiddleware"/>).
/// </summary>
public sealed class FocusBotAdapter : CloudAdapter
{
    public const string SomethingWentWrong = "Sorry, something went wrong on my side and nothing was saved. Please try again in a minute.";

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
                    await turnContext.SendActivityAsync(SomethingWentWrong);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Could not tell the user that the turn failed.");
                }
            }
        };
    }
}

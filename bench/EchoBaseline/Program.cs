// The stock Bot Framework echo bot (BotBuilder-Samples 02.echo-bot), as the floor FocusBot is measured against.
// Same SDK (4.23.1), same adapter (CloudAdapter over ConfigurationBotFrameworkAuthentication with IHttpClientFactory),
// same GC mode and the same kind of endpoint as FocusBot's host. With no MicrosoftAppId authentication is off,
// exactly as in the bench's FocusBot runs. The only addition to the sample: an Action.Execute invoke is answered with
// a one-line card echoing its verb (the sample would answer 501), so that an invoke has a like-for-like floor too.
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpClient();
builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
builder.Services.AddSingleton<IBotFrameworkHttpAdapter, AdapterWithErrorHandler>();
builder.Services.AddTransient<IBot, EchoBot>();
var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) =>
    adapter.ProcessAsync(request, response, bot));
app.Run();

sealed class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<IBotFrameworkHttpAdapter> logger) : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "[OnTurnError] unhandled error : {Message}", exception.Message);
            await turnContext.SendActivityAsync("The bot encountered an error or bug.");
        };
    }
}

sealed class EchoBot : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var replyText = $"Echo: {turnContext.Activity.Text}";
        await turnContext.SendActivityAsync(MessageFactory.Text(replyText, replyText), cancellationToken);
    }

    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext,
        AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        Task.FromResult(new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = "application/vnd.microsoft.card.adaptive",
            Value = JObject.FromObject(new
            {
                type = "AdaptiveCard", version = "1.5",
                body = new[] { new { type = "TextBlock", text = $"Echo: {invokeValue.Action?.Verb}", wrap = true } },
            }),
        });
}

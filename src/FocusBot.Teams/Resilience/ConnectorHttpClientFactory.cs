namespace FocusBot.Teams.Resilience;

/// <summary>
/// Hands Bot Framework the named client that carries <see cref="ConnectorRetryPolicy"/>, whatever name it asks for:
/// <c>ConfigurationBotFrameworkAuthentication</c> calls <c>CreateClient()</c> with the default name for every connector
/// client it makes, turn replies and proactive sends alike.
/// </summary>
public sealed class ConnectorHttpClientFactory(IHttpClientFactory clients) : IHttpClientFactory
{
    public const string ClientName = "BotConnector";

    public HttpClient CreateClient(string name) => clients.CreateClient(ClientName);
}

using Azure.Core;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace FocusBot.Calendar;

/// <summary>A GraphServiceClient for the configured base URL whose retries follow <see cref="GraphOptions.MaxRetries"/>.</summary>
public static class GraphServiceClientFactory
{
    public static GraphServiceClient Create(GraphOptions options, TokenCredential credential)
    {
        // Graph's own retry handler already retries 429, 503 and 504 and honours Retry-After; only its bound is ours.
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.OfType<RetryHandler>().Single();
        handlers[handlers.IndexOf(retry)] = new RetryHandler(new RetryHandlerOption { MaxRetry = options.MaxRetries });

        // The token goes to the configured host only (national clouds have their own), and is asked for that host.
        var baseUrl = new Uri(options.BaseUrl);
        var authentication = new AzureIdentityAuthenticationProvider(
            credential, allowedHosts: [baseUrl.Host], observabilityOptions: null, isCaeEnabled: true, scopes: [baseUrl.GetLeftPart(UriPartial.Authority) + "/.default"]);
        return new GraphServiceClient(GraphClientFactory.Create(handlers), authentication, options.BaseUrl.TrimEnd('/'));
    }
}

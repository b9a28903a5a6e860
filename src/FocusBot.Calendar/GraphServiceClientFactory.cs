using Azure.Core;
using Microsoft.Graph;
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

        var httpClient = GraphClientFactory.Create(handlers);
        return new GraphServiceClient(httpClient, credential, [ScopeFor(options.BaseUrl)], options.BaseUrl.TrimEnd('/'));
    }

    // National clouds have their own Graph host, and a token is asked for the host the requests go to.
    private static string ScopeFor(string baseUrl) => new Uri(baseUrl).GetLeftPart(UriPartial.Authority) + "/.default";
}

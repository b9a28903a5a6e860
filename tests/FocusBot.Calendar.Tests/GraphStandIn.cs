using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FocusBot.Calendar.Tests;

/// <summary>A loopback Kestrel server that answers in Microsoft Graph's place and remembers what it was asked.</summary>
internal sealed class GraphStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private GraphStandIn(WebApplication app) => _app = app;

    /// <summary>How the stand-in answers the n-th request (counting from 0).</summary>
    public Func<RecordedRequest, int, StandInAnswer> Answer { get; set; } = (_, _) => new StandInAnswer(404);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public string BaseUrl { get; private set; } = "";

    public static async Task<GraphStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var standIn = new GraphStandIn(builder.Build());
        standIn._app.Run(standIn.HandleAsync);
        await standIn._app.StartAsync();
        standIn.BaseUrl = standIn._app.Urls.Single() + "/v1.0";
        return standIn;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync());
        var index = _requests.Count;
        _requests.Enqueue(recorded);

        var answer = Answer(recorded, index);
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        if (answer.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Json);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record RecordedRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body);

internal sealed record StandInAnswer(int Status, string? Json = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static StandInAnswer Ok(string json) => new(200, json);

    public static StandInAnswer Error(int status, string code, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, $$"""{ "error": { "code": "{{code}}", "message": "stand-in says {{code}}" } }""", headers);
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Tests.Support;

public sealed record RecordedRequest(string Method, string RawTarget, string Body);

/// <summary>An answer the stand-in gives once, before falling back to Teams' ordinary success answers.</summary>
public sealed record ScriptedResponse(HttpStatusCode Status, string? Body = null, string? RetryAfter = null)
{
    public static ScriptedResponse Error(HttpStatusCode status, string code) =>
        new(status, $$$"""{"error":{"code":"{{{code}}}","message":"scripted"}}""");
}

/// <summary>
/// The Bot Connector on loopback: records every request as it arrived (raw target, so encoded conversation ids stay
/// encoded) and answers from a script, else as Teams would on success.
/// </summary>
public sealed partial class ConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private int _created;

    private ConnectorStandIn(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var standIn = new ConnectorStandIn(builder.Build());
        standIn._app.Run(standIn.AnswerAsync);
        await standIn._app.StartAsync();
        var address = standIn._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        standIn.ServiceUrl = address.TrimEnd('/') + "/";
        return standIn;
    }

    public void Answer(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        _requests.Enqueue(new RecordedRequest(context.Request.Method, target, body));

        var answer = _script.TryDequeue(out var scripted) ? scripted : Success(context.Request.Method, target);
        context.Response.StatusCode = (int)answer.Status;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (answer.Body is { } json)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        }
    }

    private ScriptedResponse Success(string method, string target)
    {
        if (method == HttpMethods.Post && target == "/v3/conversations")
        {
            var n = Interlocked.Increment(ref _created);
            return new(HttpStatusCode.Created, $$"""{"id":"a:opened-{{n}}"}""");
        }

        if (method == HttpMethods.Put && UpdatedActivity().Match(target) is { Success: true } update)
        {
            return new(HttpStatusCode.OK, $$"""{"id":"{{Uri.UnescapeDataString(update.Groups[1].Value)}}"}""");
        }

        return new(HttpStatusCode.Created, $$"""{"id":"activity-{{_requests.Count}}"}""");
    }

    [GeneratedRegex("/activities/([^/?]+)$")]
    private static partial Regex UpdatedActivity();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

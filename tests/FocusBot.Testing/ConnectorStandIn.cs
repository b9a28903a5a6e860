using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusBot.Testing;

/// <summary>One request the bot made to the Bot Connector, as it arrived.</summary>
public sealed record ConnectorRequest(string Method, string RawTarget, string Body)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}

/// <summary>An answer the stand-in gives once, before falling back to Teams' ordinary success answers.</summary>
public sealed record ScriptedResponse(HttpStatusCode Status, string? Body = null, string? RetryAfter = null)
{
    public static ScriptedResponse Error(HttpStatusCode status, string code) =>
        new(status, $$$"""{"error":{"code":"{{{code}}}","message":"scripted"}}""");
}

/// <summary>
/// A loopback stand-in for the Bot Connector service (the <c>serviceUrl</c> of Teams' activities): it records every
/// request with its raw target (the connector URL-encodes conversation ids: "a:conv" arrives as "a%3Aconv"), answers
/// member look-ups from a list of users, answers from a script when told to fail, and otherwise as Teams would.
/// </summary>
public sealed partial class ConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<ScriptedResponse> _lookupScript = new();
    private readonly ConcurrentDictionary<string, JsonObject> _users = new();
    private int _created;
    private int _posted;

    private ConnectorStandIn(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>How long each post or update of an activity takes to answer (a slow Teams); zero by default. The request is recorded when it arrives.</summary>
    public TimeSpan ActivityLatency { get; set; }
    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests];

    /// <summary>Activities the bot posted or updated (not member look-ups).</summary>
    public IReadOnlyList<ConnectorRequest> Activities =>
        Requests.Where(r => r.Method is "POST" or "PUT" && r.RawTarget.Contains("/activities")).ToList();

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

    /// <summary>Teams knows this user: member look-ups answer with their e-mail.</summary>
    public void AddUser(string userId, string name, string email, string? aadObjectId = null) =>
        _users[userId] = new JsonObject
        {
            ["id"] = userId, ["name"] = name, ["email"] = email, ["userPrincipalName"] = email,
            ["aadObjectId"] = aadObjectId ?? Guid.NewGuid().ToString(),
        };

    /// <summary>The next sends get these answers, in order (e.g. a 429 with Retry-After, then a 503).</summary>
    public void Answer(params ScriptedResponse[] responses)
    {
        foreach (var response in responses) _script.Enqueue(response);
    }

    private (Func<ConnectorRequest, bool> Which, ScriptedResponse Response)? _firstPostAnswer;

    /// <summary>
    /// The first post of an activity that <paramref name="which"/> picks (e.g. the first rep's card of a situation)
    /// gets <paramref name="response"/>, whatever other posts come before it.
    /// </summary>
    public void AnswerFirstPost(Func<ConnectorRequest, bool> which, ScriptedResponse response) => _firstPostAnswer = (which, response);

    private ScriptedResponse? FirstPostAnswer(ConnectorRequest request)
    {
        if (request.Method != HttpMethods.Post || !request.RawTarget.Contains("/activities") || _firstPostAnswer is not { } wanted || !wanted.Which(request))
            return null;
        lock (_script)
        {
            if (_firstPostAnswer is null) return null;
            _firstPostAnswer = null;
            return wanted.Response;
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var request = new ConnectorRequest(context.Request.Method, target, body);
        _requests.Enqueue(request);

        var answer = MemberLookup(context.Request.Method, target)
                     ?? FirstPostAnswer(request)
                     ?? (_script.TryDequeue(out var scripted) ? scripted : Success(context.Request.Method, target));
        if (ActivityLatency > TimeSpan.Zero && target.Contains("/activities")) await Task.Delay(ActivityLatency, context.RequestAborted);
        context.Response.StatusCode = (int)answer.Status;
        if (answer.RetryAfter is { } retryAfter) context.Response.Headers.RetryAfter = retryAfter;
        if (answer.Body is { } json)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        }
    }

    /// <summary>The next member look-ups get these answers, in order (e.g. 503s), before Teams' ordinary answers.</summary>
    public void AnswerMemberLookups(params ScriptedResponse[] responses)
    {
        foreach (var response in responses) _lookupScript.Enqueue(response);
    }

    private ScriptedResponse? MemberLookup(string method, string target)
    {
        if (method != HttpMethods.Get || MemberTarget().Match(target) is not { Success: true } match) return null;
        if (_lookupScript.TryDequeue(out var scripted)) return scripted;
        // Teams finds a member by Teams id, Entra object id or UPN (e-mail).
        var wanted = Uri.UnescapeDataString(match.Groups[1].Value);
        var user = _users.TryGetValue(wanted, out var byId) ? byId : _users.Values.FirstOrDefault(u =>
            string.Equals((string?)u["email"], wanted, StringComparison.OrdinalIgnoreCase) || (string?)u["aadObjectId"] == wanted);
        return user is not null
            ? new(HttpStatusCode.OK, user.ToJsonString(new JsonSerializerOptions()))
            : ScriptedResponse.Error(HttpStatusCode.NotFound, "MemberNotFoundInConversation");
    }

    private ScriptedResponse Success(string method, string target)
    {
        if (method == HttpMethods.Post && target.TrimEnd('/') == "/v3/conversations")
            return new(HttpStatusCode.Created, $$"""{"id":"a:opened-{{Interlocked.Increment(ref _created)}}"}""");
        if (method == HttpMethods.Put && UpdatedActivity().Match(target) is { Success: true } update)
            return new(HttpStatusCode.OK, $$"""{"id":"{{Uri.UnescapeDataString(update.Groups[1].Value)}}"}""");
        return new(HttpStatusCode.Created, $$"""{"id":"activity-{{Interlocked.Increment(ref _posted)}}"}""");
    }

    [GeneratedRegex("/members/([^/?]+)$")]
    private static partial Regex MemberTarget();

    [GeneratedRegex("/activities/([^/?]+)$")]
    private static partial Regex UpdatedActivity();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

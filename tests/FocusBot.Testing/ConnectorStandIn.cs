using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FocusBot.Testing;

/// <summary>One request the bot made to the Bot Connector.</summary>
public sealed record ConnectorRequest(string Method, string RawTarget, string Body)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}

/// <summary>
/// A loopback stand-in for the Bot Connector service (the <c>serviceUrl</c> of Teams' activities): it records what
/// the bot sends, answers member look-ups from a list of users, and can be told to fail.
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentDictionary<string, JsonObject> _users = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new();
    private int _nextId;

    private ConnectorStandIn(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";
    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests];

    /// <summary>Activities the bot posted or updated (not member look-ups).</summary>
    public IReadOnlyList<ConnectorRequest> Activities =>
        Requests.Where(r => r.Method is "POST" or "PUT" && r.RawTarget.Contains("/activities")).ToList();

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ConnectorStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
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

    /// <summary>The next send fails with this status (e.g. 429 with a Retry-After of "1").</summary>
    public void FailNext(int status, string? retryAfter = null) => _failures.Enqueue((status, retryAfter));

    private async Task HandleAsync(HttpContext http)
    {
        // The connector URL-encodes conversation ids ("a:conv" becomes "a%3Aconv"): read the raw target.
        var target = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        _requests.Enqueue(new ConnectorRequest(http.Request.Method, target, body));
        var path = Uri.UnescapeDataString(target.Split('?')[0]);

        if (http.Request.Method == "GET" && path.Contains("/members/"))
        {
            var userId = path[(path.LastIndexOf("/members/", StringComparison.Ordinal) + "/members/".Length)..];
            if (_users.TryGetValue(userId, out var user)) await Json(http, 200, user);
            else await Json(http, 404, new JsonObject { ["error"] = new JsonObject { ["code"] = "MemberNotFoundInConversation" } });
            return;
        }

        if (_failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is not null) http.Response.Headers.RetryAfter = failure.RetryAfter;
            await Json(http, failure.Status, new JsonObject { ["error"] = new JsonObject { ["code"] = "Failure", ["message"] = "scripted" } });
            return;
        }

        var id = Interlocked.Increment(ref _nextId);
        if (http.Request.Method == "POST" && path.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            await Json(http, 201, new JsonObject { ["id"] = $"a:created-{id}" });
            return;
        }
        await Json(http, http.Request.Method == "POST" ? 201 : 200, new JsonObject { ["id"] = $"activity-{id}" });
    }

    private static async Task Json(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions()));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Testing;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace FocusBot.Tests.Host;

/// <summary>
/// Random requests to <c>/api/messages</c> through the real host (HTTP pipeline, body limits, Bot Framework's own
/// deserialization, the turn): a Teams activity with random fields replaced by random JSON values of any type, or a
/// body that is not JSON at all. None may be answered with a 5xx. (The deeper in-process run of 10,000 activities is
/// <c>HostileActivityFuzzTests</c> in FocusBot.Teams.Tests.)
/// </summary>
public sealed class HostileRequestFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 500;
    private static readonly string[] Fields =
        ["type", "id", "timestamp", "localTimestamp", "channelId", "serviceUrl", "from", "from.id", "from.aadObjectId", "conversation",
         "conversation.id", "conversation.tenantId", "conversation.conversationType", "recipient", "text", "textFormat", "attachments",
         "entities", "channelData", "value", "name", "replyToId", "locale", "action", "membersAdded", "expiration", "importance"];

    private FocusBotApp _app = null!;
    private ConnectorStandIn _connector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _connector.AddUser("29:rep", "Sam Example", "rep.demo@northside-mh.example");
        // Every random activity comes from one user; the per-user limit is not what this test is about.
        _app = await FocusBotApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:MessagesBurst"] = "100000" });
        _client = _app.CreateClient();
        var roster = await File.ReadAllTextAsync(SampleRoster.Path);
        (await _client.PutAsync("/api/v1/roster", new StringContent(roster, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task No_random_request_is_answered_with_a_server_error()
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("FOCUSBOT_FUZZ_SEED"), out var given) ? given : (ulong)System.Random.Shared.NextInt64();
        var bodies = BodyGen().Sample(size: 10, seed: new Rnd(seed), numberOfSamples: Requests);
        var statuses = new Dictionary<int, int>();

        foreach (var body in bodies)
        {
            using var response = await _client.PostAsync("/api/messages", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"(seed {seed}) {status} for: {Encoding.UTF8.GetString(body)}\n{await response.Content.ReadAsStringAsync()}");
        }
        output.WriteLine($"seed {seed}: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}")));
    }

    [Theory]
    [InlineData("timestamp", "\"not a date\"")]
    [InlineData("localTimestamp", "\"2026-13-45T99:99:99Z\"")]
    [InlineData("expiration", "[1, 2]")]
    [InlineData("attachments", "\"not a list\"")]
    [InlineData("entities", "{ \"type\": \"mention\" }")]
    [InlineData("membersAdded", "42")]
    [InlineData("from", "{ \"id\": \"29:rep\", \"role\": { } }")]
    public async Task A_field_Bot_Framework_cannot_read_is_a_bad_request_not_a_server_error(string field, string json)
    {
        var activity = Activities.Message(_connector.ServiceUrl, "29:rep", "help");
        activity[field] = JsonNode.Parse(json);

        using var response = await _client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Gen<byte[]> BodyGen()
    {
        var mutated =
            from changes in (from field in Gen.Elements(Fields) from value in JsonValueGen() select (field, value)).NonEmptyListOf()
            select Encoding.UTF8.GetBytes(Mutate(changes).ToJsonString());
        var notJson = Gen.Elements("", "{", "[]", "null", "\"activity\"", "{\"type\":", "<xml/>", "{\"type\":\"message\"}}", "\u0000\u0001")
            .Select(Encoding.UTF8.GetBytes);
        return Gen.Frequency((9, mutated), (1, notJson));
    }

    private JsonObject Mutate(IEnumerable<(string Field, JsonNode? Value)> changes)
    {
        var activity = Activities.Message(_connector.ServiceUrl, "29:rep", "open situations");
        foreach (var (field, value) in changes)
        {
            var path = field.Split('.');
            var parent = path.Length == 1 ? activity : activity[path[0]] as JsonObject;
            parent?[path[^1]] = value?.DeepClone();
        }
        return activity;
    }

    private static Gen<JsonNode?> JsonValueGen()
    {
        var leaf = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(s => (JsonNode?)JsonValue.Create(s)),
            ArbMap.Default.GeneratorFor<int>().Select(i => (JsonNode?)JsonValue.Create(i)),
            Gen.Elements<JsonNode?>(null, JsonValue.Create(true), JsonValue.Create(1e308), JsonValue.Create(-9223372036854775808L),
                JsonValue.Create("2026-13-45T99:99:99Z"), JsonValue.Create("not a date"), JsonValue.Create("msteams"),
                JsonValue.Create("https://evil.example/"), JsonValue.Create("javascript:alert(1)"), JsonValue.Create("invoke"),
                JsonValue.Create("message"), JsonValue.Create("")));
        return Gen.Frequency(
            (4, leaf),
            (1, leaf.ListOf().Resize(3).Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]))),
            (1, (from name in Gen.Elements("id", "type", "name", "text", "tenant", "aadObjectId", "x") from value in leaf select (name, value))
                .ListOf().Resize(3).Select(pairs =>
                {
                    var o = new JsonObject();
                    foreach (var (name, value) in pairs) o[name] = value?.DeepClone();
                    return (JsonNode?)o;
                })));
    }
}

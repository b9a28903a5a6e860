using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Data;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Tests.Situations;

public sealed class SqliteIdempotencyKeyApiTests() : IdempotencyKeyApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresIdempotencyKeyApiTests() : IdempotencyKeyApiTests(DatabaseProvider.Postgres);

/// <summary>
/// <c>Idempotency-Key</c> on the REST API's changes, on a real database: the same key and request has one effect and
/// gets the same answer (here, on another instance, or at the same moment), another request with the key is refused,
/// and without a key nothing changes.
/// </summary>
public abstract class IdempotencyKeyApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SituationsHost _host = null!;

    public async Task InitializeAsync() => _host = await SituationsHost.StartAsync(provider: provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static HttpRequestMessage Post(string path, JsonNode? body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private Task<HttpResponseMessage> RecordAsync(string? key, JsonObject? request = null, HttpClient? client = null) =>
        (client ?? _host.Client).SendAsync(Post("/api/v1/situations", request ?? SituationsHost.DemoRequest(), key));

    private async Task<(int Situations, int Deliveries)> StoredAsync()
    {
        await using var db = _host.Database.CreateContext();
        return (await db.Situations.CountAsync(), await db.Deliveries.CountAsync());
    }

    private static async Task<(HttpStatusCode Status, string Body, string? Location)> Read(HttpResponseMessage response) =>
        (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);

    [Fact]
    public async Task The_same_recording_twice_with_one_key_records_once_and_answers_the_same_status_and_body()
    {
        var key = Guid.NewGuid().ToString();
        var first = await RecordAsync(key);
        var once = await StoredAsync();
        var second = await RecordAsync(key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await Read(first), await Read(second));
        Assert.Equal("/api/v1/situations/DM-2026-0001", second.Headers.Location?.OriginalString);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(once, await StoredAsync());
        Assert.Equal(1, once.Situations);
    }

    [Fact]
    public async Task The_same_key_on_another_instance_gets_the_first_answer_and_records_nothing()
    {
        var key = Guid.NewGuid().ToString();
        var first = await RecordAsync(key);
        var once = await StoredAsync();

        var elsewhere = await RecordAsync(key, client: _host.AnotherInstance());

        Assert.Equal(await Read(first), await Read(elsewhere));
        Assert.Equal(once, await StoredAsync());
    }

    [Fact]
    public async Task The_same_recording_sent_twice_at_once_with_one_key_records_once()
    {
        var key = Guid.NewGuid().ToString();
        var other = _host.AnotherInstance();

        var answers = await Task.WhenAll(RecordAsync(key), RecordAsync(key, client: other), RecordAsync(key), RecordAsync(key, client: other));

        Assert.Equal(1, (await StoredAsync()).Situations);
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        // Every answer is the first one; a request that found the first still being handled past the wait is told to retry.
        var first = await Read(created[0]);
        foreach (var answer in answers)
        {
            if (answer.StatusCode == HttpStatusCode.Created) Assert.Equal(first, await Read(answer));
            else Assert.Equal((HttpStatusCode.Conflict, true), (answer.StatusCode, (await answer.Content.ReadAsStringAsync()).Contains("still being handled")));
        }
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_on_another_endpoint_is_422_and_changes_nothing()
    {
        var key = Guid.NewGuid().ToString();
        await RecordAsync(key);
        var once = await StoredAsync();

        var otherBody = await RecordAsync(key, SituationsHost.DemoRequest("Older woman; hoarding and a fire risk reported."));
        var otherEndpoint = await _host.Client.SendAsync(Post("/api/v1/situations/DM-2026-0001/conclude", new JsonObject { ["outcome"] = "risk-lowered-connected" }, key));

        foreach (var refused in new[] { otherBody, otherEndpoint })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Contains("Idempotency-Key was used for another request", (string?)problem["title"]);
            Assert.Contains("Use a new key for a new request", (string?)problem["detail"]);
        }
        Assert.Equal(once, await StoredAsync());
        Assert.Equal("open", (string?)(await _host.Client.GetFromJsonAsync<JsonObject>("/api/v1/situations/DM-2026-0001"))!["status"]);
    }

    [Fact]
    public async Task Without_a_key_the_same_recording_twice_records_two_situations_as_before()
    {
        var first = await RecordAsync(key: null);
        var second = await RecordAsync(key: null);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(2, (await StoredAsync()).Situations);
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
    }

    [Fact]
    public async Task Concluding_twice_with_one_key_concludes_once_and_answers_the_same_status_and_body()
    {
        var id = await _host.RecordAsync();
        var key = Guid.NewGuid().ToString();
        var body = new JsonObject { ["outcome"] = "risk-lowered-connected" };

        var first = await _host.Client.SendAsync(Post($"/api/v1/situations/{id}/conclude", body, key));
        var again = await _host.Client.SendAsync(Post($"/api/v1/situations/{id}/conclude", body, key));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await Read(first), await Read(again));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        await using var db = _host.Database.CreateContext();
        Assert.Equal(1, await db.Situations.Where(s => s.Id == id).SelectMany(s => s.Events).CountAsync(e => e.Kind == Core.Situations.SituationEventKind.Concluded));
    }

    [Fact]
    public async Task A_refusal_is_kept_like_any_answer_and_a_new_key_is_a_new_request()
    {
        var invalid = SituationsHost.DemoRequest();
        invalid["ageGroup"] = "teen";
        var key = Guid.NewGuid().ToString();

        var first = await RecordAsync(key, invalid);
        var again = await RecordAsync(key, invalid);
        var corrected = await RecordAsync(Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(await Read(first), await Read(again));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(1, (await StoredAsync()).Situations);
    }

    [Fact]
    public async Task After_the_retention_window_a_key_is_forgotten_and_may_be_used_again()
    {
        var key = Guid.NewGuid().ToString();
        await RecordAsync(key);
        _host.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var reused = await RecordAsync(key, SituationsHost.DemoRequest("Older woman; hoarding and a fire risk reported."));

        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
        Assert.Equal(2, (await StoredAsync()).Situations);
    }

    [Theory]
    [InlineData("has spaces in it")]
    public async Task An_unusable_key_is_400_naming_the_header_and_nothing_is_recorded(string key)
    {
        var request = Post("/api/v1/situations", SituationsHost.DemoRequest(), key: null);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("visible ASCII", (string?)problem["errors"]!["Idempotency-Key"]![0]);
        Assert.Equal(0, (await StoredAsync()).Situations);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_400()
    {
        var response = await RecordAsync(new string('k', 256));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, (await StoredAsync()).Situations);
    }
}

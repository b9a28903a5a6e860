using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocusBot.Tests.Host;

namespace FocusBot.Tests.Situations;

public sealed class BackendOpenApiTests : IAsyncLifetime
{
    private FocusBotApp _app = null!;
    private JsonObject _paths = null!;

    public async Task InitializeAsync()
    {
        _app = await FocusBotApp.StartAsync();
        using var client = _app.CreateClient();
        _paths = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["paths"]!.AsObject();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/api/v1/situations", "post", "201,400,409,413,422")]
    [InlineData("/api/v1/situations", "get", "200,400")]
    [InlineData("/api/v1/situations/{id}", "get", "200,404")]
    [InlineData("/api/v1/situations/{id}/conclude", "post", "200,400,403,404,409,413,422")]
    [InlineData("/api/v1/situations/{id}/reopen", "post", "200,400,403,404,409,422")]
    [InlineData("/api/v1/situations/{id}/lead", "post", "200,400,403,404,409,422")]
    [InlineData("/api/v1/situations/{id}/assisting", "post", "200,400,403,404,409,422")]
    [InlineData("/api/v1/situations/{id}/assisting/{agency}", "delete", "200,400,403,404,409,422")]
    [InlineData("/api/v1/situations/{id}/assignments/{agency}/ask-again", "post", "200,400,403,404,409,422")]
    [InlineData("/api/v1/catalogue", "get", "200")]
    [InlineData("/api/v1/stats", "get", "200,400")]
    [InlineData("/api/v1/export/rtd.csv", "get", "200,400")]
    [InlineData("/api/v1/deliveries", "get", "200,400,404")]
    public void Each_endpoint_declares_what_it_answers(string path, string method, string statuses)
    {
        var operation = _paths[path]?[method];

        Assert.NotNull(operation);
        Assert.Equal(statuses.Split(','), operation["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bodies_and_content_types_are_described()
    {
        var record = _paths["/api/v1/situations"]!["post"]!["requestBody"]!["content"]!["application/json"]!;
        var conclude = _paths["/api/v1/situations/{id}/conclude"]!["post"]!["requestBody"]!["content"]!["application/json"]!;

        Assert.NotNull(record["schema"]);
        Assert.NotNull(conclude["schema"]);
        Assert.NotNull(_paths["/api/v1/export/rtd.csv"]!["get"]!["responses"]!["200"]!["content"]!["text/csv"]);
        Assert.NotNull(_paths["/api/v1/stats"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]);
        Assert.NotNull(_paths["/api/v1/situations/{id}/conclude"]!["post"]!["responses"]!["400"]!["content"]!["application/problem+json"]);
    }

    [Theory]
    [InlineData("/api/v1/situations", "post", true)]
    [InlineData("/api/v1/situations/{id}/conclude", "post", true)]
    [InlineData("/api/v1/situations/{id}/assisting/{agency}", "delete", true)]
    [InlineData("/api/v1/situations", "get", false)]
    [InlineData("/api/v1/situations/{id}", "get", false)]
    public void The_changes_take_an_optional_Idempotency_Key_header_and_the_reads_do_not(string path, string method, bool takesKey)
    {
        var header = _paths[path]![method]!["parameters"]?.AsArray()
            .SingleOrDefault(p => (string?)p!["name"] == "Idempotency-Key" && (string?)p["in"] == "header");

        Assert.Equal(takesKey, header is not null);
        if (header is null) return;
        Assert.NotEqual(true, (bool?)header["required"]);
        Assert.Contains("422", (string?)header["description"]);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocusBot.Tests.Host;

namespace FocusBot.Tests.Situations;

/// <summary><c>GET /api/v1/catalogue</c>, and the OpenAPI document's enums checked against it: the test fails when they drift.</summary>
public sealed class CatalogueApiTests : IAsyncLifetime
{
    private SituationsHost _host = null!;
    private JsonObject _catalogue = null!;
    private JsonObject _schemas = null!;

    public async Task InitializeAsync()
    {
        _host = await SituationsHost.StartAsync();
        _catalogue = (await _host.Client.GetFromJsonAsync<JsonObject>("/api/v1/catalogue"))!;
        _schemas = (await _host.Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["components"]!["schemas"]!.AsObject();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IReadOnlyList<string> Ids(string list) => [.. _catalogue[list]!.AsArray().Select(e => (string)e!["id"]!)];

    private IReadOnlyList<string> Enum(string schema, string property)
    {
        var node = _schemas[schema]!["properties"]![property]!;
        var values = (node["items"] ?? node)["enum"];
        Assert.True(values is JsonArray, $"{schema}.{property} has no enum");
        return [.. values!.AsArray().Select(v => (string)v!)];
    }

    [Fact]
    public async Task Every_coded_field_is_listed_with_english_and_french_labels()
    {
        Assert.Equal(
            ["ageGroups", "agencies", "barriers", "genders", "outcomes", "riskFactors", "services", "tables", "types", "updateKinds"],
            _catalogue.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["demo", "lakeside"], Ids("tables"));
        Assert.Equal(["city", "harbour-housing", "northside-mh", "tps-99", "youthlink"], Ids("agencies"));
        var teens = _catalogue["ageGroups"]!.AsArray().Single(e => (string?)e!["id"] == "12-17")!;
        Assert.Equal(("12–17", "12 à 17 ans"), ((string?)teens["label"]!["en-CA"], (string?)teens["label"]!["fr-CA"]));
        foreach (var (list, entries) in _catalogue)
        {
            foreach (var entry in entries!.AsArray())
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)entry!["label"]!["fr-CA"]), $"{list}/{entry["id"]} has no French label");
            }
        }

        var response = await _host.Client.GetAsync("/api/v1/catalogue");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void The_request_fields_enums_are_the_catalogues_ids()
    {
        Assert.Equal(Ids("tables"), Enum("NewSituationRequest", "table"));
        Assert.Equal(Ids("types"), Enum("NewSituationRequest", "type"));
        Assert.Equal(Ids("ageGroups"), Enum("NewSituationRequest", "ageGroup"));
        Assert.Equal(Ids("genders"), Enum("NewSituationRequest", "gender"));
        Assert.Equal(Ids("riskFactors"), Enum("NewSituationRequest", "riskFactors"));
        Assert.Equal(Ids("agencies"), Enum("NewSituationRequest", "originatingAgency"));
        Assert.Equal(Ids("agencies"), Enum("NewSituationRequest", "leadAgency"));
        Assert.Equal(Ids("agencies"), Enum("NewSituationRequest", "assistingAgencies"));
        Assert.Equal(Ids("outcomes"), Enum("ConcludeRequest", "outcome"));
        Assert.Equal(Ids("agencies"), Enum("AgencyRequest", "agency"));
    }

    [Fact]
    public void Request_fields_say_whether_they_are_required_and_give_an_example()
    {
        var record = _schemas["NewSituationRequest"]!;

        Assert.Equal(["ageGroup", "gender", "originatingAgency", "riskFactors", "table", "type"],
            record["required"]!.AsArray().Select(r => (string)r!).Order(StringComparer.Ordinal));
        foreach (var (name, property) in record["properties"]!.AsObject())
        {
            Assert.True(property!["examples"] is JsonArray { Count: > 0 }, $"{name} has no example");
            Assert.NotNull(property["type"]);
        }
        Assert.Equal(50, (int)record["properties"]!["peopleCount"]!["maximum"]!);
        Assert.Equal(["agency"], _schemas["AgencyRequest"]!["required"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task A_configured_catalogue_reaches_both_the_endpoint_and_the_openapi_document()
    {
        // UseSetting: the catalogue is read while services are registered, before test configuration sources are added.
        await using var app = new FocusBotApp(await FocusBot.Testing.TestDatabase.CreateAsync(FocusBot.Data.DatabaseProvider.Sqlite));
        await using var configured = app.WithWebHostBuilder(b => b.UseSetting("Catalogue:Genders:0:Id", "woman")
            .UseSetting("Catalogue:Genders:0:Label", "Woman").UseSetting("Catalogue:Genders:0:LabelFr", "Femme (configurée)"));
        using var client = configured.CreateClient();

        var catalogue = (await client.GetFromJsonAsync<JsonObject>("/api/v1/catalogue"))!;
        var schema = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["components"]!["schemas"]!["NewSituationRequest"]!;

        Assert.Equal("Femme (configurée)", (string?)catalogue["genders"]![0]!["label"]!["fr-CA"]);
        Assert.Equal(["woman"], schema["properties"]!["gender"]!["enum"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task A_refused_coded_value_names_the_allowed_ones()
    {
        var request = SituationsHost.DemoRequest();
        request["ageGroup"] = "teen";

        var response = await _host.PostJsonAsync("/api/v1/situations", request.ToJsonString());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Allowed: 0-11, 12-17, 18-24", (string?)body["errors"]!["ageGroup"]![0]);
    }
}

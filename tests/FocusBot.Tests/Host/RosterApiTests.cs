using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Roster;
using FocusBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Host;

public sealed class RosterApiTests : IAsyncLifetime
{
    private FocusBotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await FocusBotApp.StartAsync();
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private Task<HttpResponseMessage> PutAsync(string json) =>
        _client.PutAsync("/api/v1/roster", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Putting_the_same_roster_twice_changes_nothing_the_second_time()
    {
        var roster = await File.ReadAllTextAsync(SampleRoster.Path);

        var first = await (await PutAsync(roster)).Content.ReadFromJsonAsync<RosterImportResult>();
        var second = await (await PutAsync(roster)).Content.ReadFromJsonAsync<RosterImportResult>();

        Assert.Equal(new RosterImportResult(true, 2, 5, 7), first);
        Assert.Equal(new RosterImportResult(false, 2, 5, 7), second);
        var stored = await _client.GetFromJsonAsync<JsonObject>("/api/v1/roster");
        Assert.Equal(7, stored!["members"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_bad_roster_is_refused_with_every_problem_by_field_and_nothing_applied()
    {
        await PutAsync(await File.ReadAllTextAsync(SampleRoster.Path));
        var bad = JsonNode.Parse(await File.ReadAllTextAsync(SampleRoster.Path))!;
        bad["members"]![0]!["agency"] = "no-such-agency";
        bad["tables"]![0]!["timeZone"] = "Nowhere/Land";
        bad["agencies"]!.AsArray().Add(new JsonObject { ["id"] = "new-agency", ["name"] = "New", ["sector"] = "Housing" });

        var response = await PutAsync(bad.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = problem!["errors"]!.AsObject();
        Assert.Equal(["members[0].agency", "tables[0].timeZone"], errors.Select(e => e.Key).Order());
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.Agencies.AnyAsync(a => a.Id == "new-agency"));
    }

    [Theory]
    [InlineData("{ \"tables\": [")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task Malformed_json_gets_400_not_500(string body)
    {
        var response = await PutAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_ten_megabyte_roster_is_refused_and_the_host_stays_up()
    {
        var huge = "{ \"tables\": [], \"padding\": \"" + new string('x', 10 * 1024 * 1024) + "\" }";

        var response = await PutAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task The_import_command_reports_problems_and_exits_non_zero()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{ "tables": [], "agencies": [], "members": [] }""");
        await using var scope = _app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<RosterImporter>();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await importer.ImportFileAsync(file, output, error, default);
        var missing = await importer.ImportFileAsync("/no/such/roster.json", output, error, default);
        var good = await importer.ImportFileAsync(SampleRoster.Path, output, error, default);
        var again = await importer.ImportFileAsync(SampleRoster.Path, output, error, default);

        Assert.Equal((1, 1, 0, 0), (exit, missing, good, again));
        Assert.Contains("tables: at least one table is required.", error.ToString());
        Assert.Contains("agencies: at least one agency is required.", error.ToString());
        Assert.Contains("Roster imported: 2 tables, 5 agencies, 7 members.", output.ToString());
        Assert.Contains("Roster unchanged (already up to date)", output.ToString());
        File.Delete(file);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Core.Conversations;
using FocusBot.Data;
using FocusBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Host;

public sealed class HostEndToEndTests : IAsyncLifetime
{
    private FocusBotApp _app = null!;
    private ConnectorStandIn _connector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _app = await FocusBotApp.StartAsync();
        _client = _app.CreateClient();
        var roster = await File.ReadAllTextAsync(SampleRoster.Path);
        (await _client.PutAsync("/api/v1/roster", new StringContent(roster, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        _connector.AddUser("29:rep", "Sam Example", "rep.demo@northside-mh.example");
        _connector.AddUser("29:stranger", "Pat Visitor", "pat@elsewhere.example");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_rostered_user_who_installs_the_bot_is_welcomed_through_the_Bot_Connector()
    {
        var response = await Activities.PostAsync(_client, Activities.Install(_connector.ServiceUrl, "29:rep"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Activities);
        Assert.Equal("POST", reply.Method);
        Assert.StartsWith("/v3/conversations/a%3Apersonal-1/activities", reply.RawTarget);
        var card = reply.Json!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["contentType"]);
        Assert.Equal("1.5", (string?)card["content"]!["version"]);
        Assert.Contains("Welcome to FocusBot, Sam Example", reply.Body);
        Assert.Contains("Northside Mental Health", reply.Body);
    }

    [Fact]
    public async Task An_unknown_user_is_politely_refused()
    {
        await Activities.PostAsync(_client, Activities.Message(_connector.ServiceUrl, "29:stranger", "open situations"));

        var reply = Assert.Single(_connector.Activities);
        Assert.Equal("You are not on a FOCUS roster; ask your table's co-chair.", (string?)reply.Json!["text"]);
        Assert.Null(reply.Json["attachments"]);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("""{ "type": "message" }""", "conversation.id")]
    [InlineData("""{ "type": "message", "conversation": { "id": "a:1" }, "serviceUrl": "https://x.example/" }""", "from.id")]
    [InlineData("""{ "type": "message", "conversation": { "id": "a:1" }, "from": { "id": "1" }, "serviceUrl": "file:///etc/passwd" }""", "serviceUrl")]
    public async Task Malformed_activities_get_400_and_nothing_is_stored(string body, string reason)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Empty(_connector.Requests);
        await using var db = _app.Database.CreateContext();
        Assert.Equal(0, await db.Conversations.CountAsync());
    }

    [Fact]
    public async Task An_oversized_activity_gets_413()
    {
        var activity = Activities.Message(_connector.ServiceUrl, "29:rep", new string('x', 300 * 1024));

        var response = await Activities.PostAsync(_client, activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_hundred_kilobyte_message_gets_a_clear_answer_and_the_host_stays_up()
    {
        var response = await Activities.PostAsync(_client, Activities.Message(_connector.ServiceUrl, "29:rep", new string('x', 100 * 1024)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("too long for a command", Assert.Single(_connector.Activities).Body);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task The_personal_conversation_reference_is_stored_for_proactive_messages()
    {
        await Activities.PostAsync(_client, Activities.Message(_connector.ServiceUrl, "29:rep", "help"));

        await using var scope = _app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IConversationStore>()
            .FindAsync(ConversationAddress.Personal("rep.demo@northside-mh.example"), default);
        Assert.NotNull(stored);
        Assert.Contains(_connector.ServiceUrl, stored);
    }

    [Fact]
    public async Task No_AdaptiveCards_assembly_is_ever_loaded_or_shipped()
    {
        await Activities.PostAsync(_client, Activities.Install(_connector.ServiceUrl, "29:rep"));
        await Activities.PostAsync(_client, Activities.Message(_connector.ServiceUrl, "29:rep", "help"));
        await Activities.PostAsync(_client, Activities.Message(_connector.ServiceUrl, "29:rep", "something else"));
        Assert.Equal(3, _connector.Activities.Count);

        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "AdaptiveCards");
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "AdaptiveCards.dll")));
    }

    [Fact]
    public async Task Health_says_the_database_is_reachable()
    {
        var health = await _client.GetFromJsonAsync<JsonObject>("/healthz");

        Assert.Equal("healthy", (string?)health!["checks"]!["database"]!["status"]);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_roster_endpoints()
    {
        var document = await _client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        Assert.NotNull(document!["paths"]!["/api/v1/roster"]!["put"]);
        Assert.NotNull(document["paths"]!["/api/v1/roster"]!["get"]);
    }
}

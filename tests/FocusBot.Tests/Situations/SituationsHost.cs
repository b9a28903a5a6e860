using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Data;
using FocusBot.Testing;
using FocusBot.Tests.Host;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Tests.Situations;

/// <summary>
/// The real host with the sample roster, a clock the test moves (<see cref="Clock"/>) and a chat that records what
/// the bot posts (<see cref="Chat"/>). The backend is open (no Backend:Authority), so the caller is a local
/// administrator of every table.
/// </summary>
public sealed class SituationsHost : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 9:00 in Toronto (EST).</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5));

    public const string CoChair = "chair.demo@city.example";
    public const string NorthsideRep = "rep.demo@northside-mh.example";
    public const string HarbourRep = "rep.demo@harbour-housing.example";
    public const string LakesideRep = "rep.lakeside@youthlink.example";
    public const string Admin = "admin@city.example";

    private readonly FocusBotApp _app;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly IDictionary<string, string?>? _settings;
    private readonly Action<IServiceCollection>? _services;

    private SituationsHost(FocusBotApp app, WebApplicationFactory<Program> factory, FakeTimeProvider clock, RecordingChat chat,
        IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        _app = app;
        _settings = settings;
        _services = services;
        _factory = factory;
        Clock = clock;
        Chat = chat;
        Client = factory.CreateClient();
    }

    public FakeTimeProvider Clock { get; }
    public RecordingChat Chat { get; }
    public HttpClient Client { get; }
    public TestDatabase Database => _app.Database;
    public IServiceProvider Services => _factory.Services;

    /// <param name="services">More test services (e.g. requests from loopback for the tabs' development header).</param>
    public static async Task<SituationsHost> StartAsync(Action<JsonNode>? changeRoster = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var app = new FocusBotApp(await TestDatabase.CreateAsync(provider), settings);
        // The real clock answers in UTC, and PostgreSQL's timestamptz takes nothing else.
        var clock = new FakeTimeProvider(provider == DatabaseProvider.Postgres ? MondayMorning.ToUniversalTime() : MondayMorning);
        var chat = new RecordingChat();
        var host = new SituationsHost(app, Instance(app, settings, clock, chat, services), clock, chat, settings, services);
        var roster = JsonNode.Parse(await File.ReadAllTextAsync(SampleRoster.Path))!;
        changeRoster?.Invoke(roster);
        (await host.Client.PutAsync("/api/v1/roster", new StringContent(roster.ToJsonString(), Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();
        return host;
    }

    /// <summary>
    /// Another instance of the host on the same database (its own services and memory, the same clock and chat), as
    /// when the bot runs on two machines; disposed with this one.
    /// </summary>
    public HttpClient AnotherInstance() => Instance(_app, _settings, Clock, Chat, _services).CreateClient();

    private static WebApplicationFactory<Program> Instance(FocusBotApp app, IDictionary<string, string?>? settings, FakeTimeProvider clock, RecordingChat chat,
        Action<IServiceCollection>? services) =>
        app.WithWebHostBuilder(builder =>
        {
            // No background worker unless asked for: the test delivers the outbox itself (DeliverOutboxAsync), at the
            // moment it chooses. UseSetting: Program reads Reminders:Enabled while it registers services.
            if (settings?.ContainsKey("Reminders:Enabled") != true) builder.UseSetting("Reminders:Enabled", "false");
            builder.ConfigureTestServices(testServices =>
            {
                testServices.AddSingleton<TimeProvider>(clock);
                testServices.AddScoped<IChatSender>(_ => chat);
                services?.Invoke(testServices);
            });
        });

    /// <summary>A valid request for the demo table: Northside Mental Health leads, Harbour Housing assists.</summary>
    public static JsonObject DemoRequest(string? summary = "Young man sleeping rough after an eviction; crisis calls rising.") => new()
    {
        ["table"] = "demo",
        ["type"] = "person",
        ["ageGroup"] = "18-24",
        ["gender"] = "male",
        ["riskFactors"] = new JsonArray("mental-health", "housing"),
        ["summary"] = summary,
        ["originatingAgency"] = "tps-99",
        ["leadAgency"] = "northside-mh",
        ["assistingAgencies"] = new JsonArray("harbour-housing"),
    };

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Records through the API and answers the new situation's id.</summary>
    public async Task<string> RecordAsync(JsonObject? request = null)
    {
        var response = await PostJsonAsync("/api/v1/situations", (request ?? DemoRequest()).ToJsonString());
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        await DeliverOutboxAsync();
        return (string)body!["id"]!;
    }

    /// <summary>Runs the real workflow (in a request-like scope) as a roster member, on the test's clock.</summary>
    public async Task<WorkflowOutcome> AsMemberAsync(string email, Func<SituationWorkflow, Member, Task<WorkflowOutcome>> act)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var member = await scope.ServiceProvider.GetRequiredService<IRosterStore>().FindMemberByEmailAsync(email, default)
            ?? throw new InvalidOperationException($"{email} is not on the sample roster.");
        var outcome = await act(scope.ServiceProvider.GetRequiredService<SituationWorkflow>(), member);
        if (!outcome.Succeeded) throw new InvalidOperationException($"{email}: {outcome.Result?.Message ?? "not found"}");
        return outcome;
    }

    public Task AcceptAsync(string email, string agency, string situationId) =>
        AsMemberAsync(email, (w, m) => w.AcceptAsync(situationId, agency, m, default));

    public Task PostUpdateAsync(string email, string situationId, string note, params string[] barriers) =>
        AsMemberAsync(email, (w, m) => w.PostUpdateAsync(situationId, m, "contacted", note, null, barriers, default));

    public Task ConcludeAsync(string situationId, string outcome) =>
        AsMemberAsync(CoChair, (w, m) => w.ConcludeAsync(situationId, outcome, m, default));

    /// <summary>One pass of the host's worker, as when a decision wakes it: the outbox is delivered through <see cref="Chat"/>.</summary>
    public Task DeliverOutboxAsync() =>
        ActivatorUtilities.CreateInstance<FocusBot.Reminders.ReminderWorker>(_factory.Services).RunOnceAsync(default);

    public async Task LinkChannelAsync(string tableId, string channelId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IConversationStore>()
            .LinkTableChannelAsync(tableId, ConversationAddress.Channel(channelId), default);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Records what the bot posts and answers as Teams would (delivered, with an activity id).</summary>
public sealed class RecordingChat : IChatSender
{
    private int _next;

    public List<(ConversationAddress To, OutgoingMessage Message)> Sent { get; } = [];
    public List<(ConversationAddress To, string ActivityId, OutgoingMessage Message)> Updated { get; } = [];

    public Task<DeliveryResult> SendAsync(ConversationAddress to, OutgoingMessage message, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Sent.Add((to, message));
            return Task.FromResult(new DeliveryResult(DeliveryStatus.Delivered, $"activity-{++_next}"));
        }
    }

    public Task<DeliveryResult> UpdateAsync(ConversationAddress to, string activityId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Updated.Add((to, activityId, message));
            return Task.FromResult(new DeliveryResult(DeliveryStatus.Delivered, activityId));
        }
    }
}

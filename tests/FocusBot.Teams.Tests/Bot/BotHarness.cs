using FocusBot.Core.Roster;
using FocusBot.Data;
using FocusBot.Data.Roster;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Identity;
using FocusBot.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Situations;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newtonsoft.Json.Linq;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>
/// FocusBot's turn handler on Bot Framework's TestAdapter, with the sample roster in a real SQLite database and
/// Teams' member lookup mocked (the e-mail Teams reports for each user id).
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private BotHarness(TestDatabase database)
    {
        _database = database;
        Adapter = new TestAdapter(Channels.Msteams);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings()).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .AddFocusBotData()
            .AddFocusBotTeams(configuration)
            .AddSingleton(new SituationCatalogue())
            .AddScoped<SituationWorkflow>()
            .AddSingleton(new ReminderOptions())
            .AddScoped<CoChairNotices>()
            .AddScoped<OutboxDispatcher>();
        services.Replace(ServiceDescriptor.Singleton(Directory.Object));
        services.Replace(ServiceDescriptor.Singleton<IChatSender>(Chat));
        _services = services.BuildServiceProvider();
    }

    public TestAdapter Adapter { get; }
    public Mock<ITeamsUserDirectory> Directory { get; } = new();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
    public RecordingChatSender Chat { get; } = new();

    /// <summary>
    /// Whether each turn is followed by the dispatcher delivering what is due in the outbox (as the host's worker does
    /// when the turn wakes it). Off, the outbox waits for <see cref="DeliverOutboxAsync"/>.
    /// </summary>
    public bool DeliverAfterEachTurn { get; set; } = true;

    /// <summary>
    /// Runs the dispatcher until nothing is due: each message in its own scope, as the worker does. A confirmation that
    /// came before the cards it reports on is looked at again <see cref="ReminderOptions.ConfirmationRecheck"/> later,
    /// and co-chair notices go out once their <see cref="SituationDeliveries.NoticeGathering"/> has passed, as the
    /// worker would. Returns how many rows ended in each state.
    /// </summary>
    public async Task<IReadOnlyDictionary<DeliveryState, int>> DeliverOutboxAsync()
    {
        var counts = new Dictionary<DeliveryState, int>();
        var (rechecks, gatherings) = (0, 0);
        while (true)
        {
            IReadOnlyList<ClaimedMessage> batch;
            DateTimeOffset? nextDue;
            await using (var scope = _services.CreateAsyncScope())
            {
                batch = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().ClaimAsync("harness", new ReminderOptions().BatchSize, default);
                nextDue = await scope.ServiceProvider.GetRequiredService<IDeliveryStore>().NextDueAtAsync(default);
            }
            if (batch.Count == 0 && nextDue is { } due && due - Time.GetUtcNow() <= SituationDeliveries.NoticeGathering && !counts.ContainsKey(DeliveryState.Pending)
                && gatherings++ < 10)
            {
                Time.Advance(due - Time.GetUtcNow());
                continue;
            }
            if (batch.Count == 0 && counts.Remove(DeliveryState.Pending) && rechecks++ < 3)
            {
                Time.Advance(new ReminderOptions().ConfirmationRecheck);
                continue;
            }
            if (batch.Count == 0) return counts;
            foreach (var message in batch)
            {
                await using var scope = _services.CreateAsyncScope();
                var state = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverAsync(message, default);
                counts[state] = counts.GetValueOrDefault(state) + message.Rows.Count;
            }
        }
    }

    public static async Task<BotHarness> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var (database, _) = await TestDatabase.CreateWithSampleRosterAsync(provider);
        return new BotHarness(database);
    }

    /// <summary>Teams reports this e-mail for this user id.</summary>
    public void TeamsKnows(string userId, string email) =>
        Directory.Setup(d => d.FindEmailAsync(It.IsAny<ITurnContext>(), userId, It.IsAny<CancellationToken>())).ReturnsAsync(email);

    public FocusBotDbContext Database() => _database.CreateContext();

    /// <summary>Runs one activity through the bot (in its own DI scope, as a request would) and returns what it sent back.</summary>
    public async Task<IReadOnlyList<IActivity>> SendAsync(Activity activity)
    {
        await using var scope = _services.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();

        while (Adapter.ActiveQueue.Count > 0) Adapter.GetNextReply();
        // TestAdapter.ProcessActivityAsync would replace the conversation and sender with its own; a turn of our
        // own keeps the activity exactly as Teams would send it, and replies still land in the adapter's queue.
        using var turn = new TurnContext(Adapter, activity);
        await bot.OnTurnAsync(turn, default);
        var replies = new List<IActivity>();
        while (Adapter.GetNextReply() is { } reply) replies.Add(reply);
        if (DeliverAfterEachTurn) await DeliverOutboxAsync();
        return replies;
    }

    /// <summary>Clicks an Action.Execute button: the card the bot answers with (the invoke response).</summary>
    /// <param name="cardMessageId">The id of the message holding the clicked card (Teams sends it as the invoke's replyToId).</param>
    public async Task<(int Status, JObject? Card)> ClickAsync(string userId, string verb, JObject data, string conversationType = "personal",
        string? cardMessageId = null, string? activityId = null)
    {
        var activity = Activity(ActivityTypes.Invoke, userId, null, conversationType, null);
        activity.Name = "adaptiveCard/action";
        activity.ReplyToId = cardMessageId ?? "card-message-1";
        if (activityId is not null) activity.Id = activityId;
        activity.Value = new JObject { ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        await using var scope = _services.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        while (Adapter.ActiveQueue.Count > 0) Adapter.GetNextReply();
        using var turn = new TurnContext(Adapter, activity);
        await bot.OnTurnAsync(turn, default);
        // The handler sends its invoke response as an "invokeResponse" activity, which the TestAdapter queues.
        InvokeResponse? response = null;
        while (Adapter.GetNextReply() is { } reply)
        {
            if (reply.Type == "invokeResponse") response = ((Activity)reply).Value as InvokeResponse;
        }
        var body = response?.Body is null ? null : JObject.FromObject(response.Body);
        if (DeliverAfterEachTurn) await DeliverOutboxAsync();
        return (response?.Status ?? 0, body?["value"] as JObject);
    }

    public static Activity Message(string text, string userId = "user-1", string? aadObjectId = null, string conversationType = "personal") =>
        Activity(ActivityTypes.Message, userId, aadObjectId, conversationType, text);

    public static Activity Install(string userId = "user-1", string conversationType = "personal")
    {
        var activity = Activity(ActivityTypes.InstallationUpdate, userId, null, conversationType, null);
        activity.Action = "add";
        return activity;
    }

    private static Activity Activity(string type, string userId, string? aadObjectId, string conversationType, string? text) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString(),
        ChannelId = Channels.Msteams,
        ServiceUrl = "https://smba.example/amer/",
        Text = text,
        From = new ChannelAccount(userId, "Sam Example", aadObjectId: aadObjectId),
        Recipient = new ChannelAccount("28:focusbot", "FocusBot"),
        Conversation = new ConversationAccount(
            isGroup: conversationType != "personal",
            id: conversationType == "personal" ? $"a:personal-{userId}" : "19:demo-channel@thread.tacv2",
            conversationType: conversationType, tenantId: "tenant-1"),
        ChannelData = conversationType == "channel"
            ? new JObject { ["channel"] = new JObject { ["id"] = "19:demo-channel@thread.tacv2" }, ["team"] = new JObject { ["id"] = "19:team@thread.tacv2" } }
            : null,
    };

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Records what the bot sends on its own initiative, and answers as Teams would (delivered, with an id).</summary>
public sealed class RecordingChatSender : IChatSender
{
    private int _next;
    public List<(ConversationAddress To, OutgoingMessage Message)> Sent { get; } = [];
    public List<(ConversationAddress To, string ActivityId, OutgoingMessage Message)> Updated { get; } = [];
    public HashSet<string> Unreachable { get; } = [];

    public Task<DeliveryResult> SendAsync(ConversationAddress to, OutgoingMessage message, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            if (Unreachable.Contains(to.Key)) return Task.FromResult(new DeliveryResult(DeliveryStatus.NoConversation));
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

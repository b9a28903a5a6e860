using FocusBot.Core.Roster;
using FocusBot.Data;
using FocusBot.Data.Conversations;
using FocusBot.Data.Roster;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Commands;
using FocusBot.Teams.Identity;
using FocusBot.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
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
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    private BotHarness(TestDatabase database)
    {
        _database = database;
        Adapter = new TestAdapter(Channels.Msteams);
    }

    public TestAdapter Adapter { get; }
    public Mock<ITeamsUserDirectory> Directory { get; } = new();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));

    public static async Task<BotHarness> StartAsync()
    {
        var harness = new BotHarness(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        await using var db = harness._database.CreateContext();
        await new EfRosterStore(db).ReplaceAsync(await SampleRoster.LoadAsync(), default);
        return harness;
    }

    /// <summary>Teams reports this e-mail for this user id.</summary>
    public void TeamsKnows(string userId, string email) =>
        Directory.Setup(d => d.FindEmailAsync(It.IsAny<ITurnContext>(), userId, It.IsAny<CancellationToken>())).ReturnsAsync(email);

    public FocusBotDbContext Database() => _database.CreateContext();

    /// <summary>Runs one activity through the bot and returns what it sent back.</summary>
    public async Task<IReadOnlyList<IActivity>> SendAsync(Activity activity)
    {
        await using var db = _database.CreateContext();
        var roster = new EfRosterStore(db);
        var conversations = new EfConversationStore(db, Time);
        var bot = new FocusBotActivityHandler(
            new MemberResolver(roster, Directory.Object, _cache, NullLogger<MemberResolver>.Instance),
            roster, conversations, new CommandDispatcher(conversations), NullLogger<FocusBotActivityHandler>.Instance);

        while (Adapter.ActiveQueue.Count > 0) Adapter.GetNextReply();
        // TestAdapter.ProcessActivityAsync would replace the conversation and sender with its own; a turn of our
        // own keeps the activity exactly as Teams would send it, and replies still land in the adapter's queue.
        using var turn = new TurnContext(Adapter, activity);
        await bot.OnTurnAsync(turn, default);
        var replies = new List<IActivity>();
        while (Adapter.GetNextReply() is { } reply) replies.Add(reply);
        return replies;
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
            ? new Newtonsoft.Json.Linq.JObject { ["channel"] = new Newtonsoft.Json.Linq.JObject { ["id"] = "19:demo-channel@thread.tacv2" }, ["team"] = new Newtonsoft.Json.Linq.JObject { ["id"] = "19:team@thread.tacv2" } }
            : null,
    };

    public async ValueTask DisposeAsync()
    {
        _cache.Dispose();
        await _database.DisposeAsync();
    }
}

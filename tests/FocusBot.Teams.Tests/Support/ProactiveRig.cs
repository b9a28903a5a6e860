using FocusBot.Testing;
using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Teams.Proactive;
using FocusBot.Teams.Resilience;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Teams.Tests.Support;

/// <summary>The proactive sender wired as Program.cs wires it, in front of a <see cref="ConnectorStandIn"/>.</summary>
public sealed class ProactiveRig : IAsyncDisposable
{
    public const string TenantId = "tenant-1";
    public const string BotId = "28:focusbot";

    private readonly AsyncServiceScope _scope;

    private ProactiveRig(ConnectorStandIn teams, InMemoryConversationStore conversations, RecordingUnreachableReporter reporter, ServiceProvider services)
    {
        Teams = teams;
        Conversations = conversations;
        Reporter = reporter;
        Services = services;
        _scope = services.CreateAsyncScope();
    }

    public ConnectorStandIn Teams { get; }
    public InMemoryConversationStore Conversations { get; }
    public RecordingUnreachableReporter Reporter { get; }
    public ServiceProvider Services { get; }
    public IChatSender Sender => _scope.ServiceProvider.GetRequiredService<IChatSender>();
    public UnreachableMembers Unreachable => _scope.ServiceProvider.GetRequiredService<UnreachableMembers>();
    public IRosterStore Roster => Services.GetRequiredService<IRosterStore>();

    public static async Task<ProactiveRig> StartAsync(TimeProvider clock, Dictionary<string, string?>? settings = null, params Member[] members)
    {
        var teams = await ConnectorStandIn.StartAsync();
        // No app-wide spacing unless a test asks for it: with a fake clock, the pacer's even spacing would hold every
        // send after the first until the test moves the clock (SendPacerTests cover the spacing).
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:Pacing:PerAppPerSecond"] = int.MaxValue.ToString() })
            .AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection().AddLogging();
        var conversations = new InMemoryConversationStore();
        var reporter = new RecordingUnreachableReporter();
        services.AddSingleton(clock);
        services.AddSingleton<IConversationStore>(conversations);
        services.AddSingleton<IRosterStore>(new InMemoryRosterStore(members));
        services.AddSingleton<IUnreachableReporter>(reporter);
        services.AddConnectorResilience(configuration);
        // The host's adapter, with its turn error handler: a failure inside a proactive callback must not end there.
        services.AddSingleton<Microsoft.Bot.Builder.Integration.AspNet.Core.CloudAdapter>(sp => new FocusBot.Teams.Bot.FocusBotAdapter(
            sp.GetRequiredService<Microsoft.Bot.Connector.Authentication.BotFrameworkAuthentication>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FocusBot.Teams.Bot.FocusBotAdapter>>()));
        services.AddProactiveMessaging(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new ProactiveRig(teams, conversations, reporter, provider);
    }

    public Task<ConversationAddress> StorePersonalChatAsync(string email, string conversationId) =>
        StoreAsync(ConversationAddress.Personal(email), Reference(conversationId, "personal"));

    public async Task<ConversationAddress> StoreTableChannelAsync(string tableId, string channelId)
    {
        var channel = await StoreAsync(ConversationAddress.Channel(channelId), Reference(channelId, "channel"));
        await Conversations.LinkTableChannelAsync(tableId, channel, CancellationToken.None);
        return channel;
    }

    public async Task<ConversationReference> StoredReferenceAsync(ConversationAddress address) =>
        StoredReference.Read(await Conversations.FindAsync(address, CancellationToken.None)
            ?? throw new InvalidOperationException($"Nothing stored for {address}"), address);

    private async Task<ConversationAddress> StoreAsync(ConversationAddress address, ConversationReference reference)
    {
        await Conversations.SaveAsync(address, StoredReference.Write(reference), CancellationToken.None);
        return address;
    }

    private ConversationReference Reference(string conversationId, string conversationType) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = Teams.ServiceUrl,
        Conversation = new ConversationAccount(id: conversationId, conversationType: conversationType, tenantId: TenantId),
        Bot = new ChannelAccount(BotId, "FocusBot"),
        User = new ChannelAccount("29:someone"),
    };

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await Services.DisposeAsync();
        await Teams.DisposeAsync();
    }
}

using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Reminders;
using FocusBot.Tests.Host;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Tests.Reminders;

/// <summary>
/// The worker's outbox loop (<see cref="OutboxPump"/>): it keeps <c>Reminders:DispatchConcurrency</c> sends on their way
/// whatever the claim size, never more, and claims only what it has room for (README, "Delivery").
/// </summary>
public sealed class OutboxPumpTests : IAsyncLifetime
{
    private const int Concurrency = 4;
    private const int Rows = 12;
    private FocusBotApp _app = null!;
    private WebApplicationFactory<Program> _host = null!;
    private readonly GatedSender _chat = new();

    public async Task InitializeAsync()
    {
        (string, string)[] settings = [("Reminders:Enabled", "false"), ("Reminders:DispatchConcurrency", $"{Concurrency}"), ("Reminders:BatchSize", "2"),
            ("Reminders:ClaimTimeout", "00:00:10")];
        _app = await FocusBotApp.StartAsync(settings: settings.ToDictionary(s => s.Item1, s => (string?)s.Item2));
        _host = _app.WithWebHostBuilder(builder =>
        {
            foreach (var (name, value) in settings) builder.UseSetting(name, value);
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Scoped<IChatSender>(_ => _chat)));
        });
        _ = _host.Services;
        await using var db = _app.Database.CreateContext();
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        db.Deliveries.AddRange(Enumerable.Range(1, Rows).Select(n => Delivery.Due(DeliveryKind.Notice, "demo", null,
            ConversationAddress.Personal($"pump.person{n}@load.example").ToString(), now, text: $"Synthetic notice {n}")));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        _chat.Open();
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Slow_sends_do_not_hold_back_the_next_claim_and_never_exceed_the_concurrency()
    {
        var pump = _host.Services.GetRequiredService<OutboxPump>();

        var sending = pump.SendAllDueAsync("pump-test", default, default);
        // Claims are of 2 rows (BatchSize), yet all 4 places fill while the first sends are still waiting for Teams.
        await _chat.InFlight(Concurrency).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Concurrency, _chat.Started);
        await using (var db = _app.Database.CreateContext())
            Assert.Equal(Concurrency, await db.Deliveries.CountAsync(d => d.State == DeliveryState.Claimed));

        _chat.Open();
        var counts = await sending.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Rows, counts[DeliveryState.Sent]);
        Assert.Equal(Rows, _chat.Sent.Distinct().Count());
        Assert.Equal(Rows, _chat.Sent.Count);
        Assert.Equal(Concurrency, _chat.MostAtOnce);
    }

    [Fact]
    public async Task A_pass_whose_sends_wait_on_Teams_renews_their_claims_while_they_wait()
    {
        var worker = ActivatorUtilities.CreateInstance<ReminderWorker>(_host.Services);

        var pass = worker.RunOnceAsync(default);
        await _chat.InFlight(Concurrency).WaitAsync(TimeSpan.FromSeconds(30));
        var claimedUntil = await ClaimExpiriesAsync();
        Assert.Equal(Concurrency, claimedUntil.Count);
        // A third of the 10 s claim timeout later the worker extends every claim it holds, while the sends still wait.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Dictionary<Guid, DateTimeOffset> now;
        while (!((now = await ClaimExpiriesAsync()).Count == Concurrency && now.All(c => c.Value > claimedUntil[c.Key])) && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.All(claimedUntil, c => Assert.True(now[c.Key] > c.Value, $"the claim on {c.Key} was not renewed"));
        Assert.Equal(Concurrency, _chat.Started);

        _chat.Open();
        await pass.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Rows, _chat.Sent.Distinct().Count());
        Assert.Equal(Rows, _chat.Sent.Count);
    }

    private async Task<Dictionary<Guid, DateTimeOffset>> ClaimExpiriesAsync()
    {
        await using var db = _app.Database.CreateContext();
        return await db.Deliveries.AsNoTracking().Where(d => d.State == DeliveryState.Claimed)
            .ToDictionaryAsync(d => d.Id, d => d.ClaimExpiresAt!.Value);
    }

    /// <summary>Holds every send until <see cref="Open"/>; counts how many are on their way at once.</summary>
    private sealed class GatedSender : IChatSender
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
        private int _inFlight;

        public List<string> Sent { get; } = [];
        public int Started { get; private set; }
        public int MostAtOnce { get; private set; }

        public void Open() => _gate.TrySetResult();

        public Task InFlight(int count)
        {
            lock (_lock)
            {
                if (_inFlight >= count) return Task.CompletedTask;
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, reached));
                return reached.Task;
            }
        }

        public async Task<DeliveryResult> SendAsync(ConversationAddress to, OutgoingMessage message, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                Started++;
                MostAtOnce = Math.Max(MostAtOnce, ++_inFlight);
                foreach (var waiter in _waiters.Where(w => _inFlight >= w.Count)) waiter.Reached.TrySetResult();
            }
            await _gate.Task.WaitAsync(cancellationToken);
            lock (_lock)
            {
                _inFlight--;
                Sent.Add(to.Key);
            }
            return new DeliveryResult(DeliveryStatus.Delivered, Guid.NewGuid().ToString());
        }

        public Task<DeliveryResult> UpdateAsync(ConversationAddress to, string activityId, OutgoingMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(new DeliveryResult(DeliveryStatus.Delivered, activityId));
    }
}

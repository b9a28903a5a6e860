using Microsoft.Extensions.Options;

namespace FocusBot.Teams.Proactive;

/// <summary>
/// Spaces out FocusBot's own sends so that a fan-out to hundreds of reps is slowed by us rather than refused by
/// Teams: at most <see cref="PacingOptions.PerConversationPerSecond"/> in any second to one conversation, and
/// overall one send every 1/<see cref="PacingOptions.PerAppPerSecond"/> of a second.
/// </summary>
/// <remarks>
/// Messages to one conversation keep their order; a message waiting for a busy conversation does not hold back
/// messages to other conversations. The app-wide limit is per instance: with several instances, divide it.
/// App-wide sends are spaced evenly rather than let out in bursts of a second's worth: a burst lands at Teams spread
/// by network jitter, and the next second's burst then overlaps it in Teams' own rolling second and is refused
/// (measured: 1,463 refusals in a 5,000-rep fan-out paced in bursts; see bench/README.md, "Delivery").
/// </remarks>
public sealed class SendPacer
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _clock;
    private readonly int _perConversation;
    private readonly SlidingWindow _app;
    private readonly Dictionary<string, SlidingWindow> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _pruneAbove = MinimumPruneThreshold;

    private const int MinimumPruneThreshold = 1024;

    public SendPacer(IOptions<PacingOptions> options, TimeProvider clock)
    {
        var pacing = options.Value;
        _clock = clock;
        _perConversation = pacing.PerConversationPerSecond;
        _app = new SlidingWindow(1, Second / pacing.PerAppPerSecond);
    }

    /// <summary>Completes when a message to <paramref name="conversation"/> may go.</summary>
    public Task WaitTurnAsync(string conversation, CancellationToken cancellationToken)
    {
        var wait = Reserve(conversation);
        return wait > TimeSpan.Zero ? Task.Delay(wait, _clock, cancellationToken) : Task.CompletedTask;
    }

    private TimeSpan Reserve(string conversation)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            _app.ForgetBefore(now);
            var window = WindowOf(conversation, now);
            window.ForgetBefore(now);
            var notBefore = window.Latest is { } latest && latest > now ? latest : now;
            // Booking the app-wide time can only move the slot later, which the conversation's window always allows.
            var slot = _app.EarliestFrom(window.EarliestFrom(notBefore));
            window.Book(slot);
            _app.Book(slot);
            return slot - now;
        }
    }

    private SlidingWindow WindowOf(string conversation, DateTimeOffset now)
    {
        if (!_conversations.TryGetValue(conversation, out var window))
        {
            if (_conversations.Count >= _pruneAbove)
            {
                Prune(now);
            }

            window = new SlidingWindow(_perConversation, Second);
            _conversations.Add(conversation, window);
        }

        return window;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (conversation, window) in _conversations)
        {
            window.ForgetBefore(now);
            if (window.IsEmpty)
            {
                _conversations.Remove(conversation);
            }
        }

        _pruneAbove = Math.Max(MinimumPruneThreshold, _conversations.Count * 2);
    }
}

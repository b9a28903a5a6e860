using System.Threading.Channels;
using FocusBot.Core.Deliveries;

namespace FocusBot.Reminders;

/// <summary>Wakes this instance's worker to send a decision's outbox rows and re-plan its table at once (a situation changed).</summary>
public sealed class ReplanSignal : IDispatchSignal
{
    public void Wake(string tableId) => Request(tableId);

    private readonly Channel<string> _tables = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Request(string tableId) => _tables.Writer.TryWrite(tableId);

    /// <summary>The tables asked for since the last call, without waiting.</summary>
    public IReadOnlyCollection<string> Drain()
    {
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (_tables.Reader.TryRead(out var table)) tables.Add(table);
        return tables;
    }

    /// <summary>Waits until a table is asked for or <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, linked.Token);
        await Task.WhenAny(_tables.Reader.WaitToReadAsync(linked.Token).AsTask(), delay);
        await linked.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}

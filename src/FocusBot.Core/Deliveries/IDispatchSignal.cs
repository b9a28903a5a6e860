namespace FocusBot.Core.Deliveries;

/// <summary>
/// Told after a decision and its outbox rows are committed, so that this instance's dispatcher sends them now
/// (and re-plans the table's reminders) instead of at its next poll. Other instances find the rows at their poll.
/// </summary>
public interface IDispatchSignal
{
    void Wake(string tableId);
}

/// <summary>For a process without a dispatcher (tools, tests): the rows wait for whichever instance polls next.</summary>
public sealed class NoDispatchSignal : IDispatchSignal
{
    public void Wake(string tableId) { }
}

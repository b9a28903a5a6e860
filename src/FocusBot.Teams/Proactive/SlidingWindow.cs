namespace FocusBot.Teams.Proactive;

/// <summary>
/// The send times booked against one limit, in order: no <c>length</c>-long span may hold more than
/// <c>capacity</c> of them. Times may be booked out of order (a message waiting for its conversation books later
/// than one that need not wait).
/// </summary>
internal sealed class SlidingWindow(int capacity, TimeSpan length)
{
    private readonly List<DateTimeOffset> _slots = [];

    public DateTimeOffset? Latest => _slots.Count == 0 ? null : _slots[^1];

    public bool IsEmpty => _slots.Count == 0;

    /// <summary>The first time at or after <paramref name="time"/> that can be booked without overfilling a span.</summary>
    public DateTimeOffset EarliestFrom(DateTimeOffset time)
    {
        // Every run of `capacity` consecutive booked times must stay a full length away from the new one. Moving
        // past one run's first time also clears the runs before it, so one forward pass finds the answer.
        for (var first = 0; first + capacity <= _slots.Count; first++)
        {
            var start = _slots[first];
            var end = _slots[first + capacity - 1];
            var spanStart = start < time ? start : time;
            var spanEnd = end > time ? end : time;
            if (spanEnd - spanStart < length)
            {
                time = start + length;
            }
        }

        return time;
    }

    public void Book(DateTimeOffset slot)
    {
        var index = _slots.BinarySearch(slot);
        _slots.Insert(index < 0 ? ~index : index, slot);
    }

    /// <summary>Drops times that can no longer share a span with anything booked from <paramref name="now"/> on.</summary>
    public void ForgetBefore(DateTimeOffset now)
    {
        var stale = 0;
        while (stale < _slots.Count && _slots[stale] + length <= now)
        {
            stale++;
        }

        _slots.RemoveRange(0, stale);
    }
}

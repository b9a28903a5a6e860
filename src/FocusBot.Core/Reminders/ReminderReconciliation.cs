namespace FocusBot.Core.Reminders;

/// <summary>What re-planning one table changed.</summary>
public sealed record ReplanResult(int Added, int Updated, int Cancelled);

/// <summary>
/// Brings a table's stored reminders in line with a fresh plan: new ones are added, planned ones that no longer apply
/// are cancelled, cancelled ones that apply again come back. What was sent, skipped or failed is never touched.
/// </summary>
public static class ReminderReconciliation
{
    /// <param name="existing">The table's planned rows and every row whose key is in <paramref name="desired"/>.</param>
    /// <returns>The rows to add; <paramref name="existing"/> rows are changed in place.</returns>
    public static (IReadOnlyList<Reminder> ToAdd, ReplanResult Result) Reconcile(
        IReadOnlyCollection<Reminder> existing, IReadOnlyList<PlannedReminder> desired, DateTimeOffset now)
    {
        var byKey = existing.ToDictionary(r => r.PlanKey, StringComparer.Ordinal);
        var wanted = desired.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var toAdd = new List<Reminder>();
        var updated = 0;
        foreach (var planned in desired)
        {
            if (!byKey.TryGetValue(planned.Key, out var row)) toAdd.Add(Reminder.From(planned, now));
            else if (row.Replan(planned, now)) updated++;
        }

        // A meeting that already started is out of the plan's window, not gone: its reminders are left for the
        // worker to skip as stale. A situation's reminder that is no longer wanted no longer applies.
        var cancelled = existing
            .Where(r => r.State == ReminderState.Planned && !wanted.Contains(r.PlanKey))
            .Where(r => !r.IsAboutMeeting || r.Occurrence >= now)
            .Count(r => r.Cancel(now));
        return (toAdd, new ReplanResult(toAdd.Count, updated, cancelled));
    }
}

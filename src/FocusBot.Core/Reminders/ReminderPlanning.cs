using System.Collections.Concurrent;
using FocusBot.Core.Meetings;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using Microsoft.Extensions.Logging;

namespace FocusBot.Core.Reminders;

/// <summary>Re-plans tables: reads the calendar, the roster and the open situations, and stores the plan.</summary>
public sealed class ReminderPlanning(
    IRosterStore roster,
    ISituationStore situations,
    IMeetingCalendar calendar,
    IReminderStore reminders,
    ReminderPlanner planner,
    ReminderOptions options,
    TimeProvider time,
    ILogger<ReminderPlanning> logger)
{
    // Per instance, so an empty table is logged when first seen, not every few minutes.
    private static readonly ConcurrentDictionary<string, bool> EmptyTablesLogged = new();

    /// <summary>Every table; one table's failure is logged and does not stop the others.</summary>
    public async Task PlanAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in await roster.TablesAsync(cancellationToken))
        {
            await PlanTableSafelyAsync(table, cancellationToken);
        }
    }

    public async Task PlanTableAsync(string tableId, CancellationToken cancellationToken)
    {
        if (await roster.FindTableAsync(tableId, cancellationToken) is { } table) await PlanTableSafelyAsync(table, cancellationToken);
    }

    private async Task PlanTableSafelyAsync(Table table, CancellationToken cancellationToken)
    {
        try
        {
            await PlanAsync(table, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(failure, "Could not plan the reminders of table {TableId}; its earlier plan stands", table.Id);
        }
    }

    private async Task PlanAsync(Table table, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var members = await roster.MembersOfTableAsync(table.Id, cancellationToken);
        if (members.Count == 0)
        {
            if (EmptyTablesLogged.TryAdd(table.Id, true))
                logger.LogWarning("Table {TableId} has no members on the roster: only its channel's agenda is planned, and nobody can be told", table.Id);
        }
        else
        {
            EmptyTablesLogged.TryRemove(table.Id, out _);
        }

        var meetings = await calendar.GetMeetingsAsync(table, now, now + options.PlanningHorizon, cancellationToken);
        var open = await situations.ListAsync(
            new SituationQuery([table.Id], [SituationStatus.Open, SituationStatus.Active]), cancellationToken);
        var plan = planner.Plan(table, members, meetings, open);
        var result = await reminders.ApplyPlanAsync(table.Id, plan, now, cancellationToken);
        if (result.Added + result.Updated + result.Cancelled > 0)
            logger.LogInformation("Reminders of table {TableId} re-planned: {Added} added, {Updated} updated, {Cancelled} cancelled",
                table.Id, result.Added, result.Updated, result.Cancelled);
    }
}

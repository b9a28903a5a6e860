using System.Globalization;

namespace FocusBot.Core.Reminders;

/// <summary>A reminder that the table's meetings and situations say should exist.</summary>
public sealed record PlannedReminder(
    ReminderKind Kind,
    string TableId,
    string? SituationId,
    string Target,
    DateTimeOffset Occurrence,
    DateTimeOffset DueAt,
    string? JoinUrl = null)
{
    /// <summary>
    /// Identifies the reminder across re-plans. The lead time is part of it (occurrence minus due time), so that a
    /// table reminded 48 and 24 hours before has two digests per rep, and a changed <c>remindBefore</c> replaces them.
    /// </summary>
    public string Key => string.Join('|',
        Kind, TableId, SituationId ?? "-", Target,
        Occurrence.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        ((long)(Occurrence - DueAt).TotalMinutes).ToString(CultureInfo.InvariantCulture));
}

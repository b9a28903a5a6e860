namespace FocusBot.Core.Meetings;

/// <summary>One meeting of a table: when it starts and ends (absolute instants) and how to join it.</summary>
public sealed record MeetingOccurrence(DateTimeOffset Start, DateTimeOffset End, string? JoinUrl, bool IsCancelled = false);

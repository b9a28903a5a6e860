namespace FocusBot.Core.Meetings;

/// <summary>The calendar refused us: credentials, permission or mailbox access policy.</summary>
public sealed class CalendarAccessException : CalendarUnavailableException
{
    public CalendarAccessException(string message) : base(message) { }
    public CalendarAccessException(string message, Exception innerException) : base(message, innerException) { }
}

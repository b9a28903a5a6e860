namespace FocusBot.Core.Meetings;

/// <summary>The table's calendar could not be read or written; the message says why in words an administrator can act on.</summary>
public class CalendarUnavailableException : Exception
{
    public CalendarUnavailableException(string message) : base(message) { }
    public CalendarUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}

namespace FocusBot.Teams.Bot;

/// <summary>
/// An incoming activity refused before its turn ran: <see cref="Status"/> is the HTTP status to answer
/// (401 no valid token, 403 valid token but not for this bot's tenant or channel, 429 the user sends too many, 503 the
/// signing keys could not be fetched) and the message says why in one line, for the log. <see cref="RetryAfter"/>
/// is set for 429 and 503.
/// </summary>
public sealed class ActivityRefusedException(int status, string reason, Exception? cause = null, TimeSpan? retryAfter = null)
    : Exception(reason, cause)
{
    public int Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

namespace FocusBot.Teams.Bot;

/// <summary>
/// An incoming activity refused before its turn ran: <see cref="Status"/> is the HTTP status to answer
/// (401 no valid token, 403 valid token but not for this bot's tenant or channel, 503 the signing keys could not be
/// fetched) and the message says why in one line, for the log.
/// </summary>
public sealed class ActivityRefusedException(int status, string reason, Exception? cause = null) : Exception(reason, cause)
{
    public int Status { get; } = status;
}

namespace FocusBot.Teams.Proactive;

/// <summary>How fast FocusBot lets itself write to Teams (settings section <c>Teams:Pacing</c>).</summary>
public sealed class PacingOptions
{
    public const string Section = "Teams:Pacing";

    /// <summary>Teams allows a bot 7 messages a second in one conversation.</summary>
    public int PerConversationPerSecond { get; set; } = 7;
    /// <summary>
    /// Our own ceiling for everything this instance sends, evenly spaced, so a fan-out never meets Teams' per-app
    /// limit of 50 a second: 47 leaves room for the network to bunch our sends up on their way.
    /// </summary>
    public int PerAppPerSecond { get; set; } = 47;
}

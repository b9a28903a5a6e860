namespace FocusBot.Teams.Proactive;

/// <summary>How fast FocusBot lets itself write to Teams (settings section <c>Teams:Pacing</c>).</summary>
public sealed class PacingOptions
{
    public const string Section = "Teams:Pacing";

    /// <summary>Teams allows a bot 7 messages a second in one conversation.</summary>
    public int PerConversationPerSecond { get; set; } = 7;
    /// <summary>Our own ceiling for everything this instance sends, so a fan-out never meets Teams' per-app limit.</summary>
    public int PerAppPerSecond { get; set; } = 50;
}

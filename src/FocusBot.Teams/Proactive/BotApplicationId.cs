namespace FocusBot.Teams.Proactive;

/// <summary>The bot's Microsoft App ID (<c>MicrosoftAppId</c>; empty when authentication is off in development).</summary>
public sealed record BotApplicationId(string Value);

namespace FocusBot.Teams.Bot;

/// <summary>The bot's fixed sentences, in one place so that tests and docs quote the same words.</summary>
public static class BotMessages
{
    public const string NotOnRoster = "You are not on a FOCUS roster; ask your table's co-chair.";
    public const string TooLong = "That message is too long for a command. Type **help** to see what I understand.";
    public const string NotUnderstood = "Sorry, I did not understand that.";
}

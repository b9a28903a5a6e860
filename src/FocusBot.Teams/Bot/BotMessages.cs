using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Bot;

/// <summary>The bot's fixed sentences, in the current language, so that tests and docs quote the same words.</summary>
public static class BotMessages
{
    public static string NotOnRoster => Texts.Get("Bot.NotOnRoster");
    public static string TooLong => Texts.Get("Bot.TooLong");
    public static string NotUnderstood => Texts.Get("Bot.NotUnderstood");
}

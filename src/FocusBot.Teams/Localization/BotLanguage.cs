using System.Globalization;

namespace FocusBot.Teams.Localization;

/// <summary>
/// The languages FocusBot speaks (<c>en-CA</c>, the default, and <c>fr-CA</c>) and which one a turn or a proactive
/// message uses: a member's own choice (<c>language français</c>), else the locale Teams reports for them, else English.
/// A table's channel uses the table's language. The choice is made current (<see cref="CultureInfo.CurrentUICulture"/>
/// and <see cref="CultureInfo.CurrentCulture"/>) the way ASP.NET Core's request localization does, so every card and
/// message drawn after it reads its words and dates in that language; the culture flows with the async turn.
/// </summary>
public static class BotLanguage
{
    public const string English = "en-CA";
    public const string French = "fr-CA";

    /// <summary>A pseudo-language for tests: every resource string comes back marked, so text outside the resources shows.</summary>
    public const string Pseudo = "qps-Ploc";

    public static IReadOnlyList<string> Supported { get; } = [English, French];

    /// <summary>Where a turn keeps the language it chose (<see cref="Remember"/>), for what runs outside the turn's async flow (the adapter's error handler).</summary>
    public const string TurnStateKey = "FocusBot.Language";

    /// <summary>Makes the language current for the rest of the turn (<see cref="Use"/>) and keeps it in the turn's state.</summary>
    public static CultureInfo Remember(Microsoft.Bot.Builder.ITurnContext turnContext, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[TurnStateKey] = culture;
        return Use(culture);
    }

    /// <summary>
    /// The supported language for a member's stored preference and the Teams locale of an activity (either may be
    /// null): the preference wins; any French locale (<c>fr</c>, <c>fr-FR</c>, <c>fr-CA</c>) reads as <c>fr-CA</c>;
    /// everything else as <c>en-CA</c>.
    /// </summary>
    public static CultureInfo Choose(string? preference, string? teamsLocale = null) =>
        CultureInfo.GetCultureInfo(Normalize(preference) ?? Normalize(teamsLocale) ?? English);

    /// <summary><c>en-CA</c> or <c>fr-CA</c> for a locale or language name of either language; null for anything else.</summary>
    public static string? Normalize(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        var trimmed = locale.Trim();
        if (trimmed.Equals(Pseudo, StringComparison.OrdinalIgnoreCase)) return Pseudo;
        var language = trimmed.Split('-', '_')[0].ToLowerInvariant();
        return language switch
        {
            "fr" => French,
            "en" => English,
            _ => null,
        };
    }

    /// <summary>Makes the language current for what follows in this turn (or this delivery) and returns it.</summary>
    public static CultureInfo Use(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return culture;
    }

    /// <summary>Makes the language current until the scope is disposed (a card drawn for one recipient among many).</summary>
    public static IDisposable Scope(CultureInfo culture)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        Use(culture);
        return new Restore(before.CurrentCulture, before.CurrentUICulture);
    }

    /// <summary>Whether French is the current language.</summary>
    public static bool IsFrench => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    private sealed class Restore(CultureInfo culture, CultureInfo uiCulture) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}

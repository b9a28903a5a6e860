using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FocusBot.Teams.Localization;

/// <summary>
/// Every word FocusBot shows people, from <c>Texts.resx</c> (en-CA) and <c>Texts.fr-CA.resx</c> through ASP.NET Core's
/// <see cref="IStringLocalizer"/>, in the current UI culture (see <see cref="BotLanguage"/>). Card builders are static
/// and culture is ambient, so they read through this one immutable localizer instead of an injected one; services reach the same
/// resources through <see cref="Localizer"/>.
/// Under <see cref="BotLanguage.Pseudo"/> each string comes back between ⟦ and ⟧, so a test can find text that did not
/// come from here.
/// </summary>
public static class Texts
{
    /// <summary>The localizer over this project's <c>Localization/Texts</c> resources.</summary>
    public static IStringLocalizer Localizer { get; } =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Texts));

    /// <summary>The string for <paramref name="key"/>, formatted with <paramref name="args"/> in the current culture.
    /// A missing key comes back as the key itself (the completeness test fails on it).</summary>
    public static string Get(string key, params object?[] args)
    {
        var found = args.Length == 0 ? Localizer[key] : Localizer[key, args!];
        return CultureInfo.CurrentUICulture.Name == BotLanguage.Pseudo ? $"⟦{found.Value}⟧" : found.Value;
    }

    /// <summary>A resource used as a pattern (a date format), never marked, even under the pseudo-language.</summary>
    public static string Pattern(string key) => Localizer[key].Value;

    /// <summary>
    /// The one way a count is written with its noun: <c>{key}.One</c> when the current language reads the count as
    /// singular (<see cref="IsSingular"/>), else <c>{key}.Many</c>; the count is argument 0, <paramref name="more"/> follow.
    /// </summary>
    public static string Count(string key, int count, params object?[] more) =>
        Get(IsSingular(count) ? key + ".One" : key + ".Many", [count, .. more]);

    /// <summary>A count with decimals (hours), as <see cref="Count(string, int, object?[])"/>; pass it rounded as it is shown.</summary>
    public static string Count(string key, double count, params object?[] more) =>
        Get(IsSingular(count) ? key + ".One" : key + ".Many", [count, .. more]);

    /// <summary>
    /// Whether a count takes the singular in the current language (CLDR's plural rules): in French, 0 and 1 and
    /// everything under 2 ("0 jour", "1 jour", "1,5 heure"); in English only exactly 1 ("0 days", "1 day", "1.5 hours").
    /// </summary>
    public static bool IsSingular(double count) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? Math.Abs(count) < 2 : count == 1;
}

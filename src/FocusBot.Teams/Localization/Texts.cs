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

    /// <summary>One of two strings by count: <c>{key}.One</c> for 1, <c>{key}.Many</c> otherwise; the count is argument 0.</summary>
    public static string Count(string key, int count, params object?[] more) =>
        Get(count == 1 ? key + ".One" : key + ".Many", [count, .. more]);
}

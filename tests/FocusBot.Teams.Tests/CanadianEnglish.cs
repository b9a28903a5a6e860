using System.Globalization;
using System.Runtime.CompilerServices;

namespace FocusBot.Teams.Tests;

/// <summary>
/// Cards built directly in a test are drawn in the current culture, as the bot draws them after choosing the reader's
/// language: the tests read them in Canadian English (FocusBot's default) unless a test chooses another.
/// </summary>
internal static class CanadianEnglish
{
    [ModuleInitializer]
    internal static void ByDefault()
    {
        var english = CultureInfo.GetCultureInfo("en-CA");
        CultureInfo.DefaultThreadCurrentCulture = english;
        CultureInfo.DefaultThreadCurrentUICulture = english;
        CultureInfo.CurrentCulture = english;
        CultureInfo.CurrentUICulture = english;
    }
}

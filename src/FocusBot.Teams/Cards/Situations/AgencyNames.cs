using System.Text.RegularExpressions;
using FocusBot.Core.Roster;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>Agencies by the name people know them by; an agency no longer on the roster is shown by its id.</summary>
public static class AgencyNames
{
    /// <summary>The agency's name; "none" when there is no agency (a discussion recorded as not AER names none).</summary>
    public static string Of(IReadOnlyDictionary<string, Agency> agencies, string? agencyId)
    {
        if (agencyId is null) return "none";
        if (agencies.TryGetValue(agencyId, out var agency)) return agency.Name;
        return agencies.Values.FirstOrDefault(a => string.Equals(a.Id, agencyId, StringComparison.OrdinalIgnoreCase))?.Name
            ?? agencyId;
    }

    /// <summary>
    /// The domain speaks of agencies by roster id ("northside-mh"); people read names. Replaces every whole id in a
    /// domain message with the agency's name.
    /// </summary>
    public static string InMessage(IReadOnlyDictionary<string, Agency> agencies, string message)
    {
        foreach (var agency in agencies.Values.OrderByDescending(a => a.Id.Length))
        {
            message = Regex.Replace(message, $@"(?<![\w.@-]){Regex.Escape(agency.Id)}(?![\w@-]|\.\w)", agency.Name.Replace("$", "$$"));
        }
        return message;
    }
}

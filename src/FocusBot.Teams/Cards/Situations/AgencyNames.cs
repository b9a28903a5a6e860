using FocusBot.Core.Roster;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>Agencies by the name people know them by; an agency no longer on the roster is shown by its id.</summary>
public static class AgencyNames
{
    /// <summary>The agency's name; "none" (current language) when there is no agency (a discussion recorded as not AER names none).</summary>
    public static string Of(IReadOnlyDictionary<string, Agency> agencies, string? agencyId)
    {
        if (agencyId is null) return Texts.Get("Agency.None");
        if (agencies.TryGetValue(agencyId, out var agency)) return agency.Name;
        return agencies.Values.FirstOrDefault(a => string.Equals(a.Id, agencyId, StringComparison.OrdinalIgnoreCase))?.Name
            ?? agencyId;
    }
}

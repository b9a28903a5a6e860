using FocusBot.Core.Roster;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>Agencies by the name people know them by; an agency no longer on the roster is shown by its id.</summary>
internal static class AgencyNames
{
    public static string Of(IReadOnlyDictionary<string, Agency> agencies, string agencyId)
    {
        if (agencies.TryGetValue(agencyId, out var agency)) return agency.Name;
        return agencies.Values.FirstOrDefault(a => string.Equals(a.Id, agencyId, StringComparison.OrdinalIgnoreCase))?.Name
            ?? agencyId;
    }
}

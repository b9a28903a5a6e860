namespace FocusBot.Core.Roster;

/// <summary>
/// A person on the roster. Known by work e-mail (the key) and, once Teams has told us, by Entra object id.
/// Nothing else about the person is stored.
/// </summary>
public sealed class Member
{
    /// <summary>Lower-case work e-mail; the member's identity in the roster.</summary>
    public required string Email { get; init; }
    public string? AadObjectId { get; set; }
    public required string AgencyId { get; set; }
    public required MemberRole Role { get; set; }
    public List<string> TableIds { get; set; } = [];
    /// <summary>The member's own choice of language (<c>language français</c>): <c>en-CA</c>, <c>fr-CA</c>, or null
    /// to follow Teams. Kept when the roster is imported again.</summary>
    public string? Language { get; set; }
    /// <summary>The locale Teams last reported for the member (e.g. <c>fr-CA</c>), so that proactive messages use
    /// it. Kept when the roster is imported again.</summary>
    public string? TeamsLocale { get; set; }

    public bool IsCoChairOf(string tableId) =>
        Role is MemberRole.CoChair or MemberRole.Admin && TableIds.Contains(tableId, StringComparer.OrdinalIgnoreCase);

    public bool SitsAt(string tableId) => TableIds.Contains(tableId, StringComparer.OrdinalIgnoreCase);
}

namespace FocusBot.Core.Roster;

/// <summary>What a member may do at their tables.</summary>
public enum MemberRole
{
    /// <summary>An agency representative: accepts assignments and posts updates for their agency.</summary>
    Rep,
    /// <summary>A table co-chair: records and concludes situations, sees the whole table.</summary>
    CoChair,
    /// <summary>Sets up tables, agencies and members.</summary>
    Admin,
}

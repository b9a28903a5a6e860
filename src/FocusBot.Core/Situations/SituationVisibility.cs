using FocusBot.Core.Roster;

namespace FocusBot.Core.Situations;

/// <summary>How much of a situation a member may see.</summary>
public enum SituationAccess
{
    /// <summary>Nothing, not even that it exists.</summary>
    None,
    /// <summary>What the table shared at filter 2: id, age group, gender, risk factors, status, agencies.</summary>
    TableView,
    /// <summary>Everything, updates and notes included.</summary>
    Full,
}

/// <summary>
/// Who sees what: notes go only to the agencies working the situation and the table's co-chairs; the rest of
/// the table sees the de-identified card; other tables see nothing.
/// </summary>
public static class SituationVisibility
{
    public static SituationAccess For(Member? member, Situation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        if (member is null || !member.SitsAt(situation.TableId))
        {
            return SituationAccess.None;
        }

        // An agency that declined takes no part in the intervention, so it no longer needs the notes.
        var agencyWorksOnIt = situation.Involves(member.AgencyId)
            || string.Equals(situation.OriginatingAgencyId, member.AgencyId, StringComparison.OrdinalIgnoreCase);
        return member.IsCoChairOf(situation.TableId) || agencyWorksOnIt ? SituationAccess.Full : SituationAccess.TableView;
    }
}

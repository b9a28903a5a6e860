namespace FocusBot.Core.Roster;

/// <summary>
/// A signed-in person as Entra ID names them: tenant id and object id (<c>tid</c> and <c>oid</c> in a token, the
/// activity's tenant and <c>from.aadObjectId</c> in Teams), and the addresses they are known by (e-mail, user principal
/// name), used only to find them the first time.
/// </summary>
public sealed record SignedInPerson(string? TenantId, string? ObjectId);

/// <summary>
/// The one way the bot, the API and the tabs find the roster member behind a signed-in person. The key is tenant id +
/// object id: the tenant must be the one FocusBot serves (when one is configured) and the member is found by object
/// id. A member whose object id is not yet known is matched once by the roster's e-mail (B2B guests by their own
/// address, see <see cref="PrincipalName"/>), and the object id is remembered: after that an e-mail, which a user or
/// an administrator can change, no longer finds them.
/// </summary>
public sealed class MemberLookup(IRosterStore roster, string? servedTenantId)
{
    /// <summary>
    /// The member, or null when the person is from another tenant, unknown, or claims by e-mail a member already
    /// known by another object id. <paramref name="addresses"/> is asked only when the object id finds nobody.
    /// </summary>
    public async Task<Member?> FindAsync(SignedInPerson person, Func<CancellationToken, Task<IReadOnlyList<string?>>> addresses,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(servedTenantId) &&
            !string.Equals(person.TenantId?.Trim(), servedTenantId.Trim(), StringComparison.OrdinalIgnoreCase))
            return null;

        // The empty GUID is nobody's object id; remembered once, it would let anyone who sends it be that member.
        var objectId = Guid.TryParse(person.ObjectId, out var parsed) && parsed != Guid.Empty ? parsed.ToString() : null;
        if (objectId is not null && await roster.FindMemberByAadObjectIdAsync(objectId, cancellationToken) is { } known)
            return known;

        foreach (var email in (await addresses(cancellationToken)).Select(PrincipalName.ToEmail).OfType<string>().Distinct())
        {
            var member = await roster.FindMemberByEmailAsync(email, cancellationToken);
            if (member is null) continue;
            // Known by another object id (theirs matched above): this address is someone else's now.
            if (member.AadObjectId is not null) return null;
            if (objectId is not null)
            {
                await roster.RecordAadObjectIdAsync(member.Email, objectId, cancellationToken);
                member.AadObjectId = objectId;
            }
            return member;
        }
        return null;
    }
}

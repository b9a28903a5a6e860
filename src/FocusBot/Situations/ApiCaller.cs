using System.Security.Claims;
using FocusBot.Core.Roster;
using FocusBot.Hosting;

namespace FocusBot.Situations;

/// <summary>
/// Who is calling the backend, as a roster member, when authentication is on: the token's tenant and object id
/// (<c>tid</c>, <c>oid</c>) through <see cref="MemberLookup"/>, its e-mail claims (<c>email</c>,
/// <c>preferred_username</c>, <c>upn</c>) only for the first match. With authentication off (development on loopback)
/// the caller acts as a local administrator of every table, recorded in the history as <see cref="DevelopmentEmail"/>.
/// </summary>
public sealed class ApiCaller(IRosterStore roster, MemberLookup lookup, IConfiguration configuration)
{
    public const string DevelopmentEmail = "local-api@focusbot.invalid";

    /// <summary>The caller's member (an administrator reaching every table when the token has <c>FocusBot.Admin</c>), or null.</summary>
    public async Task<Member?> MemberAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!BackendPolicies.IsEnabled(configuration))
        {
            var tables = (await roster.GetAsync(cancellationToken)).Tables.Select(t => t.Id).ToList();
            return new Member { Email = DevelopmentEmail, AgencyId = "", Role = MemberRole.Admin, TableIds = tables };
        }

        var person = new SignedInPerson(user.FindFirstValue("tid"), user.FindFirstValue("oid"));
        IReadOnlyList<string?> addresses = [user.FindFirstValue("email"), user.FindFirstValue("preferred_username"), user.FindFirstValue("upn")];
        var member = await lookup.FindAsync(person, _ => Task.FromResult(addresses), cancellationToken);
        if (member is null || !user.IsInRole(BackendPolicies.Admin)) return member;
        // The FocusBot.Admin app role reaches every table, whatever the roster says.
        var all = (await roster.GetAsync(cancellationToken)).Tables.Select(t => t.Id).ToList();
        return new Member { Email = member.Email, AadObjectId = member.AadObjectId, AgencyId = member.AgencyId, Role = MemberRole.Admin, TableIds = all,
            Language = member.Language };
    }
}

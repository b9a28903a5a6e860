using System.Net;
using System.Security.Claims;
using FocusBot.Core.Roster;
using FocusBot.Hosting;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Localization;
using Microsoft.AspNetCore.Authentication;

namespace FocusBot.Tabs;

/// <summary>Who is using a tab: the roster member, or why nobody (the HTTP status to answer).</summary>
public sealed record TabIdentity(Member? Member, int Status, string? Problem)
{
    public static TabIdentity Of(Member member) => new(member, StatusCodes.Status200OK, null);
}

/// <summary>
/// Finds the roster member behind a tab request, exactly as the bot does (<see cref="MemberLookup"/>: tenant + object id,
/// e-mail only the first time). With sign-on on, the bearer token must pass <see cref="TabSignOn.Scheme"/> (else 401);
/// a person not on the roster is 403. With sign-on off, a request names its user with <see cref="DevUserHeader"/>,
/// honoured only when the host runs with its authentication off (loopback only) and the request comes from loopback;
/// anything else is 401.
/// </summary>
public sealed class TabCaller(MemberLookup lookup, IRosterStore roster, IConfiguration configuration)
{
    public const string DevUserHeader = "X-FocusBot-Dev-User";

    /// <summary>The member behind the request, or the status (401, 403) and the sentence to answer with, in the current language (<see cref="Texts"/>).</summary>
    public async Task<TabIdentity> IdentifyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (TabSignOn.IsEnabled(configuration))
        {
            var result = await http.AuthenticateAsync(TabSignOn.Scheme);
            if (!result.Succeeded || result.Principal is not { } user)
                return new(null, StatusCodes.Status401Unauthorized, Texts.Get("TabApi.SignInAgain"));
            var person = new SignedInPerson(user.FindFirstValue("tid"), user.FindFirstValue("oid"));
            IReadOnlyList<string?> addresses = [user.FindFirstValue("email"), user.FindFirstValue("preferred_username"), user.FindFirstValue("upn")];
            var member = await lookup.FindAsync(person, _ => Task.FromResult(addresses), cancellationToken);
            return member is null ? NotOnRoster() : TabIdentity.Of(member);
        }

        if (!DevelopmentUsersAllowed(http) || http.Request.Headers[DevUserHeader].ToString() is not { Length: > 0 } email)
            return new(null, StatusCodes.Status401Unauthorized, Texts.Get("TabApi.SignOnNotConfigured", DevUserHeader));
        return PrincipalName.ToEmail(email) is { } address && await roster.FindMemberByEmailAsync(address, cancellationToken) is { } named
            ? TabIdentity.Of(named)
            : NotOnRoster();
    }

    /// <summary>The development header counts only on a host with every authentication off and from this machine.</summary>
    private bool DevelopmentUsersAllowed(HttpContext http) =>
        !BotAuthentication.IsEnabled(configuration) && !BackendPolicies.IsEnabled(configuration)
        && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);

    private static TabIdentity NotOnRoster() =>
        new(null, StatusCodes.Status403Forbidden, Texts.Get("TabApi.NotOnRoster"));
}

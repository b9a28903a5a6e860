namespace FocusBot.Core.Roster;

/// <summary>
/// Reads the e-mail behind an Entra user principal name. A B2B guest's UPN in the host tenant is their own address with
/// '@' turned into '_' and <c>#EXT#@host.onmicrosoft.com</c> added (<c>alex_cmha.example#EXT#@host.onmicrosoft.com</c>
/// for <c>alex@cmha.example</c>); the roster knows the guest by their own address.
/// </summary>
public static class PrincipalName
{
    private const string GuestMarker = "#EXT#";

    /// <summary>
    /// The address in lower case, trimmed; for a guest UPN, the guest's own address (the last '_' before
    /// <c>#EXT#</c> is the '@'). Null for a blank input.
    /// </summary>
    public static string? ToEmail(string? principalName)
    {
        if (string.IsNullOrWhiteSpace(principalName)) return null;
        var name = principalName.Trim();
        var marker = name.IndexOf(GuestMarker, StringComparison.OrdinalIgnoreCase);
        if (marker > 0)
        {
            var local = name[..marker];
            var at = local.LastIndexOf('_');
            if (at > 0 && at < local.Length - 1) name = $"{local[..at]}@{local[(at + 1)..]}";
        }
        return name.ToLowerInvariant();
    }
}

namespace FocusBot.Hosting;

public enum HostVerb
{
    /// <summary>Run the bot and the backend.</summary>
    Run,
    /// <summary>Run with the sample roster loaded (local trial).</summary>
    Demo,
    ImportRoster,
    PackageApp,
    /// <summary>Create or adopt each table's weekly meeting series in its organizer's Outlook calendar (Microsoft Graph).</summary>
    ProvisionMeetings,
    /// <summary>Erase now the text of situations past <c>Privacy:RetentionMonths</c> (<c>--dry-run</c>: only list them).</summary>
    Purge,
}

/// <summary>
/// FocusBot's own command line (verbs such as <c>import-roster PATH</c>); every other argument is left for
/// ASP.NET Core's configuration (e.g. <c>--urls</c>).
/// </summary>
public sealed record HostCommand(HostVerb Verb, string? Path, string[] RemainingArgs, bool DryRun = false)
{
    public static HostCommand Parse(string[] args)
    {
        var rest = new List<string>();
        var verb = HostVerb.Run;
        string? path = null;
        var dryRun = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--demo":
                    verb = HostVerb.Demo;
                    break;
                case "import-roster":
                    verb = HostVerb.ImportRoster;
                    path = i + 1 < args.Length ? args[++i] : null;
                    break;
                case "provision-meetings":
                    verb = HostVerb.ProvisionMeetings;
                    break;
                case "purge":
                    verb = HostVerb.Purge;
                    break;
                case "--dry-run" when verb == HostVerb.Purge:
                    dryRun = true;
                    break;
                case "package-app":
                    verb = HostVerb.PackageApp;
                    break;
                case "--output" when verb == HostVerb.PackageApp:
                    path = i + 1 < args.Length ? args[++i] : null;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }
        return new HostCommand(verb, path, [.. rest], dryRun);
    }
}

namespace FocusBot.Hosting;

public enum HostVerb
{
    /// <summary>Run the bot and the backend.</summary>
    Run,
    /// <summary>Run with the sample roster loaded (local trial).</summary>
    Demo,
    /// <summary>Validate and apply a roster file, then exit.</summary>
    ImportRoster,
    /// <summary>Build the Teams app package, then exit.</summary>
    PackageApp,
    /// <summary>Create or adopt each table's weekly meeting series in its organizer's Outlook calendar (Microsoft Graph).</summary>
    ProvisionMeetings,
    /// <summary>Erase now the text of situations past <c>Privacy:RetentionMonths</c> (<c>--dry-run</c>: only list them).</summary>
    Purge,
    /// <summary>Print the verbs and exit.</summary>
    Help,
}

/// <summary>
/// FocusBot's own command line (verbs such as <c>import-roster PATH</c>); every other argument is left for
/// ASP.NET Core's configuration (e.g. <c>--urls</c>, <c>--Database:Provider Postgres</c>). A bare word that is no
/// verb and no option's value is refused with <see cref="Problem"/> (exit code 2).
/// </summary>
/// <param name="Verb">What to do.</param>
/// <param name="Path">import-roster's PATH or package-app's --output, as typed (relative to the current folder).</param>
/// <param name="RemainingArgs">The arguments for ASP.NET Core's configuration.</param>
/// <param name="Problem">One line saying what is wrong with the command line, or null.</param>
/// <param name="DryRun">purge's <c>--dry-run</c>: say what would be erased, erase nothing.</param>
public sealed record HostCommand(HostVerb Verb, string? Path, string[] RemainingArgs, string? Problem = null, bool DryRun = false)
{
    /// <summary>Exit code of a command line that could not be understood.</summary>
    public const int UsageExitCode = 2;

    /// <summary>What <c>--help</c> prints, and what follows a command-line problem.</summary>
    public const string Usage = """
        FocusBot: the Microsoft Teams bot for FOCUS situation tables.

        Usage: FocusBot [VERB] [ASP.NET Core options]     (dotnet run --project src/FocusBot -- [VERB] ...)

        Verbs:
          (none)                  run the bot and the backend (http://127.0.0.1:3978 unless an address is given)
          --demo                  run with the sample roster loaded (samples/roster.json), for a local trial
          import-roster PATH      validate and apply a roster file (all or nothing), then exit
          provision-meetings      create or adopt each table's weekly Teams meeting in its organizer's calendar (Graph)
          package-app [--output PATH]
                                  build the Teams app package (default focusbot.zip in the current folder)
          purge [--dry-run]       erase the text of situations concluded more than Privacy:RetentionMonths ago
                                  (--dry-run: only say what would be erased)
          --help                  print this text

        Options (ASP.NET Core's own):
          --urls URL[;URL]        where to listen (also ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS)
          --environment NAME      Development, Production, ...
          --Section:Key VALUE     any setting of appsettings.template.json (also Section__Key=VALUE in the environment)

        Relative paths are relative to the folder the command is typed in. Exit code 0 when done, 1 when refused,
        2 when the command line is not understood.
        """;

    /// <summary>Reads the command line; never throws.</summary>
    public static HostCommand Parse(string[] args)
    {
        var rest = new List<string>();
        var verb = HostVerb.Run;
        string? path = null;
        string? problem = null;
        var dryRun = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--help" or "-h" or "-?" or "help":
                    return new HostCommand(HostVerb.Help, null, []);
                case "--demo":
                    verb = HostVerb.Demo;
                    break;
                case "import-roster":
                    verb = HostVerb.ImportRoster;
                    path = i + 1 < args.Length ? args[++i] : null;
                    if (path is null) problem ??= "import-roster needs the roster file's path: import-roster PATH";
                    break;
                case "provision-meetings":
                    verb = HostVerb.ProvisionMeetings;
                    break;
                case "purge":
                    verb = HostVerb.Purge;
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                // A mistyped --dry-run must not be read as "no dry run": that purge would erase.
                case var typo when typo.StartsWith("--dry", StringComparison.OrdinalIgnoreCase) || typo.StartsWith("-dry", StringComparison.OrdinalIgnoreCase):
                    problem ??= $"Unknown option '{typo}'. Did you mean --dry-run (purge [--dry-run])?";
                    break;
                case "package-app":
                    verb = HostVerb.PackageApp;
                    break;
                case "--output" when verb == HostVerb.PackageApp:
                    path = i + 1 < args.Length ? args[++i] : null;
                    if (path is null) problem ??= "package-app --output needs a path";
                    break;
                default:
                    if (IsOptionValue(args, i) || IsOption(arg)) rest.Add(arg);
                    else problem ??= $"Unknown verb '{arg}'. The verbs are --demo, import-roster PATH, provision-meetings, package-app, purge [--dry-run], --help.";
                    break;
            }
        }
        // --dry-run anywhere on the line (also before the verb) belongs to purge, and to nothing else.
        if (dryRun && verb != HostVerb.Purge) problem ??= "--dry-run goes with purge only: purge [--dry-run].";
        // purge erases: an option it does not know (purge --dryrun, purge --force) must stop it, not be read as a setting.
        if (verb == HostVerb.Purge && rest.FirstOrDefault(IsUnknownFlag) is { } unknown)
        {
            problem ??= $"Unknown option '{unknown}' for purge. purge takes --dry-run, and settings as --Section:Key VALUE.";
        }
        return new HostCommand(verb, path, [.. rest], problem, dryRun);
    }

    private static readonly string[] HostOptions = ["--urls", "--environment", "--contentRoot", "--applicationName"];

    /// <summary>A <c>--word</c> that is neither a setting (<c>--Section:Key</c>, <c>--Key=VALUE</c>) nor one of ASP.NET Core's own options.</summary>
    private static bool IsUnknownFlag(string arg) =>
        arg.StartsWith('-') && !arg.Contains(':') && !arg.Contains('=') &&
        !HostOptions.Contains(arg, StringComparer.OrdinalIgnoreCase);

    private static bool IsOption(string arg) => arg.StartsWith('-') || arg.StartsWith('/') || arg.Contains('=');

    /// <summary>Whether this bare word is the value of the option before it (<c>--urls http://...</c>).</summary>
    private static bool IsOptionValue(string[] args, int i) =>
        i > 0 && args[i - 1].StartsWith("--", StringComparison.Ordinal) && !args[i - 1].Contains('=') &&
        args[i - 1] is not ("--demo" or "--output");
}

namespace FocusBot.AppPackage;

/// <summary>
/// <c>dotnet run --project src/FocusBot -- package-app [--output PATH]</c>: builds focusbot.zip, the Teams app
/// package, from manifest/ and the host's settings (appsettings, environment variables, user secrets).
/// </summary>
public static class AppPackageCommand
{
    public const string Name = "package-app";

    /// <summary>Parses <c>[--output PATH]</c> (the arguments after <c>package-app</c>) and runs the command.</summary>
    public static int Run(IConfiguration configuration, string contentRoot, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        string? outputPath = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is "--output" or "-o" && i + 1 < arguments.Count)
                outputPath = arguments[++i];
            else if (arguments[i].StartsWith("--output=", StringComparison.Ordinal))
                outputPath = arguments[i]["--output=".Length..];
            else
            {
                error.WriteLine($"{Name}: unexpected argument '{arguments[i]}'. Usage: {Name} [--output PATH]");
                return 2;
            }
        }
        return Run(configuration, contentRoot, outputPath ?? AppPackageBuilder.DefaultPackageFileName, output, error);
    }

    /// <summary>
    /// Builds the package at <paramref name="outputPath"/> (a file, or a folder to put focusbot.zip in; relative to
    /// the current directory). Returns 0 when built, 1 when refused (every reason written to <paramref name="error"/>).
    /// </summary>
    public static int Run(IConfiguration configuration, string contentRoot, string outputPath, TextWriter output, TextWriter error)
    {
        try
        {
            var settings = AppPackageSettings.Read(configuration);
            var builder = new AppPackageBuilder(AppPackageBuilder.FindManifestDirectory(contentRoot));
            var zipPath = Path.GetFullPath(Directory.Exists(outputPath)
                ? Path.Combine(outputPath, AppPackageBuilder.DefaultPackageFileName)
                : outputPath);
            builder.Build(settings, zipPath);
            output.WriteLine($"Teams app package written to {zipPath}");
            output.WriteLine($"  app id {settings.TeamsAppId}, bot {settings.BotId} at {settings.BotDomain}");
            output.WriteLine("Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center.");
            return 0;
        }
        catch (AppPackageRefusedException refused)
        {
            error.WriteLine("The Teams app package was not built:");
            foreach (var problem in refused.Problems)
                error.WriteLine($"  {problem}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            error.WriteLine($"The Teams app package was not built: {e.Message}");
            return 1;
        }
    }
}

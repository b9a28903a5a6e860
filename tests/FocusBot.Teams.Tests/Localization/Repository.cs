namespace FocusBot.Teams.Tests.Localization;

/// <summary>Files of the repository the tests run from (found by walking up to FocusBot.sln).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string TeamsSource => Path.Combine(Root, "src", "FocusBot.Teams");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FocusBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("FocusBot.sln not found above " + AppContext.BaseDirectory);
    }
}

using FocusBot.Core.Roster;

namespace FocusBot.Testing;

/// <summary>The repository's sample roster (samples/roster.json), read and validated, for tests.</summary>
public static class SampleRoster
{
    public static string Path => FindRepositoryFile("samples", "roster.json");

    public static async Task<Roster> LoadAsync()
    {
        await using var stream = File.OpenRead(Path);
        var validation = await RosterFile.ReadAsync(stream, CancellationToken.None);
        return validation.Roster ?? throw new InvalidOperationException(string.Join("\n", validation.Problems));
    }

    public static string FindRepositoryFile(params string[] parts)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine([folder.FullName, .. parts]);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{System.IO.Path.Combine(parts)} not found above {AppContext.BaseDirectory}.");
    }
}

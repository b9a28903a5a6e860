namespace FocusBot.Roster;

/// <summary><c>--demo</c>: loads the sample roster (samples/roster.json) so the bot can be tried at once.</summary>
public static class DemoRoster
{
    public static async Task LoadAsync(WebApplication app)
    {
        var path = Find(app.Environment.ContentRootPath) ?? Find(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException("--demo needs samples/roster.json from the FocusBot repository.");

        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<RosterImporter>();
        var exit = await importer.ImportFileAsync(path, Console.Out, Console.Error, CancellationToken.None);
        if (exit != 0) throw new InvalidOperationException($"The sample roster at {path} could not be loaded.");
    }

    private static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "samples", "roster.json");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

using FocusBot.Hosting;

namespace FocusBot.Roster;

/// <summary>
/// <c>--demo</c>: loads the sample roster (samples/roster.json, shipped next to the app; else found from the current
/// folder up) so the bot can be tried at once. Refuses with <see cref="HostRefusalException"/> when there is none.
/// </summary>
public static class DemoRoster
{
    public static async Task LoadAsync(WebApplication app)
    {
        var path = Find(app.Environment.ContentRootPath) ?? Find(Directory.GetCurrentDirectory())
            ?? throw new HostRefusalException($"--demo needs the sample roster (samples/roster.json), which is not next to the app ({app.Environment.ContentRootPath}) nor in {Directory.GetCurrentDirectory()} or a folder above it.");

        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<RosterImporter>();
        var exit = await importer.ImportFileAsync(path, Console.Out, Console.Error, CancellationToken.None);
        if (exit != 0) throw new HostRefusalException($"The sample roster at {path} could not be loaded.");
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

using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FocusBot.AppPackage;

/// <summary>
/// Builds the Teams app package (the zip an administrator uploads to Teams) from manifest/manifest.json and its two
/// icons, with the manifest's <c>${{PLACEHOLDERS}}</c> (the Agents Toolkit's syntax) filled from settings. It refuses rather than produce a package
/// Teams would reject: a placeholder left unfilled or an icon of the wrong size.
/// </summary>
public sealed partial class AppPackageBuilder(string manifestDirectory)
{
    public const string ManifestFileName = "manifest.json";
    public const string DefaultPackageFileName = "focusbot.zip";

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        // The manifest goes into a file, not into HTML: keep apostrophes and accents readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly (string Property, int Size)[] Icons = [("color", 192), ("outline", 32)];

    public string ManifestDirectory { get; } = manifestDirectory;

    /// <summary>The manifest with every placeholder replaced by its setting's value, as JSON text.</summary>
    public string FillManifest(AppPackageSettings settings) => Serialize(FilledManifest(settings));

    /// <summary>
    /// Writes the package (manifest.json, the two icons and each language file its <c>localizationInfo</c> names, at the
    /// zip's root) to <paramref name="zipPath"/>.
    /// </summary>
    public void Build(AppPackageSettings settings, string zipPath)
    {
        var manifest = FilledManifest(settings);
        var icons = ReadIcons(manifest);

        var directory = Path.GetDirectoryName(Path.GetFullPath(zipPath))!;
        Directory.CreateDirectory(directory);
        // Written aside and moved into place, so a failed build never leaves half a package under the final name.
        var partial = Path.Combine(directory, $".{Path.GetFileName(zipPath)}.{Guid.NewGuid():N}.partial");
        try
        {
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                WriteEntry(zip, ManifestFileName, System.Text.Encoding.UTF8.GetBytes(Serialize(manifest)));
                foreach (var (name, bytes) in icons)
                    WriteEntry(zip, name, bytes);
                foreach (var (name, bytes) in LanguageFiles(manifest))
                    WriteEntry(zip, name, bytes);
            }
            File.Move(partial, zipPath, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>The files <c>localizationInfo.additionalLanguages</c> names (e.g. <c>fr-ca.json</c>), read from the manifest's folder.</summary>
    private IEnumerable<(string Name, byte[] Bytes)> LanguageFiles(JsonNode manifest)
    {
        foreach (var language in manifest["localizationInfo"]?["additionalLanguages"]?.AsArray() ?? [])
        {
            var file = (string?)language?["file"];
            var path = file is null ? null : Path.Combine(ManifestDirectory, Path.GetFileName(file));
            if (path is null || !File.Exists(path))
                throw new AppPackageRefusedException([$"{ManifestFileName} names the language file {file}, which is not in {ManifestDirectory}."]);
            yield return (Path.GetFileName(file!), File.ReadAllBytes(path));
        }
    }

    /// <summary>
    /// The folder holding manifest/manifest.json: <paramref name="startDirectory"/>'s own manifest/ folder or that of
    /// the nearest folder above it (the host runs from src/FocusBot, or from its bin folder).
    /// </summary>
    public static string FindManifestDirectory(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "manifest");
            if (File.Exists(Path.Combine(candidate, ManifestFileName)))
                return candidate;
            if (File.Exists(Path.Combine(dir.FullName, "FocusBot.sln")))
                break;
        }
        throw new AppPackageRefusedException(
            [$"No manifest/{ManifestFileName} found in {startDirectory} or any folder above it up to the repository root."]);
    }

    private JsonNode FilledManifest(AppPackageSettings settings)
    {
        var path = Path.Combine(ManifestDirectory, ManifestFileName);
        var manifest = JsonNode.Parse(File.ReadAllText(path))
            ?? throw new AppPackageRefusedException([$"{path} is empty."]);
        Fill(manifest, settings);

        var left = PlaceholderPattern().Matches(Serialize(manifest)).Select(m => m.Value).Distinct().ToList();
        if (left.Count > 0)
            throw new AppPackageRefusedException(
                [$"{ManifestFileName} still has {string.Join(", ", left)}: no setting fills it (see AppPackageSettings.Placeholders)."]);
        return manifest;
    }

    // Replaces placeholders inside string values, so that a value with quotes or backslashes stays valid JSON.
    private static void Fill(JsonNode node, AppPackageSettings settings)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                        obj[name] = Replace(text, settings);
                    else if (child is not null)
                        Fill(child, settings);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                        array[i] = Replace(text, settings);
                    else if (array[i] is { } child)
                        Fill(child, settings);
                }
                break;
        }
    }

    private static string Replace(string text, AppPackageSettings settings)
    {
        foreach (var placeholder in AppPackageSettings.Placeholders)
            text = text.Replace(placeholder.Placeholder, placeholder.ValueOf(settings), StringComparison.Ordinal);
        return text;
    }

    private List<(string Name, byte[] Bytes)> ReadIcons(JsonNode manifest)
    {
        var icons = new List<(string, byte[])>();
        var problems = new List<string>();
        foreach (var (property, size) in Icons)
        {
            var name = manifest["icons"]?[property]?.GetValue<string>();
            var path = name is null ? null : Path.Combine(ManifestDirectory, name);
            if (path is null || !File.Exists(path))
            {
                problems.Add($"The {property} icon ({name ?? "icons." + property + " is not set"}) is not in {ManifestDirectory}.");
                continue;
            }
            var bytes = File.ReadAllBytes(path);
            try
            {
                var header = PngHeader.Read(bytes);
                if (header.Width != size || header.Height != size)
                    problems.Add($"{name} is {header.Width}x{header.Height}; Teams wants {size}x{size}.");
                else if (property == "outline" && !header.HasAlphaChannel)
                    problems.Add($"{name} has no alpha channel; Teams wants a transparent outline icon.");
                else
                    icons.Add((name!, bytes));
            }
            catch (InvalidDataException)
            {
                problems.Add($"{name} is not a PNG file.");
            }
        }
        if (problems.Count > 0)
            throw new AppPackageRefusedException(problems);
        return icons;
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(bytes);
    }

    private static string Serialize(JsonNode manifest) => manifest.ToJsonString(ManifestJson);

    [GeneratedRegex(@"\$?\{\{[A-Za-z0-9_]+\}\}")]
    private static partial Regex PlaceholderPattern();
}

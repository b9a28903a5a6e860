using System.IO.Compression;
using FocusBot.AppPackage;

namespace FocusBot.Tests.AppPackage;

public sealed class AppPackageCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("focusbot-package-app-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    // The host's content root is src/FocusBot; the command walks up to the repository's manifest/ folder.
    private static string HostContentRoot =>
        Path.Combine(Path.GetDirectoryName(AppPackageBuilderTests.RepositoryManifestDirectory)!, "src", "FocusBot");

    [Fact]
    public void Writes_the_package_to_the_output_path_found_from_the_host_content_root()
    {
        var zipPath = Path.Combine(_temp, "out", "focusbot-test.zip");

        var exit = AppPackageCommand.Run(AppPackageBuilderTests.Configuration(AppPackageBuilderTests.ValidSettings()),
            HostContentRoot, ["--output", zipPath], _output, _error);

        Assert.Equal(0, exit);
        Assert.Equal("", _error.ToString());
        Assert.Contains(zipPath, _output.ToString());
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(4, zip.Entries.Count); // manifest.json, two icons, fr-ca.json
    }

    [Fact]
    public void An_output_folder_gets_focusbot_zip()
    {
        var exit = AppPackageCommand.Run(AppPackageBuilderTests.Configuration(AppPackageBuilderTests.ValidSettings()),
            HostContentRoot, _temp, _output, _error);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(_temp, "focusbot.zip")));
    }

    [Fact]
    public void Missing_settings_exit_1_and_are_named_on_the_error_output()
    {
        var settings = AppPackageBuilderTests.ValidSettings();
        settings.Remove("Teams:AppId");
        settings.Remove("Teams:TermsOfUseUrl");
        var zipPath = Path.Combine(_temp, "focusbot.zip");

        var exit = AppPackageCommand.Run(AppPackageBuilderTests.Configuration(settings), HostContentRoot, zipPath, _output, _error);

        Assert.Equal(1, exit);
        Assert.Contains("Missing settings: Teams:AppId, Teams:TermsOfUseUrl.", _error.ToString());
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public void An_unknown_argument_exits_2_with_the_usage()
    {
        var exit = AppPackageCommand.Run(AppPackageBuilderTests.Configuration([]), HostContentRoot, ["--ouput", "x.zip"], _output, _error);

        Assert.Equal(2, exit);
        Assert.Contains("package-app [--output PATH]", _error.ToString());
    }

    [Fact]
    public void No_manifest_above_the_content_root_is_refused()
    {
        File.WriteAllText(Path.Combine(_temp, "FocusBot.sln"), "");
        var contentRoot = Directory.CreateDirectory(Path.Combine(_temp, "src", "FocusBot")).FullName;

        var exit = AppPackageCommand.Run(AppPackageBuilderTests.Configuration(AppPackageBuilderTests.ValidSettings()),
            contentRoot, Path.Combine(_temp, "focusbot.zip"), _output, _error);

        Assert.Equal(1, exit);
        Assert.Contains("No manifest/manifest.json found", _error.ToString());
    }
}

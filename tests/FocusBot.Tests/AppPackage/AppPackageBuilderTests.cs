using System.IO.Compression;
using System.Text.Json;
using FocusBot.AppPackage;
using Microsoft.Extensions.Configuration;

namespace FocusBot.Tests.AppPackage;

public sealed class AppPackageBuilderTests : IDisposable
{
    private const string TeamsAppId = "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private const string BotId = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";

    private readonly string _temp = Directory.CreateTempSubdirectory("focusbot-app-package-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    internal static Dictionary<string, string?> ValidSettings() => new()
    {
        ["Teams:AppId"] = TeamsAppId,
        ["MicrosoftAppId"] = BotId,
        ["Teams:BotDomain"] = "focusbot.city.example",
        ["Teams:DeveloperName"] = "FOCUS Toronto",
        ["Teams:WebsiteUrl"] = "https://focus.city.example",
        ["Teams:PrivacyUrl"] = "https://focus.city.example/privacy",
        ["Teams:TermsOfUseUrl"] = "https://focus.city.example/terms",
    };

    internal static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    internal static string RepositoryManifestDirectory => AppPackageBuilder.FindManifestDirectory(AppContext.BaseDirectory);

    [Fact]
    public void Package_has_the_manifest_and_both_icons_at_its_root_with_every_setting_filled_in()
    {
        var zipPath = Path.Combine(_temp, "focusbot.zip");
        var builder = new AppPackageBuilder(RepositoryManifestDirectory);

        builder.Build(AppPackageSettings.Read(Configuration(ValidSettings())), zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "fr-ca.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.Equal(TeamsAppId, root.GetProperty("id").GetString());
        Assert.Equal(BotId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal(["focusbot.city.example"], root.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        var developer = root.GetProperty("developer");
        Assert.Equal("FOCUS Toronto", developer.GetProperty("name").GetString());
        Assert.Equal("https://focus.city.example", developer.GetProperty("websiteUrl").GetString());
        Assert.Equal("https://focus.city.example/privacy", developer.GetProperty("privacyUrl").GetString());
        Assert.Equal("https://focus.city.example/terms", developer.GetProperty("termsOfUseUrl").GetString());
        Assert.DoesNotContain("{{", root.GetRawText());
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryManifestDirectory, "color.png")), ReadAll(zip.GetEntry("color.png")!));
    }

    [Fact]
    public void A_developer_name_with_quotes_stays_valid_json()
    {
        var settings = ValidSettings();
        settings["Teams:DeveloperName"] = "\"FOCUS\" Toronto \\ North";

        var json = new AppPackageBuilder(RepositoryManifestDirectory).FillManifest(AppPackageSettings.Read(Configuration(settings)));

        using var manifest = JsonDocument.Parse(json);
        Assert.Equal("\"FOCUS\" Toronto \\ North", manifest.RootElement.GetProperty("developer").GetProperty("name").GetString());
    }

    [Fact]
    public void Refuses_and_names_every_missing_setting()
    {
        var settings = ValidSettings();
        settings.Remove("MicrosoftAppId");
        settings.Remove("Teams:PrivacyUrl");
        settings["Teams:BotDomain"] = "  ";

        var refused = Assert.Throws<AppPackageRefusedException>(() => AppPackageSettings.Read(Configuration(settings)));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("Missing settings: MicrosoftAppId, Teams:BotDomain, Teams:PrivacyUrl.", problem);
    }

    [Fact]
    public void Refuses_when_no_setting_is_there_naming_all_seven_required()
    {
        var refused = Assert.Throws<AppPackageRefusedException>(() => AppPackageSettings.Read(Configuration([])));

        foreach (var key in AppPackageSettings.Placeholders.Where(p => p.Default is null).Select(p => p.SettingKey))
            Assert.Contains(key, refused.Problems[0]);
        Assert.Equal(7, AppPackageSettings.Placeholders.Count(p => p.Default is null));
        // Teams:TabAppId defaults to MicrosoftAppId, whose absence is the one named.
        Assert.DoesNotContain("Teams:TabAppId", refused.Problems[0]);
    }

    [Fact]
    public void The_tabs_sign_on_app_is_the_bots_own_app_registration_by_default()
    {
        var root = JsonDocument.Parse(new AppPackageBuilder(RepositoryManifestDirectory).FillManifest(AppPackageSettings.Read(Configuration(ValidSettings())))).RootElement;

        var sso = root.GetProperty("webApplicationInfo");
        Assert.Equal(BotId, sso.GetProperty("id").GetString());
        Assert.Equal($"api://focusbot.city.example/{BotId}", sso.GetProperty("resource").GetString());
    }

    [Fact]
    public void Teams_TabAppId_fills_webApplicationInfo_and_leaves_the_bots_id_alone()
    {
        const string tabAppId = "7d3e9a41-2c6b-4f0e-9b8a-5e1f2d3c4b5a";
        var settings = ValidSettings();
        settings["MicrosoftAppType"] = "UserAssignedMSI";
        settings["Teams:TabAppId"] = tabAppId;

        var root = JsonDocument.Parse(new AppPackageBuilder(RepositoryManifestDirectory).FillManifest(AppPackageSettings.Read(Configuration(settings)))).RootElement;

        var sso = root.GetProperty("webApplicationInfo");
        Assert.Equal(tabAppId, sso.GetProperty("id").GetString());
        Assert.Equal($"api://focusbot.city.example/{tabAppId}", sso.GetProperty("resource").GetString());
        Assert.Equal(BotId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
    }

    [Fact]
    public void A_bot_that_is_a_managed_identity_needs_Teams_TabAppId_and_is_told_why()
    {
        var settings = ValidSettings();
        settings["MicrosoftAppType"] = "UserAssignedMSI";

        var refused = Assert.Throws<AppPackageRefusedException>(() => AppPackageSettings.Read(Configuration(settings)));

        var problem = Assert.Single(refused.Problems);
        Assert.StartsWith("Teams:TabAppId is required", problem);
        Assert.Contains("managed identity", problem);
        Assert.Contains("cannot expose an API", problem);
    }

    [Fact]
    public void An_invalid_Teams_TabAppId_is_refused()
    {
        var settings = ValidSettings();
        settings["Teams:TabAppId"] = "api://focusbot";

        var refused = Assert.Throws<AppPackageRefusedException>(() => AppPackageSettings.Read(Configuration(settings)));

        Assert.StartsWith("Teams:TabAppId 'api://focusbot' is not a GUID", Assert.Single(refused.Problems));
    }

    [Theory]
    [InlineData("MicrosoftAppId", "not-a-guid", "is not a GUID")]
    [InlineData("Teams:AppId", "6f1c2b3a4d5e4f608a7b9c0d1e2f3a4b", "is not a GUID")]
    [InlineData("Teams:WebsiteUrl", "http://focus.city.example", "is not an absolute https:// URL")]
    [InlineData("Teams:PrivacyUrl", "focus.city.example/privacy", "is not an absolute https:// URL")]
    [InlineData("Teams:BotDomain", "https://focusbot.city.example", "is not a host name")]
    [InlineData("Teams:BotDomain", "focusbot.city.example:443", "is not a host name")]
    [InlineData("Teams:DeveloperName", "FOCUS Toronto situation tables and partners", "is longer than 32 characters")]
    public void Refuses_an_invalid_setting_and_says_which(string key, string value, string reason)
    {
        var settings = ValidSettings();
        settings[key] = value;

        var refused = Assert.Throws<AppPackageRefusedException>(() => AppPackageSettings.Read(Configuration(settings)));

        var problem = Assert.Single(refused.Problems);
        Assert.StartsWith($"{key} '{value}' {reason}", problem);
    }

    [Fact]
    public void Refuses_a_manifest_with_a_placeholder_that_no_setting_fills()
    {
        var manifestDirectory = CopyOfRepositoryManifest();
        var path = Path.Combine(manifestDirectory, "manifest.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"1.1.0\"", "\"{{APP_VERSION}}\""));
        var zipPath = Path.Combine(_temp, "focusbot.zip");

        var refused = Assert.Throws<AppPackageRefusedException>(() =>
            new AppPackageBuilder(manifestDirectory).Build(AppPackageSettings.Read(Configuration(ValidSettings())), zipPath));

        Assert.Contains("{{APP_VERSION}}", Assert.Single(refused.Problems));
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public void Refuses_an_icon_of_the_wrong_size()
    {
        var manifestDirectory = CopyOfRepositoryManifest();
        File.Copy(Path.Combine(manifestDirectory, "outline.png"), Path.Combine(manifestDirectory, "color.png"), overwrite: true);

        var refused = Assert.Throws<AppPackageRefusedException>(() =>
            new AppPackageBuilder(manifestDirectory).Build(AppPackageSettings.Read(Configuration(ValidSettings())), Path.Combine(_temp, "x.zip")));

        Assert.Equal("color.png is 32x32; Teams wants 192x192.", Assert.Single(refused.Problems));
    }

    [Fact]
    public void Icons_are_192_and_32_pixels_square_and_the_outline_is_transparent()
    {
        var color = PngHeader.Read(File.ReadAllBytes(Path.Combine(RepositoryManifestDirectory, "color.png")));
        var outline = PngHeader.Read(File.ReadAllBytes(Path.Combine(RepositoryManifestDirectory, "outline.png")));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.True(outline.HasAlphaChannel, $"outline.png has colour type {outline.ColorType}, without alpha");
    }

    private string CopyOfRepositoryManifest()
    {
        var copy = Directory.CreateDirectory(Path.Combine(_temp, "manifest")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryManifestDirectory))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}

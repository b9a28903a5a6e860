using System.Text.Json;
using FocusBot.Teams.Commands;

namespace FocusBot.Tests.AppPackage;

/// <summary>The manifest's command lists are what Teams suggests as people type: they must be the bot's commands.</summary>
public sealed class ManifestCommandListTests
{
    // Teams' own limits for a bot's command list, stricter than the manifest schema's.
    private const int MaxCommandsPerList = 10;
    private const int MaxTitleLength = 32;
    private const int MaxDescriptionLength = 128;

    private static JsonElement Manifest()
    {
        var path = Path.Combine(AppPackageBuilderTests.RepositoryManifestDirectory, "manifest.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    private static List<(string Title, string Description)> CommandsFor(string scope) =>
        Manifest().GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray()
            .Single(list => list.GetProperty("scopes").EnumerateArray().Any(s => s.GetString() == scope))
            .GetProperty("commands").EnumerateArray()
            .Select(c => (c.GetProperty("title").GetString()!, c.GetProperty("description").GetString()!))
            .ToList();

    [Fact]
    public void Personal_command_list_is_the_catalogue_commands_offered_in_personal_chat()
    {
        var expected = CommandCatalog.All.Where(c => c.InPersonalChat).Select(c => (c.Title, c.Description)).ToList();

        Assert.Equal(expected, CommandsFor("personal"));
    }

    [Theory]
    [InlineData("team")]
    [InlineData("groupChat")]
    public void Team_and_group_chat_command_list_is_the_catalogue_commands_offered_in_a_channel(string scope)
    {
        var expected = CommandCatalog.All.Where(c => c.InChannel).Select(c => (c.Title, c.Description)).ToList();

        Assert.Equal(expected, CommandsFor(scope));
    }

    [Fact]
    public void French_manifest_lists_the_catalogue_commands_in_French()
    {
        var path = Path.Combine(AppPackageBuilderTests.RepositoryManifestDirectory, "fr-ca.json");
        using var french = JsonDocument.Parse(File.ReadAllText(path));
        var lists = Manifest().GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray().ToList();
        using var _ = FocusBot.Teams.Localization.BotLanguage.Scope(FocusBot.Teams.Localization.BotLanguage.Choose("fr-CA"));

        Assert.Equal("fr-ca.json", Manifest().GetProperty("localizationInfo").GetProperty("additionalLanguages")[0].GetProperty("file").GetString());
        for (var i = 0; i < lists.Count; i++)
        {
            var inPersonal = lists[i].GetProperty("scopes").EnumerateArray().Any(s => s.GetString() == "personal");
            var expected = CommandCatalog.All.Where(c => inPersonal ? c.InPersonalChat : c.InChannel).ToList();
            for (var j = 0; j < expected.Count; j++)
            {
                Assert.Equal(expected[j].Title, french.RootElement.GetProperty($"bots[0].commandLists[{i}].commands[{j}].title").GetString());
                Assert.Equal(expected[j].Description, french.RootElement.GetProperty($"bots[0].commandLists[{i}].commands[{j}].description").GetString());
            }
        }
        Assert.True(french.RootElement.GetProperty("description.short").GetString()!.Length <= 80);
    }

    [Fact]
    public void Bot_is_offered_in_every_scope_its_command_lists_name_and_has_one_list_per_scope()
    {
        var bot = Manifest().GetProperty("bots")[0];
        var scopes = bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Order();
        var listScopes = bot.GetProperty("commandLists").EnumerateArray()
            .SelectMany(l => l.GetProperty("scopes").EnumerateArray().Select(s => s.GetString())).ToList();

        Assert.Equal(["groupChat", "personal", "team"], scopes);
        Assert.Equal(listScopes.Distinct().Count(), listScopes.Count);
        Assert.False(bot.GetProperty("supportsFiles").GetBoolean());
    }

    [Fact]
    public void Catalogue_fits_the_limits_Teams_puts_on_command_lists()
    {
        Assert.InRange(CommandCatalog.All.Count(c => c.InPersonalChat), 1, MaxCommandsPerList);
        Assert.InRange(CommandCatalog.All.Count(c => c.InChannel), 1, MaxCommandsPerList);
        Assert.All(CommandCatalog.All, c =>
        {
            Assert.InRange(c.Title.Length, 1, MaxTitleLength);
            Assert.InRange(c.Description.Length, 1, MaxDescriptionLength);
        });
    }

    [Fact]
    public void Descriptions_fit_the_schema()
    {
        var description = Manifest().GetProperty("description");

        Assert.InRange(description.GetProperty("short").GetString()!.Length, 1, 80);
        Assert.InRange(description.GetProperty("full").GetString()!.Length, 1, 4000);
    }
}

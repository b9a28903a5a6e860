using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Tests.Cards;

public sealed class CardDumpTests
{
    /// <summary>Set by the Node suite, which validates the written cards with the official adaptivecards library.</summary>
    public const string DumpFolderVariable = "FOCUSBOT_CARD_DUMP";

    [Fact]
    public void Every_card_is_written_for_the_adaptivecards_checker_in_both_languages()
    {
        var folder = Environment.GetEnvironmentVariable(DumpFolderVariable);
        if (!string.IsNullOrWhiteSpace(folder)) Directory.CreateDirectory(folder);

        foreach (var language in BotLanguage.Supported)
        {
            using var _ = BotLanguage.Scope(BotLanguage.Choose(language));
            foreach (var (name, build) in CardSamples.All)
            {
                var parsed = JsonNode.Parse(build().ToString())!.AsObject();
                Assert.Equal("1.5", (string?)parsed["version"]);

                if (!string.IsNullOrWhiteSpace(folder))
                {
                    File.WriteAllText(Path.Combine(folder, $"{name}.{language}.json"), parsed.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                }
            }
        }

        Assert.Contains("situation-channel", CardSamples.All.Keys);
        Assert.Contains("new-situation-form", CardSamples.All.Keys);
        Assert.Contains("assignment-confirmation-lead", CardSamples.All.Keys);
        Assert.Contains("notice-error", CardSamples.All.Keys);
        Assert.Contains("recorded", CardSamples.All.Keys);
    }
}

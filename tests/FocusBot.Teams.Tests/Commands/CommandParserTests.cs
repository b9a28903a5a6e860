using FocusBot.Teams.Commands;

namespace FocusBot.Teams.Tests.Commands;

public class CommandParserTests
{
    [Theory]
    [InlineData("help", BotCommandKind.Help, null)]
    [InlineData("Open Situations", BotCommandKind.OpenSituations, null)]
    [InlineData("open", BotCommandKind.OpenSituations, null)]
    [InlineData("what's open?", BotCommandKind.OpenSituations, null)]
    [InlineData("What’s open", BotCommandKind.OpenSituations, null)]
    [InlineData("my situations", BotCommandKind.MySituations, null)]
    [InlineData("situation rx-2026-0142", BotCommandKind.ShowSituation, "RX-2026-0142")]
    [InlineData("RX-2026-0142", BotCommandKind.ShowSituation, "RX-2026-0142")]
    [InlineData("update  RX-2026-0142", BotCommandKind.PostUpdate, "RX-2026-0142")]
    [InlineData("update", BotCommandKind.PostUpdate, null)]
    [InlineData("new situation", BotCommandKind.NewSituation, null)]
    [InlineData("agenda", BotCommandKind.Agenda, null)]
    [InlineData("next meeting", BotCommandKind.Agenda, null)]
    [InlineData("stats", BotCommandKind.Stats, null)]
    [InlineData("link rexdale", BotCommandKind.LinkChannel, "rexdale")]
    [InlineData("link Downtown East", BotCommandKind.LinkChannel, "downtown east")]
    [InlineData("situation", BotCommandKind.Unknown, null)]
    [InlineData("link", BotCommandKind.Unknown, null)]
    [InlineData("situation '; DROP TABLE situations; --", BotCommandKind.Unknown, null)]
    [InlineData("please delete everything", BotCommandKind.Unknown, null)]
    [InlineData("", BotCommandKind.Unknown, null)]
    [InlineData(null, BotCommandKind.Unknown, null)]
    public void Reads_what_members_type(string? text, BotCommandKind kind, string? argument)
    {
        Assert.Equal(new BotCommand(kind, argument), CommandParser.Parse(text));
    }

    [Theory]
    [InlineData("aide", BotCommandKind.Help, null)]
    [InlineData("Situations ouvertes", BotCommandKind.OpenSituations, null)]
    [InlineData("mes situations", BotCommandKind.MySituations, null)]
    [InlineData("situation dm-2026-0001", BotCommandKind.ShowSituation, "DM-2026-0001")]
    [InlineData("mise à jour DM-2026-0001", BotCommandKind.PostUpdate, "DM-2026-0001")]
    [InlineData("mise a jour DM-2026-0001", BotCommandKind.PostUpdate, "DM-2026-0001")]
    [InlineData("MISE À JOUR", BotCommandKind.PostUpdate, null)]
    [InlineData("nouvelle situation", BotCommandKind.NewSituation, null)]
    [InlineData("ordre du jour", BotCommandKind.Agenda, null)]
    [InlineData("prochaine réunion", BotCommandKind.Agenda, null)]
    [InlineData("statistiques", BotCommandKind.Stats, null)]
    [InlineData("statistiques demo", BotCommandKind.Stats, "demo")]
    [InlineData("lier demo", BotCommandKind.LinkChannel, "demo")]
    [InlineData("lier Côte-des-Neiges", BotCommandKind.LinkChannel, "côte-des-neiges")]
    [InlineData("langue english", BotCommandKind.Language, "en-CA")]
    [InlineData("language français", BotCommandKind.Language, "fr-CA")]
    [InlineData("langue francais", BotCommandKind.Language, "fr-CA")]
    [InlineData("Language French", BotCommandKind.Language, "fr-CA")]
    [InlineData("langue", BotCommandKind.Language, null)]
    [InlineData("langue klingon", BotCommandKind.Language, "")]
    public void Reads_what_members_type_in_French(string text, BotCommandKind kind, string? argument)
    {
        Assert.Equal(new BotCommand(kind, argument), CommandParser.Parse(text));
    }

    [Theory]
    [InlineData("situation DM\u20112026\u20110010", BotCommandKind.ShowSituation, "DM-2026-0010")]
    [InlineData("situation DM\u20102026\u20120010", BotCommandKind.ShowSituation, "DM-2026-0010")]
    [InlineData("update DM\u20132026\u20140010", BotCommandKind.PostUpdate, "DM-2026-0010")]
    [InlineData("DM\u22122026\u20150010", BotCommandKind.ShowSituation, "DM-2026-0010")]
    [InlineData("\u200fopen situations", BotCommandKind.OpenSituations, null)]
    [InlineData("open\u200b situations\u200e", BotCommandKind.OpenSituations, null)]
    [InlineData("\ufeffhelp", BotCommandKind.Help, null)]
    [InlineData("\uff4f\uff50\uff45\uff4e situations", BotCommandKind.OpenSituations, null)]
    [InlineData("\uff48\uff45\uff4c\uff50", BotCommandKind.Help, null)]
    [InlineData("my\u00a0situations", BotCommandKind.MySituations, null)]
    [InlineData("situation \uff24\uff2d-2026-0010", BotCommandKind.ShowSituation, "DM-2026-0010")]
    public void Reads_text_as_phones_and_other_keyboards_send_it(string text, BotCommandKind kind, string? argument) =>
        Assert.Equal(new BotCommand(kind, argument), CommandParser.Parse(text));

    [Fact]
    public void A_lone_surrogate_is_dropped_not_thrown() =>
        Assert.Equal(BotCommandKind.Help, CommandParser.Parse("help " + '\ud800').Kind);

    [Fact]
    public void A_long_text_is_not_a_command() =>
        Assert.Equal(BotCommandKind.Unknown, CommandParser.Parse("help " + new string(' ', 300) + "x").Kind);

    [Theory]
    [InlineData("en-CA")]
    [InlineData("fr-CA")]
    public void Every_catalogued_command_parses_to_its_own_kind(string language)
    {
        using var _ = FocusBot.Teams.Localization.BotLanguage.Scope(FocusBot.Teams.Localization.BotLanguage.Choose(language));
        foreach (var command in CommandCatalog.All)
        {
            var typed = command.Kind switch
            {
                BotCommandKind.ShowSituation or BotCommandKind.PostUpdate => command.Title + " RX-2026-0001",
                BotCommandKind.LinkChannel => command.Title + " rexdale",
                _ => command.Title,
            };
            Assert.Equal(command.Kind, CommandParser.Parse(typed).Kind);
        }
    }
}

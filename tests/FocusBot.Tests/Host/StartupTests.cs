using FocusBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace FocusBot.Tests.Host;

public class StartupTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3978", 0)]
    [InlineData("http://localhost:3978;http://[::1]:3978", 0)]
    [InlineData("http://0.0.0.0:3978", 1)]
    [InlineData("http://*:3978", 1)]
    [InlineData("http://+:80;http://127.0.0.1:3978", 1)]
    [InlineData("http://bot.example.org:80", 1)]
    public void Only_loopback_addresses_are_allowed_without_authentication(string urls, int exposed) =>
        Assert.Equal(exposed, LoopbackGuard.NonLoopbackUrls(urls).Count);

    [Fact]
    public void Our_verbs_are_taken_from_the_command_line_and_the_rest_left_for_ASP_NET()
    {
        Assert.Equal(new HostCommand(HostVerb.ImportRoster, "r.json", []).Path, HostCommand.Parse(["import-roster", "r.json"]).Path);
        Assert.Equal(HostVerb.Demo, HostCommand.Parse(["--demo", "--urls", "http://127.0.0.1:4000"]).Verb);
        Assert.Equal(["--urls", "http://127.0.0.1:4000"], HostCommand.Parse(["--demo", "--urls", "http://127.0.0.1:4000"]).RemainingArgs);
        Assert.Equal("out.zip", HostCommand.Parse(["package-app", "--output", "out.zip"]).Path);
        Assert.Equal(HostVerb.Run, HostCommand.Parse([]).Verb);
        Assert.Null(HostCommand.Parse(["--urls", "http://127.0.0.1:4000", "--Database:Provider", "Postgres", "--Teams:AppId=x"]).Problem);
        Assert.Equal(HostVerb.Help, HostCommand.Parse(["--demo", "--help"]).Verb);
        Assert.NotNull(HostCommand.Parse(["serve"]).Problem);
        Assert.NotNull(HostCommand.Parse(["import-roster"]).Problem);
    }

    [Fact]
    public void Bot_Frameworks_endpoint_settings_are_all_or_nothing()
    {
        static IConfiguration Settings(params string[] keys) => new ConfigurationBuilder()
            .AddInMemoryCollection(keys.Select(k => KeyValuePair.Create(k, (string?)"https://example.invalid/"))).Build();

        Assert.Empty(StartupChecks.MissingBotEndpointSettings(Settings()));
        Assert.Empty(StartupChecks.MissingBotEndpointSettings(Settings(StartupChecks.BotEndpointSettings)));
        Assert.Equal(["ToBotFromChannelTokenIssuer", "ToChannelFromBotLoginUrl", "ToChannelFromBotOAuthScope", "OAuthUrl"],
            StartupChecks.MissingBotEndpointSettings(Settings("ToBotFromChannelOpenIdMetadataUrl")));
    }
}

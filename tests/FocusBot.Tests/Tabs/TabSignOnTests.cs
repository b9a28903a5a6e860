using FocusBot.Tabs;
using Microsoft.Extensions.Configuration;

namespace FocusBot.Tests.Tabs;

/// <summary>
/// Which Entra app the tabs sign on to (the manifest's <c>webApplicationInfo</c>, the token's audience): the bot's own
/// app registration, or <c>Teams:TabAppId</c>, which a bot whose identity is a managed identity (the Azure deployment)
/// needs, since a managed identity cannot expose an API.
/// </summary>
public sealed class TabSignOnTests
{
    private const string BotId = "5b0c8f0e-3d43-4a1b-8f4f-2b6a1f7c9e22";
    private const string TabAppId = "7d3e9a41-2c6b-4f0e-9b8a-5e1f2d3c4b5a";

    [Fact]
    public void A_bot_with_its_own_app_registration_signs_the_tabs_on_to_it()
    {
        var configuration = Settings();

        Assert.True(TabSignOn.IsEnabled(configuration));
        Assert.Equal(BotId, TabSignOn.AppId(configuration));
        Assert.Equal($"api://focusbot.test/{BotId}", TabSignOn.Audience(configuration));
    }

    [Fact]
    public void Teams_TabAppId_is_the_tabs_app_whatever_the_bots_identity()
    {
        var configuration = Settings(("Teams:TabAppId", TabAppId));

        Assert.Equal(TabAppId, TabSignOn.AppId(configuration));
        Assert.Equal($"api://focusbot.test/{TabAppId}", TabSignOn.Audience(configuration));
    }

    [Fact]
    public void A_managed_identity_bot_without_Teams_TabAppId_has_no_tab_sign_on()
    {
        var configuration = Settings(("MicrosoftAppType", "UserAssignedMSI"));

        Assert.Null(TabSignOn.AppId(configuration));
        Assert.False(TabSignOn.IsEnabled(configuration));
        Assert.Null(TabSignOn.Audience(configuration));
    }

    [Fact]
    public void A_managed_identity_bot_with_Teams_TabAppId_signs_the_tabs_on_to_that_app()
    {
        var configuration = Settings(("MicrosoftAppType", "UserAssignedMSI"), ("Teams:TabAppId", TabAppId));

        Assert.True(TabSignOn.IsEnabled(configuration));
        Assert.Equal($"api://focusbot.test/{TabAppId}", TabSignOn.Audience(configuration));
    }

    private static IConfiguration Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = BotId, ["MicrosoftAppTenantId"] = "4c1d2b5a-0000-4000-8000-00000000f0c5", ["Teams:BotDomain"] = "focusbot.test",
        };
        foreach (var (key, value) in more) settings[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}

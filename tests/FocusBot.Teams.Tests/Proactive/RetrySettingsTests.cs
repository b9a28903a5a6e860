using FocusBot.Teams.Proactive;
using FocusBot.Teams.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FocusBot.Teams.Tests.Proactive;

public sealed class RetrySettingsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddConnectorResilience(configuration).AddProactiveMessaging(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Without_settings_the_policy_follows_Microsofts_guidance_defaults()
    {
        using var services = Services([]);

        var retry = services.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value;
        var pacing = services.GetRequiredService<IOptions<PacingOptions>>().Value;

        Assert.Equal((5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), (retry.MaxAttempts, retry.BaseDelay, retry.MaxDelay));
        Assert.Equal((7, 47), (pacing.PerConversationPerSecond, pacing.PerAppPerSecond));
    }

    [Theory]
    [InlineData("Teams:Retry:MaxAttempts", "0")]
    [InlineData("Teams:Retry:MaxDelay", "00:00:00.5")]
    [InlineData("Teams:Pacing:PerConversationPerSecond", "0")]
    public void Settings_that_would_disable_the_policy_are_refused(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value;
            _ = services.GetRequiredService<IOptions<PacingOptions>>().Value;
        });
    }
}

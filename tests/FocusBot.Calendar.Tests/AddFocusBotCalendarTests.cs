using FocusBot.Core.Meetings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FocusBot.Calendar.Tests;

public sealed class AddFocusBotCalendarTests
{
    [Fact]
    public void Without_graph_settings_meetings_come_from_the_roster_schedule()
    {
        using var services = Build([]);

        Assert.IsType<RosterScheduleCalendar>(services.GetRequiredService<IMeetingCalendar>());
        Assert.Null(services.GetService<IMeetingSeriesProvisioner>());
    }

    [Fact]
    public void With_a_graph_client_id_meetings_come_from_graph_with_the_schedule_as_fallback()
    {
        using var services = Build(new()
        {
            ["Graph:TenantId"] = "tenant",
            ["Graph:ClientId"] = "client",
            ["Graph:ClientSecret"] = "secret",
        });

        Assert.IsType<FallbackMeetingCalendar>(services.GetRequiredService<IMeetingCalendar>());
        Assert.IsType<GraphMeetingSeriesProvisioner>(services.GetRequiredService<IMeetingSeriesProvisioner>());
        var options = services.GetRequiredService<IOptions<GraphOptions>>().Value;
        Assert.Equal("https://graph.microsoft.com/v1.0", options.BaseUrl);
        Assert.Equal(3, options.MaxRetries);
    }

    [Fact]
    public void Graph_settings_that_cannot_sign_in_are_rejected_naming_each_setting()
    {
        using var services = Build(new()
        {
            ["Graph:ClientId"] = "client",
            ["Graph:ClientSecret"] = "secret",
            ["Graph:UseManagedIdentity"] = "false",
            ["Graph:CertificatePath"] = "/nowhere/app.pfx",
            ["Graph:BaseUrl"] = "http://graph.example.org/v1.0",
            ["Graph:MaxRetries"] = "11",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GraphOptions>>().Value);

        Assert.Equal(
            [
                "Set exactly one of Graph:ClientSecret, Graph:CertificatePath or Graph:UseManagedIdentity=true.",
                "Graph:TenantId is required with a client secret or certificate.",
                "Graph:CertificatePath '/nowhere/app.pfx' does not exist.",
                "Graph:BaseUrl must be an absolute https URL (http only for a loopback stand-in).",
                "Graph:MaxRetries must be between 0 and 10.",
            ],
            failure.Failures);
    }

    [Fact]
    public void Managed_identity_needs_neither_tenant_nor_client_id()
    {
        using var services = Build(new() { ["Graph:UseManagedIdentity"] = "true" });

        Assert.IsType<FallbackMeetingCalendar>(services.GetRequiredService<IMeetingCalendar>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddFocusBotCalendar(configuration).BuildServiceProvider();
    }
}

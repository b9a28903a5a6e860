using FocusBot.Data;
using FocusBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace FocusBot.Tests.Host;

/// <summary>The real host (Program.cs) on a test server, with a fresh database of the given provider.</summary>
public sealed class FocusBotApp(TestDatabase database, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    public static async Task<FocusBotApp> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite,
        IDictionary<string, string?>? settings = null)
    {
        var app = new FocusBotApp(await TestDatabase.CreateAsync(provider), settings);
        app.CreateClient().Dispose();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Also as host settings: Program reads some (Reminders:Enabled) while it registers services, before the app
        // configuration below applies.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection([.. database.Settings(), .. settings ?? new Dictionary<string, string?>()]));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}

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
        builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection([.. database.Settings(), .. settings ?? new Dictionary<string, string?>()]));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}

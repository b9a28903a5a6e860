using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocusBot.Data;
using FocusBot.Tabs;
using FocusBot.Testing;
using FocusBot.Tests.Host;
using FocusBot.Tests.Situations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Tests.Tabs;

/// <summary>
/// <c>X-FocusBot-Dev-User</c> (DESIGN.md, "Tabs"): honoured only from loopback on a host whose authentication is all
/// off (which then listens on loopback only), and never otherwise.
/// </summary>
public sealed class TabDevelopmentUserTests
{
    [Fact]
    public async Task A_loopback_request_on_a_host_with_authentication_off_is_the_member_it_names()
    {
        await using var host = await HostAsync();

        var response = await host.MeAsync(SituationsHost.CoChair, "127.0.0.1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(SituationsHost.CoChair, (string)me["email"]!);
        Assert.Equal("cochair", (string)me["role"]!);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.20")]
    [InlineData("2001:db8::7")]
    public async Task A_request_from_another_machine_naming_a_user_is_401(string remote)
    {
        await using var host = await HostAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.MeAsync(SituationsHost.Admin, remote)).StatusCode);
    }

    [Fact]
    public async Task A_loopback_request_naming_nobody_is_401_and_one_naming_a_stranger_403()
    {
        await using var host = await HostAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.MeAsync(null, "127.0.0.1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.MeAsync("visitor@elsewhere.example", "127.0.0.1")).StatusCode);
    }

    [Theory]
    [InlineData("Backend:Authority", "https://login.test/tenant/v2.0", "Backend:Audience", "api://focusbot")]
    [InlineData("MicrosoftAppId", "5b0c8f0e-3d43-4a1b-8f4f-2b6a1f7c9e22", "MicrosoftAppPassword", "not-used")]
    public async Task With_any_authentication_on_the_header_counts_for_nothing_even_from_loopback(string key1, string value1, string key2, string value2)
    {
        await using var host = await HostAsync(new Dictionary<string, string?> { [key1] = value1, [key2] = value2 });

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.MeAsync(SituationsHost.Admin, "127.0.0.1")).StatusCode);
    }

    private static async Task<DevHost> HostAsync(Dictionary<string, string?>? settings = null)
    {
        var app = new FocusBotApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        var factory = app.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
            builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new LoopbackRequests()));
        });
        var client = factory.CreateClient();
        // The roster through the database's own store, whatever the API's authentication.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<FocusBot.Roster.RosterImporter>();
            Assert.Equal(0, await importer.ImportFileAsync(SampleRoster.Path, TextWriter.Null, TextWriter.Null, CancellationToken.None));
        }
        return new DevHost(app, factory, client);
    }

    private sealed record DevHost(FocusBotApp App, WebApplicationFactory<Program> Factory, HttpClient Client) : IAsyncDisposable
    {
        public Task<HttpResponseMessage> MeAsync(string? user, string remote)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/tabs/api/me");
            if (user is not null) request.Headers.Add(TabCaller.DevUserHeader, user);
            request.Headers.Add(LoopbackRequests.Header, remote);
            return Client.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Factory.DisposeAsync();
            await App.DisposeAsync();
        }
    }
}

using Microsoft.Extensions.FileProviders;

namespace FocusBot.Tabs;

/// <summary>
/// The tabs' pages: <c>/tabs/dashboard</c>, <c>/tabs/my-situations</c> and <c>/tabs/config</c> (the configurable tab's
/// set-up), with their bundled scripts and styles under <c>/tabs/assets/</c>, all from the <c>tabs</c> folder next to the
/// app (built from <c>src/FocusBot/Tabs/web</c> by the project's build; nothing comes from a CDN). Without that folder
/// the pages answer 503 saying how to build them.
/// </summary>
public static class TabPages
{
    /// <summary>The pages, each served at <c>/tabs/&lt;name&gt;</c> from <c>tabs/&lt;name&gt;.html</c>.</summary>
    public static readonly IReadOnlyList<string> Pages = ["dashboard", "my-situations", "config"];

    /// <summary>Maps the pages, their assets and the tab API (<see cref="TabApiEndpoints"/>).</summary>
    public static WebApplication MapTabs(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "tabs");
        var assets = Path.Combine(folder, "assets");
        if (Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets), RequestPath = "/tabs/assets" });
        }
        foreach (var page in Pages)
        {
            var file = Path.Combine(folder, page + ".html");
            app.MapGet("/tabs/" + page, () => File.Exists(file)
                    ? Results.File(file, "text/html; charset=utf-8")
                    : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The tab pages are not built",
                        detail: "Build src/FocusBot with Node.js and npm on the PATH (dotnet build runs the tabs' bundle step)."))
                .ExcludeFromDescription();
        }
        app.MapTabApi();
        return app;
    }
}

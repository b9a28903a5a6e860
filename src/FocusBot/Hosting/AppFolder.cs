namespace FocusBot.Hosting;

/// <summary>
/// The content root is the app's own folder (where FocusBot.dll and its appsettings.json are), whichever folder the
/// command is typed in; <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c>/<c>DOTNET_CONTENTROOT</c> still win.
/// </summary>
public static class AppFolder
{
    /// <summary>The builder's options: the arguments, and the app's folder as content root unless one is given.</summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ContentRootGiven(args) ? null : AppContext.BaseDirectory,
    };

    private static bool ContentRootGiven(string[] args) =>
        args.Any(arg => arg.TrimStart('-', '/').StartsWith(HostDefaults.ContentRootKey, StringComparison.OrdinalIgnoreCase)) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}

namespace FocusBot.AppPackage;

/// <summary>The values the Teams app package needs from settings, each checked for its shape.</summary>
public sealed record AppPackageSettings(
    string TeamsAppId,
    string BotId,
    string BotDomain,
    string DeveloperName,
    string WebsiteUrl,
    string PrivacyUrl,
    string TermsOfUseUrl)
{
    /// <summary>
    /// Each placeholder of manifest/manifest.json, the setting that fills it, and how its value is checked.
    /// Adding a placeholder to the manifest without a row here makes the package refuse to build.
    /// </summary>
    public static IReadOnlyList<ManifestPlaceholder> Placeholders { get; } =
    [
        new("${{TEAMS_APP_ID}}", "Teams:AppId", SettingShape.Guid, s => s.TeamsAppId),
        new("${{BOT_ID}}", "MicrosoftAppId", SettingShape.Guid, s => s.BotId),
        new("${{BOT_DOMAIN}}", "Teams:BotDomain", SettingShape.HostName, s => s.BotDomain),
        new("${{DEVELOPER_NAME}}", "Teams:DeveloperName", SettingShape.DeveloperName, s => s.DeveloperName),
        new("${{DEVELOPER_WEBSITE}}", "Teams:WebsiteUrl", SettingShape.HttpsUrl, s => s.WebsiteUrl),
        new("${{PRIVACY_URL}}", "Teams:PrivacyUrl", SettingShape.HttpsUrl, s => s.PrivacyUrl),
        new("${{TERMS_OF_USE_URL}}", "Teams:TermsOfUseUrl", SettingShape.HttpsUrl, s => s.TermsOfUseUrl),
    ];

    /// <summary>The developer name Teams shows; the manifest schema allows at most 32 characters.</summary>
    public const int DeveloperNameMaxLength = 32;

    /// <summary>
    /// Reads every setting and checks it; refuses with every missing or invalid setting named at once, so that one
    /// run tells the administrator all there is to fix.
    /// </summary>
    public static AppPackageSettings Read(IConfiguration configuration)
    {
        var values = new Dictionary<string, string>();
        var missing = new List<string>();
        var invalid = new List<string>();
        foreach (var placeholder in Placeholders)
        {
            var value = configuration[placeholder.SettingKey]?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                missing.Add(placeholder.SettingKey);
                continue;
            }
            var problem = Check(placeholder.Shape, value);
            if (problem is null)
                values[placeholder.SettingKey] = value;
            else
                invalid.Add($"{placeholder.SettingKey} '{value}' {problem}");
        }

        var problems = new List<string>();
        if (missing.Count > 0)
            problems.Add($"Missing settings: {string.Join(", ", missing)}.");
        problems.AddRange(invalid);
        if (problems.Count > 0)
            throw new AppPackageRefusedException(problems);

        return new AppPackageSettings(
            values["Teams:AppId"], values["MicrosoftAppId"], values["Teams:BotDomain"], values["Teams:DeveloperName"],
            values["Teams:WebsiteUrl"], values["Teams:PrivacyUrl"], values["Teams:TermsOfUseUrl"]);
    }

    private static string? Check(SettingShape shape, string value) => shape switch
    {
        SettingShape.Guid => Guid.TryParseExact(value, "D", out _)
            ? null
            : "is not a GUID (like 00000000-0000-0000-0000-000000000000).",
        SettingShape.HttpsUrl => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? null
            : "is not an absolute https:// URL.",
        // Teams' validDomains takes a bare host name: no scheme, port or path.
        SettingShape.HostName => Uri.CheckHostName(value) == UriHostNameType.Dns && value.Contains('.')
            ? null
            : "is not a host name (like focusbot.example.org: no https://, no port, no path).",
        SettingShape.DeveloperName => value.Length <= DeveloperNameMaxLength
            ? null
            : $"is longer than {DeveloperNameMaxLength} characters.",
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };
}

/// <summary>A <c>${{NAME}}</c> in manifest/manifest.json and the setting that replaces it.</summary>
public sealed record ManifestPlaceholder(
    string Placeholder,
    string SettingKey,
    SettingShape Shape,
    Func<AppPackageSettings, string> ValueOf);

public enum SettingShape
{
    Guid,
    HttpsUrl,
    HostName,
    DeveloperName,
}

/// <summary>The app package was not built; <see cref="Problems"/> says every reason.</summary>
public sealed class AppPackageRefusedException(IReadOnlyList<string> problems)
    : Exception("The Teams app package was not built: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

namespace FocusBot.AppPackage;

/// <summary>The values the Teams app package needs from settings, each checked for its shape.</summary>
public sealed record AppPackageSettings(
    string TeamsAppId,
    string BotId,
    string BotDomain,
    string DeveloperName,
    string WebsiteUrl,
    string PrivacyUrl,
    string TermsOfUseUrl,
    string TabAppId)
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
        // The tabs' single sign-on app (webApplicationInfo): the bot's own app registration unless it is a managed identity.
        new("${{TAB_APP_ID}}", Tabs.TabSignOn.TabAppIdSetting, SettingShape.Guid, s => s.TabAppId) { Default = TabAppIdDefault },
    ];

    /// <summary>
    /// <c>Teams:TabAppId</c> when it is not set: <c>MicrosoftAppId</c> (checked on its own row), or, for a bot whose
    /// identity is a managed identity, a refusal saying why the tabs need an app registration of their own.
    /// </summary>
    private static (string? Value, string? Problem) TabAppIdDefault(IConfiguration configuration) =>
        Tabs.TabSignOn.BotIsManagedIdentity(configuration)
            ? (null, $"{Tabs.TabSignOn.TabAppIdSetting} is required: the bot's identity is a managed identity (MicrosoftAppType=UserAssignedMSI), "
                + "which cannot expose an API, so the tabs' single sign-on (webApplicationInfo) needs an Entra app registration of its own "
                + "(README, \"Deploying to Azure\", the tabs' sign-on app).")
            : (configuration["MicrosoftAppId"]?.Trim(), null);

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
            if (string.IsNullOrEmpty(value) && placeholder.Default is { } fallback)
            {
                // A default is another setting, checked (or named missing) on its own row: never reported twice.
                var (defaultValue, refusal) = fallback(configuration);
                if (refusal is not null) invalid.Add(refusal);
                else if (!string.IsNullOrEmpty(defaultValue)) values[placeholder.SettingKey] = defaultValue;
                continue;
            }
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
            values["Teams:WebsiteUrl"], values["Teams:PrivacyUrl"], values["Teams:TermsOfUseUrl"], values[Tabs.TabSignOn.TabAppIdSetting]);
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
    Func<AppPackageSettings, string> ValueOf)
{
    /// <summary>
    /// When the setting is absent: the value to use instead (another setting, checked on its own row) or a refusal
    /// saying why it is required; null: the setting is required.
    /// </summary>
    public Func<IConfiguration, (string? Value, string? Problem)>? Default { get; init; }
}

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

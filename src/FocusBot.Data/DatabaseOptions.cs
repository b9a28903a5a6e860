using Microsoft.Extensions.Configuration;

namespace FocusBot.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings: <c>Database:Provider</c> (Sqlite | Postgres) and the connection string <c>ConnectionStrings:FocusBot</c>.</summary>
public static class DatabaseOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=focusbot.db";

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(text)) return DatabaseProvider.Sqlite;
        if (Enum.TryParse<DatabaseProvider>(text.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)) return provider;
        if (text.Trim().Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)) return DatabaseProvider.Postgres;
        throw new InvalidOperationException($"Database:Provider is \"{text}\"; it must be \"Sqlite\" or \"Postgres\".");
    }
}

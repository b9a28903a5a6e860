using FocusBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FocusBot.Testing;

/// <summary>A fresh, migrated database of one provider, for store tests that must pass on both.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            database = new(provider, await PostgresTestServer.CreateDatabaseAsync(), null);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"focusbot-test-{Guid.NewGuid():N}.db");
            database = new(provider, $"Data Source={file};Default Timeout=30", file);
        }
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A fresh database with the repository's sample roster imported.</summary>
    public static async Task<(TestDatabase Database, Core.Roster.Roster Roster)> CreateWithSampleRosterAsync(DatabaseProvider provider)
    {
        var database = await CreateAsync(provider);
        var roster = await SampleRoster.LoadAsync();
        await using var db = database.CreateContext();
        await new Data.Roster.EfRosterStore(db).ReplaceAsync(roster, default);
        return (database, roster);
    }

    /// <param name="logs">Where EF Core's own log goes (failed commands, failed saves), or nowhere.</param>
    public FocusBotDbContext CreateContext(ILoggerFactory? logs = null) => Provider == DatabaseProvider.Postgres
        ? new PostgresFocusBotDbContext(Options<PostgresFocusBotDbContext>(b => b.UsePostgres(ConnectionString), logs))
        : new SqliteFocusBotDbContext(Options<SqliteFocusBotDbContext>(b => b.UseSqliteDatabase(ConnectionString), logs));

    private static DbContextOptions<T> Options<T>(Action<DbContextOptionsBuilder> configure, ILoggerFactory? logs) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        if (logs is not null) builder.UseLoggerFactory(logs);
        return builder.Options;
    }

    /// <summary>Settings that point the host at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", Provider.ToString()),
        new("ConnectionStrings:FocusBot", ConnectionString),
    ];

    public ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                try { File.Delete(file); } catch (IOException) { }
            }
        }
        return ValueTask.CompletedTask;
    }
}

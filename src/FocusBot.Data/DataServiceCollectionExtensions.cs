using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Data.Conversations;
using FocusBot.Data.Roster;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the database chosen by <c>Database:Provider</c> and the stores behind Core's ports.</summary>
    public static IServiceCollection AddFocusBotData(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = DatabaseOptions.ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString("FocusBot");

        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:FocusBot is empty. Set it, e.g. " +
                        "\"Host=127.0.0.1;Port=5432;Database=focusbot;Username=focusbot;Password=...\".");
                services.AddDbContext<PostgresFocusBotDbContext>(db => db.UsePostgres(connectionString));
                services.AddScoped<FocusBotDbContext>(sp => sp.GetRequiredService<PostgresFocusBotDbContext>());
                break;
            default:
                var sqlite = SqliteConnectionStrings.Prepare(connectionString ?? DatabaseOptions.DefaultSqliteConnectionString);
                services.AddDbContext<SqliteFocusBotDbContext>(db => db.UseSqliteDatabase(sqlite));
                services.AddScoped<FocusBotDbContext>(sp => sp.GetRequiredService<SqliteFocusBotDbContext>());
                break;
        }

        services.AddScoped<IRosterStore, EfRosterStore>();
        services.AddScoped<IConversationStore, EfConversationStore>();
        return services;
    }

    public static DbContextOptionsBuilder UsePostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString);

    public static DbContextOptionsBuilder UseSqliteDatabase(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString);
}

internal static class SqliteConnectionStrings
{
    /// <summary>Makes sure the database file's folder exists so that the first start can create it.</summary>
    public static string Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        // Several turns may write at once; wait for the lock instead of failing at once.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}

using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Core.Reminders;
using FocusBot.Core.Audit;
using FocusBot.Core.Privacy;
using FocusBot.Data.Conversations;
using FocusBot.Data.Privacy;
using FocusBot.Data.Reminders;
using FocusBot.Data.Roster;
using FocusBot.Data.Situations;
using FocusBot.Core.Situations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> and the stores behind Core's ports. Settings are
    /// read when the first context is made, so that every configuration source (tests included) is seen. A relative
    /// SQLite file is placed in <paramref name="sqliteFolder"/> (the host passes its app folder) rather than in
    /// whatever folder the process was started from; null keeps it relative to the current folder.
    /// </summary>
    public static IServiceCollection AddFocusBotData(this IServiceCollection services, string? sqliteFolder = null)
    {
        services.AddDbContext<PostgresFocusBotDbContext>((sp, db) => db.UsePostgres(PostgresConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddDbContext<SqliteFocusBotDbContext>((sp, db) => db.UseSqliteDatabase(SqliteConnectionStrings.Prepare(
            sp.GetRequiredService<IConfiguration>().GetConnectionString("FocusBot") ?? DatabaseOptions.DefaultSqliteConnectionString, sqliteFolder)));
        services.AddScoped<FocusBotDbContext>(sp => DatabaseOptions.ReadProvider(sp.GetRequiredService<IConfiguration>()) switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresFocusBotDbContext>(),
            _ => sp.GetRequiredService<SqliteFocusBotDbContext>(),
        });

        services.AddScoped<IRosterStore, EfRosterStore>();
        services.AddScoped<IConversationStore, EfConversationStore>();
        services.AddScoped<ISituationStore, EfSituationStore>();
        services.AddScoped<IReminderStore, EfReminderStore>();
        services.AddScoped<ICoChairNoticeLog, EfCoChairNoticeLog>();
        services.AddScoped<IAuditLog, EfAuditLog>();
        services.AddScoped<IRetentionStore, EfRetentionStore>();
        services.AddScoped<Core.Deliveries.IDeliveryStore, Deliveries.EfDeliveryStore>();
        services.AddScoped<Core.Idempotency.IIdempotencyKeyStore, Idempotency.EfIdempotencyKeyStore>();
        return services;
    }

    private static string PostgresConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("FocusBot");
        if (string.IsNullOrWhiteSpace(connectionString) || connectionString.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:FocusBot is not a PostgreSQL connection string. Set it, e.g. " +
                "\"Host=127.0.0.1;Port=5432;Database=focusbot;Username=focusbot;Password=...\".");
        return connectionString;
    }

    /// <summary>Configures <see cref="PostgresFocusBotDbContext"/> for Npgsql on <paramref name="connectionString"/>.</summary>
    public static DbContextOptionsBuilder UsePostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString);

    /// <summary>Configures <see cref="SqliteFocusBotDbContext"/> for SQLite on <paramref name="connectionString"/>.</summary>
    public static DbContextOptionsBuilder UseSqliteDatabase(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString);
}

internal static class SqliteConnectionStrings
{
    /// <summary>
    /// Resolves a relative database file against <paramref name="baseFolder"/> (when given) and makes sure its folder
    /// exists so that the first start can create it.
    /// </summary>
    public static string Prepare(string connectionString, string? baseFolder = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            if (baseFolder is not null && !Path.IsPathRooted(builder.DataSource))
                builder.DataSource = Path.GetFullPath(builder.DataSource, baseFolder);
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        // Several turns may write at once; wait for the lock instead of failing at once.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}

using FocusBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Data.Tests;

public sealed class SqliteDatabaseMigratorTests() : DatabaseMigratorTests(DatabaseProvider.Sqlite);

public sealed class PostgresDatabaseMigratorTests() : DatabaseMigratorTests(DatabaseProvider.Postgres);

/// <summary>
/// The host's start-up migration: a new or older database is brought to this build's last migration; an up-to-date one
/// is left alone (only its history read). Since the host no longer runs EF Core's check for model changes without a
/// migration on every start, the check is made here, for both providers.
/// </summary>
public abstract class DatabaseMigratorTests(DatabaseProvider provider)
{
    [Fact]
    public async Task The_model_has_no_change_without_a_migration()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the last migration's snapshot: add a migration (see README, 'To add a migration').");
    }

    [Fact]
    public async Task A_database_one_migration_behind_is_brought_up_to_date()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] all;
        await using (var db = database.CreateContext())
        {
            all = [.. db.Database.GetMigrations()];
            await db.GetService<IMigrator>().MigrateAsync(all[^2]);
            Assert.Equal([all[^1]], await db.Database.GetPendingMigrationsAsync());
        }

        await using var services = Services(database);
        await DatabaseMigrator.MigrateAsync(services);

        await using var after = database.CreateContext();
        Assert.Empty(await after.Database.GetPendingMigrationsAsync());
        Assert.Equal(all, await after.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Starting_again_on_an_up_to_date_database_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);

        await DatabaseMigrator.MigrateAsync(services);
        await DatabaseMigrator.MigrateAsync(services);

        await using var db = database.CreateContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    private static ServiceProvider Services(TestDatabase database) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(database.Settings()).Build())
        .AddFocusBotData()
        .BuildServiceProvider();
}

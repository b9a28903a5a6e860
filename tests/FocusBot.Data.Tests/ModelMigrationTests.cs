using Microsoft.EntityFrameworkCore;

namespace FocusBot.Data.Tests;

public sealed class SqliteModelMigrationTests() : ModelMigrationTests(() =>
{
    var options = new DbContextOptionsBuilder<SqliteFocusBotDbContext>();
    options.UseSqliteDatabase("Data Source=:memory:");
    return new SqliteFocusBotDbContext(options.Options);
});

public sealed class PostgresModelMigrationTests() : ModelMigrationTests(() =>
{
    var options = new DbContextOptionsBuilder<PostgresFocusBotDbContext>();
    options.UsePostgres("Host=127.0.0.1;Database=unused");
    return new PostgresFocusBotDbContext(options.Options);
});

/// <summary>
/// The migrations of each provider cover every change to the entity configurations (EF Core's model snapshot against
/// the model built from <c>OnModelCreating</c>), without a database: when it fails, add a migration (README, "Database
/// model"). No connection is opened.
/// </summary>
public abstract class ModelMigrationTests(Func<FocusBotDbContext> createContext)
{
    [Fact]
    public void The_migrations_cover_every_change_to_the_configurations()
    {
        using var db = createContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: add one (README, \"Database model\").");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Data;

public static class DatabaseMigrator
{
    /// <summary>
    /// Creates the database if needed and applies every pending migration. When every migration is already applied,
    /// EF's <c>Migrate</c> is not called: it would build the model from the entity configurations a second time to
    /// check for model changes without a migration, a cost paid at every start. That check still runs whenever a
    /// migration is applied (every new database, tests included), and <c>ModelMigrationTests</c> checks it without one.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FocusBotDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            await db.Database.MigrateAsync(cancellationToken);
    }
}

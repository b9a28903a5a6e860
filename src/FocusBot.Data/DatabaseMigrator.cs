using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Data;

public static class DatabaseMigrator
{
    /// <summary>
    /// Creates the database if needed and applies every pending migration. When every migration of this build is
    /// already applied (every start but the first after an upgrade) it only reads the migrations history: EF Core's
    /// Migrate would also take its migration lock and build the migrations' model to compare it with the code's, about
    /// a quarter of the start-up's work in EF (measured in bench/README.md, "Cold start"). That comparison is made by
    /// the tests instead (<c>DatabaseMigratorTests</c>), and on every new database, where Migrate runs in full.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FocusBotDbContext>();
        if (await db.Database.CanConnectAsync(cancellationToken) && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            return;
        await db.Database.MigrateAsync(cancellationToken);
    }
}

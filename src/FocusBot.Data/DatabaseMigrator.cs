using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FocusBot.Data;

public static class DatabaseMigrator
{
    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FocusBotDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}

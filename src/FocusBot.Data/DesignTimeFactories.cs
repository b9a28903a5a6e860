using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FocusBot.Data;

// Used only by `dotnet ef migrations add`; the running host configures the contexts from settings.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFocusBotDbContext>
{
    public SqliteFocusBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFocusBotDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFocusBotDbContext>
{
    public PostgresFocusBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFocusBotDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}

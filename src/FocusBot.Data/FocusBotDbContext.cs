using FocusBot.Core.Audit;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Core.Deliveries;
using FocusBot.Data.Conversations;
using FocusBot.Data.Privacy;
using FocusBot.Data.Deliveries;
using FocusBot.Data.Idempotency;
using FocusBot.Data.Reminders;
using FocusBot.Data.Situations;
using Microsoft.EntityFrameworkCore;

namespace FocusBot.Data;

/// <summary>
/// FocusBot's database. The model is shared; each provider has its own subclass so that SQLite and PostgreSQL each
/// keep their own migrations (see <see cref="SqliteFocusBotDbContext"/> and <see cref="PostgresFocusBotDbContext"/>).
/// </summary>
public abstract class FocusBotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Table> Tables => Set<Table>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<StoredConversation> Conversations => Set<StoredConversation>();
    public DbSet<TableChannelLink> TableChannels => Set<TableChannelLink>();
    public DbSet<Situation> Situations => Set<Situation>();
    public DbSet<SituationCounter> SituationCounters => Set<SituationCounter>();
    public DbSet<SituationCardPost> SituationCards => Set<SituationCardPost>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<CoChairNotice> CoChairNotices => Set<CoChairNotice>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<ProcessedSubmission> ProcessedSubmissions => Set<ProcessedSubmission>();
    public DbSet<StoredIdempotencyKey> IdempotencyKeys => Set<StoredIdempotencyKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FocusBotDbContext).Assembly);
    }
}

public sealed class SqliteFocusBotDbContext(DbContextOptions<SqliteFocusBotDbContext> options) : FocusBotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type. Stored as UTC milliseconds, instants compare and order correctly in queries.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcMillisecondsConverter>();
    }
}

public sealed class PostgresFocusBotDbContext(DbContextOptions<PostgresFocusBotDbContext> options) : FocusBotDbContext(options);

internal sealed class UtcMillisecondsConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    instant => instant.ToUnixTimeMilliseconds(),
    milliseconds => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));

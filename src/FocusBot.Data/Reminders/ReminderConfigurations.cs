using FocusBot.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocusBot.Data.Reminders;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> reminder)
    {
        reminder.ToTable("reminders");
        reminder.HasKey(r => r.Id);
        reminder.Property(r => r.Id).ValueGeneratedNever();
        // (kind, table, situation, target, occurrence, lead time) in one column: planning twice never makes two.
        reminder.Property(r => r.PlanKey).HasMaxLength(500);
        reminder.HasIndex(r => r.PlanKey).IsUnique();
        reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        reminder.Property(r => r.TableId).HasMaxLength(40);
        reminder.Property(r => r.SituationId).HasMaxLength(20);
        reminder.Property(r => r.Target).HasMaxLength(300);
        reminder.Property(r => r.JoinUrl).HasMaxLength(2000);
        // A re-plan that read a row just before a worker claimed it must not overwrite the claim.
        reminder.Property(r => r.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        reminder.Property(r => r.ClaimedBy).HasMaxLength(200);
        reminder.Property(r => r.LastError).HasMaxLength(500);
        // What the workers look for: due planned rows and expired claims.
        reminder.HasIndex(r => new { r.State, r.DueAt });
        reminder.HasIndex(r => r.ClaimToken);
        reminder.HasIndex(r => new { r.TableId, r.State });
        reminder.Ignore(r => r.IsAboutMeeting);
    }
}

internal sealed class CoChairNoticeConfiguration : IEntityTypeConfiguration<CoChairNotice>
{
    public void Configure(EntityTypeBuilder<CoChairNotice> notice)
    {
        notice.ToTable("cochair_notices");
        notice.HasKey(n => new { n.TableId, n.Subject });
        notice.Property(n => n.TableId).HasMaxLength(40);
        notice.Property(n => n.Subject).HasMaxLength(64);
    }
}

/// <summary>That a table's co-chairs were told of a problem (the subject is a hash of what makes it the same problem).</summary>
public sealed class CoChairNotice
{
    public required string TableId { get; init; }
    public required string Subject { get; init; }
    public required DateTimeOffset ToldAt { get; init; }
}

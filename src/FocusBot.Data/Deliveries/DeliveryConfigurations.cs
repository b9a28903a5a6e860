using FocusBot.Core.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocusBot.Data.Deliveries;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> delivery)
    {
        delivery.ToTable("deliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).ValueGeneratedNever();
        delivery.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        delivery.Property(d => d.TableId).HasMaxLength(40);
        delivery.Property(d => d.SituationId).HasMaxLength(20);
        delivery.Property(d => d.Recipient).HasMaxLength(320);
        delivery.Property(d => d.ActivityId).HasMaxLength(300);
        delivery.Property(d => d.SentActivityId).HasMaxLength(300);
        delivery.Property(d => d.Subject).HasMaxLength(64);
        delivery.Property(d => d.Text).HasMaxLength(2000);
        delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.ClaimedBy).HasMaxLength(200);
        delivery.Property(d => d.LastError).HasMaxLength(500);
        // What the dispatchers look for: due pending rows and expired claims.
        delivery.HasIndex(d => new { d.State, d.DueAt });
        delivery.HasIndex(d => d.ClaimToken);
        delivery.HasIndex(d => d.SituationId);
        delivery.Ignore(d => d.Address);
    }
}

internal sealed class ProcessedSubmissionConfiguration : IEntityTypeConfiguration<ProcessedSubmission>
{
    public void Configure(EntityTypeBuilder<ProcessedSubmission> submission)
    {
        submission.ToTable("processed_submissions");
        // The key is the whole point: a second insert of the same submission fails, on any instance.
        submission.HasKey(s => s.Key);
        submission.Property(s => s.Key).HasMaxLength(80);
        submission.Property(s => s.Outcome).HasMaxLength(100);
    }
}

/// <summary>A form submission that was acted on (<c>verb:submission id</c>) and what it produced (a situation id, an update id).</summary>
public sealed class ProcessedSubmission
{
    public required string Key { get; init; }
    public required string Outcome { get; init; }
    public required DateTimeOffset At { get; init; }
}

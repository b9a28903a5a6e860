using FocusBot.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocusBot.Data.Privacy;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedOnAdd();
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(12);
        entry.Property(e => e.Through).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.SituationId).HasMaxLength(20);
        entry.Property(e => e.MemberEmail).HasMaxLength(254);
        entry.Property(e => e.Role).HasMaxLength(10);
        entry.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        // No foreign key to situations: audit rows outlive what they are about.
        entry.HasIndex(e => new { e.SituationId, e.At });
        entry.HasIndex(e => new { e.MemberEmail, e.At });
        entry.HasIndex(e => e.At);
    }
}

/// <summary>
/// A job that one instance runs at a time on a schedule (the daily retention purge): the row is claimed with a token
/// that lapses at <see cref="ClaimExpiresAt"/> if its holder dies.
/// </summary>
public sealed class JobLease
{
    /// <summary>The retention job's row.</summary>
    public const string Retention = "retention";

    public required string Name { get; init; }
    /// <summary>When the job is next due (UTC).</summary>
    public DateTimeOffset NextRunAt { get; set; }
    public Guid? ClaimToken { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimExpiresAt { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> lease)
    {
        lease.ToTable("job_leases");
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(40);
        lease.Property(l => l.ClaimedBy).HasMaxLength(200);
        lease.HasData(new JobLease { Name = JobLease.Retention, NextRunAt = DateTimeOffset.UnixEpoch });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocusBot.Data.Idempotency;

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<StoredIdempotencyKey>
{
    public void Configure(EntityTypeBuilder<StoredIdempotencyKey> key)
    {
        key.ToTable("idempotency_keys");
        // The key is the whole point: a second claim of the same caller's key fails, on any instance.
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasMaxLength(64);
        key.Property(k => k.RequestHash).HasMaxLength(64);
        key.Property(k => k.ClaimToken).HasMaxLength(32);
        key.Property(k => k.ContentType).HasMaxLength(200);
        key.Property(k => k.Location).HasMaxLength(300);
        // The daily purge forgets by age.
        key.HasIndex(k => k.StartedAt);
    }
}

/// <summary>
/// A REST API request made under an <c>Idempotency-Key</c>: <see cref="Id"/> is SHA-256 (hex) of the caller and the
/// key, so neither is stored as such; the answer (status, content type, Location, body) once there is one.
/// </summary>
public sealed class StoredIdempotencyKey
{
    public required string Id { get; init; }
    public required string RequestHash { get; init; }
    public required string ClaimToken { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public int? Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
}

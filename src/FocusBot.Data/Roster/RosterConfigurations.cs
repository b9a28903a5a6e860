using FocusBot.Core.Roster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocusBot.Data.Roster;

internal sealed class TableConfiguration : IEntityTypeConfiguration<Table>
{
    public void Configure(EntityTypeBuilder<Table> table)
    {
        table.ToTable("tables");
        table.HasKey(t => t.Id);
        table.Property(t => t.Id).HasMaxLength(40);
        table.Property(t => t.Name).HasMaxLength(100);
        table.Property(t => t.Code).HasMaxLength(4);
        table.HasIndex(t => t.Code).IsUnique();
        table.Property(t => t.TimeZoneId).HasMaxLength(64);
        table.Ignore(t => t.TimeZone);
        table.Property(t => t.Language).HasMaxLength(10).HasDefaultValue(Table.DefaultLanguage);
        table.OwnsOne(t => t.Meeting, meeting =>
        {
            meeting.Property(m => m.Day).HasConversion<string>().HasMaxLength(10);
            meeting.Property(m => m.Organizer).HasMaxLength(254);
            meeting.Property(m => m.CalendarEventId).HasMaxLength(300);
        });
        table.Navigation(t => t.Meeting).IsRequired();
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.ToTable("agencies");
        agency.HasKey(a => a.Id);
        agency.Property(a => a.Id).HasMaxLength(40);
        agency.Property(a => a.Name).HasMaxLength(150);
        agency.Property(a => a.Sector).HasMaxLength(100);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> member)
    {
        member.ToTable("members");
        member.HasKey(m => m.Email);
        member.Property(m => m.Email).HasMaxLength(254);
        member.Property(m => m.AadObjectId).HasMaxLength(36);
        member.HasIndex(m => m.AadObjectId).IsUnique();
        member.Property(m => m.AgencyId).HasMaxLength(40);
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(10);
        member.Property(m => m.Language).HasMaxLength(10);
        member.Property(m => m.TeamsLocale).HasMaxLength(20);
    }
}

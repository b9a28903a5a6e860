using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocusBot.Data.Conversations;

internal sealed class StoredConversationConfiguration : IEntityTypeConfiguration<StoredConversation>
{
    public void Configure(EntityTypeBuilder<StoredConversation> conversation)
    {
        conversation.ToTable("conversations");
        conversation.HasKey(c => new { c.Kind, c.Key });
        conversation.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        conversation.Property(c => c.Key).HasMaxLength(300);
        conversation.Property(c => c.ReferenceJson).HasMaxLength(8000);
        conversation.Property(c => c.UnreachableReason).HasMaxLength(300);
        conversation.Property(c => c.TeamId).HasMaxLength(300);
        conversation.HasIndex(c => c.TeamId);
    }
}

internal sealed class TableChannelLinkConfiguration : IEntityTypeConfiguration<TableChannelLink>
{
    public void Configure(EntityTypeBuilder<TableChannelLink> link)
    {
        link.ToTable("table_channels");
        link.HasKey(l => l.TableId);
        link.Property(l => l.TableId).HasMaxLength(40);
        link.Property(l => l.ChannelKey).HasMaxLength(300);
    }
}

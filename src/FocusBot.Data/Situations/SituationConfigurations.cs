using FocusBot.Core.Situations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocusBot.Data.Situations;

internal sealed class SituationConfiguration : IEntityTypeConfiguration<Situation>
{
    public void Configure(EntityTypeBuilder<Situation> situation)
    {
        situation.ToTable("situations");
        situation.HasKey(s => s.Id);
        situation.Property(s => s.Id).HasMaxLength(20);
        situation.Property(s => s.TableId).HasMaxLength(40);
        // The open lists (table, open or active), the RTD export and the figures' conclusions (table, concluded, when):
        // ranges of this one index, never a read of the whole table.
        situation.HasIndex(s => new { s.TableId, s.Status, s.ConcludedAt });
        // The figures' and the export's discussions of a period (table, day).
        situation.HasIndex(s => new { s.TableId, s.DiscussedOn });
        situation.Property(s => s.TypeId).HasMaxLength(40);
        situation.Property(s => s.AgeGroupId).HasMaxLength(40);
        situation.Property(s => s.GenderId).HasMaxLength(40);
        situation.PrimitiveCollection<List<string>>("_riskFactorIds").HasColumnName("RiskFactorIds");
        situation.Ignore(s => s.RiskFactorIds);
        situation.Property(s => s.Summary).HasMaxLength(Situation.MaxSummaryLength);
        situation.Property(s => s.OriginatingAgencyId).HasMaxLength(40);
        situation.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
        situation.Property(s => s.OutcomeId).HasMaxLength(60);
        // Two people acting at once: the second save fails and the workflow decides again on what is stored.
        situation.Property(s => s.Version).IsConcurrencyToken();

        situation.HasMany(s => s.Assignments).WithOne().HasForeignKey("SituationId").OnDelete(DeleteBehavior.Cascade);
        situation.Navigation(s => s.Assignments).HasField("_assignments").UsePropertyAccessMode(PropertyAccessMode.Field);
        situation.HasMany(s => s.Updates).WithOne().HasForeignKey("SituationId").OnDelete(DeleteBehavior.Cascade);
        situation.Navigation(s => s.Updates).HasField("_updates").UsePropertyAccessMode(PropertyAccessMode.Field);
        situation.HasMany(s => s.Events).WithOne().HasForeignKey("SituationId").OnDelete(DeleteBehavior.Cascade);
        situation.Navigation(s => s.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);

        situation.Ignore(s => s.LeadAssignment);
        situation.Ignore(s => s.LeadAgencyId);
        situation.Ignore(s => s.AssistingAssignments);
        situation.Ignore(s => s.HasFortyEightHourUpdate);
        // The 48-hour due time is the lead assignment's (it moves with a lead change).
        situation.Ignore(s => s.UpdateDueAt);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.ToTable("assignments");
        assignment.HasKey(a => a.Id);
        assignment.Property(a => a.Id).ValueGeneratedNever();
        assignment.Property(a => a.AgencyId).HasMaxLength(40);
        assignment.HasIndex(a => a.AgencyId);
        assignment.Property(a => a.Role).HasConversion<string>().HasMaxLength(10);
        assignment.Property(a => a.State).HasConversion<string>().HasMaxLength(10);
        assignment.Property(a => a.RespondedByEmail).HasMaxLength(254);
        assignment.Property(a => a.DeclineReason).HasMaxLength(Situation.MaxDeclineReasonLength);
        assignment.Property(a => a.ReleasedByEmail).HasMaxLength(254);
        assignment.Ignore(a => a.IsCurrent);
    }
}

internal sealed class SituationUpdateConfiguration : IEntityTypeConfiguration<SituationUpdate>
{
    public void Configure(EntityTypeBuilder<SituationUpdate> update)
    {
        update.ToTable("situation_updates");
        update.HasKey(u => u.Id);
        update.Property(u => u.Id).ValueGeneratedNever();
        update.Property(u => u.AgencyId).HasMaxLength(40);
        update.Property(u => u.ByEmail).HasMaxLength(254);
        update.Property(u => u.KindId).HasMaxLength(60);
        update.Property(u => u.Note).HasMaxLength(Situation.MaxNoteLength);
        update.Property(u => u.NextStep).HasMaxLength(Situation.MaxNextStepLength);
        update.PrimitiveCollection<List<string>>("_barrierIds").HasColumnName("BarrierIds");
        update.Ignore(u => u.BarrierIds);
        update.PrimitiveCollection<List<string>>("_serviceIds").HasColumnName("ServiceIds");
        update.Ignore(u => u.ServiceIds);
    }
}

internal sealed class SituationEventConfiguration : IEntityTypeConfiguration<SituationEvent>
{
    public void Configure(EntityTypeBuilder<SituationEvent> situationEvent)
    {
        situationEvent.ToTable("situation_events");
        situationEvent.HasKey(e => e.Id);
        situationEvent.Property(e => e.Id).ValueGeneratedNever();
        situationEvent.Property(e => e.ByEmail).HasMaxLength(254);
        situationEvent.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        situationEvent.Property(e => e.AgencyId).HasMaxLength(40);
        situationEvent.Property(e => e.Role).HasConversion<string>().HasMaxLength(10);
        situationEvent.Property(e => e.FormerAgencyId).HasMaxLength(40);
        situationEvent.Property(e => e.OutcomeId).HasMaxLength(60);
        situationEvent.Property(e => e.UpdateKindId).HasMaxLength(60);
        situationEvent.Property(e => e.Status).HasConversion<string>().HasMaxLength(12);
    }
}

/// <summary>The last number given to a table's situations in a year: ids are never reused.</summary>
public sealed class SituationCounter
{
    public required string TableCode { get; init; }
    public required int Year { get; init; }
    public int LastNumber { get; set; }
}

/// <summary>A posted copy of a situation's card (channel or personal), kept so it can be updated in place.</summary>
public sealed class SituationCardPost
{
    public long Id { get; init; }
    public required string SituationId { get; init; }
    public required Core.Conversations.ConversationKind Kind { get; init; }
    public required string ConversationKey { get; init; }
    public required string ActivityId { get; init; }
}

internal sealed class SituationCounterConfiguration : IEntityTypeConfiguration<SituationCounter>
{
    public void Configure(EntityTypeBuilder<SituationCounter> counter)
    {
        counter.ToTable("situation_counters");
        counter.HasKey(c => new { c.TableCode, c.Year });
        counter.Property(c => c.TableCode).HasMaxLength(4);
        counter.Property(c => c.LastNumber).IsConcurrencyToken();
    }
}

internal sealed class SituationCardPostConfiguration : IEntityTypeConfiguration<SituationCardPost>
{
    public void Configure(EntityTypeBuilder<SituationCardPost> card)
    {
        card.ToTable("situation_cards");
        card.HasKey(c => c.Id);
        card.Property(c => c.SituationId).HasMaxLength(20);
        card.HasIndex(c => c.SituationId);
        card.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        card.Property(c => c.ConversationKey).HasMaxLength(300);
        card.Property(c => c.ActivityId).HasMaxLength(300);
    }
}

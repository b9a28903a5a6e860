using FocusBot.Core.Situations;
using static FocusBot.Core.Tests.Situations.RexdaleTable;

namespace FocusBot.Core.Tests.Situations;

public class RecordingTests
{
    [Fact]
    public void Recorded_situation_is_open_with_every_named_agency_requested()
    {
        var situation = Recorded();

        Assert.Equal("RX-2026-0142", situation.Id);
        Assert.Equal("rexdale", situation.TableId);
        Assert.Equal(SituationStatus.Open, situation.Status);
        Assert.Equal(["mental-health", "housing"], situation.RiskFactorIds);
        Assert.Equal("tps-23", situation.OriginatingAgencyId);
        Assert.Equal("cmha", situation.LeadAgencyId);
        Assert.Equal(["housing"], situation.AssistingAssignments.Select(a => a.AgencyId));
        Assert.All(situation.Assignments, a => Assert.Equal(AssignmentState.Requested, a.State));
        Assert.Equal(TuesdayMorning, situation.CreatedAt);
        Assert.Null(situation.LeadAcceptedAt);
        Assert.Equal(TuesdayMorning.AddHours(48), situation.UpdateDueAt);
    }

    [Fact]
    public void Recording_is_the_first_event_and_the_first_version()
    {
        var situation = Recorded();

        var recorded = Assert.Single(situation.Events);
        Assert.Equal(SituationEventKind.Recorded, recorded.Kind);
        Assert.Equal(CoChair.Email, recorded.ByEmail);
        Assert.Equal(TuesdayMorning, recorded.At);
        Assert.Equal(1, situation.Version);
    }

    [Fact]
    public void Discussed_on_is_the_meeting_day_in_the_tables_time_zone()
    {
        var lateEveningInToronto = new DateTimeOffset(2026, 4, 15, 1, 30, 0, TimeSpan.Zero);

        var situation = Recorded(lateEveningInToronto);

        Assert.Equal(new DateOnly(2026, 4, 14), situation.DiscussedOn);
    }

    [Fact]
    public void Id_of_another_table_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Situation.Record(SituationId.Create("YK", 2026, 1), Valid(), TuesdayMorning));
    }

    [Fact]
    public void Each_child_has_its_own_id()
    {
        var situation = Active();

        var ids = situation.Assignments.Select(a => a.Id).Concat(situation.Events.Select(e => e.Id)).ToList();
        Assert.DoesNotContain(Guid.Empty, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}

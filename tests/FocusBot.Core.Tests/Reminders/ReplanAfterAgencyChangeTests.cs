using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static FocusBot.Core.Tests.Situations.RexdaleTable;

namespace FocusBot.Core.Tests.Reminders;

/// <summary>After a co-chair changes the lead, the plan follows the new lead: nudge and overdue go to it, the unaccepted alert restarts.</summary>
public sealed class ReplanAfterAgencyChangeTests
{
    private static readonly TimeSpan Due = TimeSpan.FromHours(48);
    private readonly FakeTimeProvider _clock = new(TuesdayMorning);
    private readonly Member[] _members = [LeadRep, AssistingRep, CoChair];

    private IReadOnlyList<PlannedReminder> Plan(Situation situation) =>
        new ReminderPlanner(_clock, new ReminderOptions(), NullLogger<ReminderPlanner>.Instance).Plan(Rexdale, _members, [], [situation]);

    private static IEnumerable<(ReminderKind, string, DateTimeOffset)> Situational(IEnumerable<PlannedReminder> plan) =>
        plan.Where(p => p.SituationId is not null).Select(p => (p.Kind, p.Target, p.DueAt)).Order();

    [Fact]
    public void A_new_lead_restarts_the_unaccepted_alert_and_once_it_accepts_the_nudge_and_overdue_go_to_it()
    {
        var situation = Recorded(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromHours(1));
        situation.Accept("cmha", LeadRep, _clock.GetUtcNow());
        var before = Plan(situation);
        Assert.Equal(
            [(ReminderKind.UpdateNudge, "member:lead@cmha.example", TuesdayMorning.AddHours(36)),
             (ReminderKind.UpdateOverdue, "member:chair@city.example", TuesdayMorning.AddHours(48)),
             (ReminderKind.UpdateOverdue, "member:lead@cmha.example", TuesdayMorning.AddHours(48))],
            Situational(before).OrderBy(r => r.Item1).ThenBy(r => r.Item2));

        _clock.Advance(TimeSpan.FromHours(4));
        var named = _clock.GetUtcNow();
        Assert.True(situation.ChangeLead("housing", CoChair, Agencies, Due, named).Succeeded);
        var waiting = Plan(situation);
        Assert.Equal([(ReminderKind.UnacceptedAssignment, "member:chair@city.example", named.AddHours(4))], Situational(waiting));
        // The nudge already planned for the old lead no longer applies to the situation as it now is.
        var oldNudge = Reminder.From(before.Single(p => p.Kind == ReminderKind.UpdateNudge), named);
        Assert.False(ReminderPlanner.StillApplies(oldNudge, situation));

        _clock.Advance(TimeSpan.FromHours(1));
        situation.Accept("housing", AssistingRep, _clock.GetUtcNow());
        var after = Plan(situation);
        Assert.Equal(
            [(ReminderKind.UpdateNudge, "member:assist@housing.example", named.AddHours(36)),
             (ReminderKind.UpdateOverdue, "member:assist@housing.example", named.AddHours(48)),
             (ReminderKind.UpdateOverdue, "member:chair@city.example", named.AddHours(48))],
            Situational(after).OrderBy(r => r.Item1).ThenBy(r => r.Item2));
    }
}

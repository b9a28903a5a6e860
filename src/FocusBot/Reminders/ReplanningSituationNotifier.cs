using FocusBot.Core.Situations;

namespace FocusBot.Reminders;

/// <summary>Tells people as before, then has the situation's table re-planned, so a posted update cancels its nudge at once.</summary>
public sealed class ReplanningSituationNotifier(ISituationNotifier inner, ReplanSignal signal) : ISituationNotifier
{
    public async Task SituationRecordedAsync(Situation situation, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SituationRecordedAsync(situation, cancellationToken);
        }
        finally
        {
            signal.Request(situation.TableId);
        }
    }

    public async Task SituationChangedAsync(Situation situation, SituationResult change, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SituationChangedAsync(situation, change, cancellationToken);
        }
        finally
        {
            signal.Request(situation.TableId);
        }
    }
}

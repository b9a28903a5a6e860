using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Teams.Situations;

/// <summary>What a situation card needs besides the situation: its table and the names of the agencies.</summary>
public sealed record SituationCardContext(Table? Table, IReadOnlyDictionary<string, Agency> Agencies)
{
    public static async Task<SituationCardContext> LoadAsync(IRosterStore roster, Situation situation, CancellationToken cancellationToken) =>
        new(await roster.FindTableAsync(situation.TableId, cancellationToken),
            (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase));
}

using FocusBot.Core.Roster;

namespace FocusBot.Teams.Bot;

/// <summary>The roster member behind the current turn, with what the bot needs to know about them.</summary>
public sealed record TurnMember(Member Member, Agency? Agency, IReadOnlyList<Table> Tables);

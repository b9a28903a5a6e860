namespace FocusBot.Core.Roster;

/// <summary>Every table, agency and member: the unit in which an administrator replaces the roster.</summary>
public sealed record Roster(IReadOnlyList<Table> Tables, IReadOnlyList<Agency> Agencies, IReadOnlyList<Member> Members);

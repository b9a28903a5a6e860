namespace FocusBot.Core.Roster;

/// <summary>A situation table: a weekly meeting of agencies for one or more police divisions.</summary>
public sealed class Table
{
    /// <summary>Short stable id used in commands and the API, e.g. <c>rexdale</c>.</summary>
    public required string Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Prefix of the table's situation ids, e.g. <c>RX</c> in <c>RX-2026-0142</c>.</summary>
    public required string Code { get; set; }
    public List<string> Divisions { get; set; } = [];
    /// <summary>IANA time zone in which the meeting and every due time are computed.</summary>
    public required string TimeZoneId { get; set; }
    public required MeetingSchedule Meeting { get; set; }
    /// <summary>The language of the table's channel posts (the agenda, the situation cards there): <c>en-CA</c> or <c>fr-CA</c>.</summary>
    public string Language { get; set; } = DefaultLanguage;

    /// <summary>The languages a table can post in (DESIGN.md, "Languages and accessibility").</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en-CA", "fr-CA"];

    public const string DefaultLanguage = "en-CA";

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}

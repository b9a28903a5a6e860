namespace FocusBot.Core.Roster;

// The roster file as an administrator writes it (DESIGN.md, "The roster"). Every property is nullable so that the
// validator, not the JSON reader, can name what is missing.

public sealed class RosterDocument
{
    public List<TableDocument?>? Tables { get; set; }
    public List<AgencyDocument?>? Agencies { get; set; }
    public List<MemberDocument?>? Members { get; set; }
}

public sealed class TableDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public List<string?>? Divisions { get; set; }
    public string? TimeZone { get; set; }
    /// <summary>The language of the table's channel posts: <c>en-CA</c> (the default) or <c>fr-CA</c>.</summary>
    public string? Language { get; set; }
    public MeetingDocument? Meeting { get; set; }
}

public sealed class MeetingDocument
{
    public string? Day { get; set; }
    public string? Start { get; set; }
    public int? Minutes { get; set; }
    public string? Organizer { get; set; }
    public List<string?>? RemindBefore { get; set; }
    public string? CalendarEventId { get; set; }
}

public sealed class AgencyDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Sector { get; set; }
    public List<string?>? EmailDomains { get; set; }
}

public sealed class MemberDocument
{
    public string? Email { get; set; }
    public string? AadObjectId { get; set; }
    public string? Agency { get; set; }
    public List<string?>? Tables { get; set; }
    public string? Role { get; set; }
}

namespace FocusBot.Core.Roster;

/// <summary>Turns a stored roster back into the file shape, for <c>GET /api/v1/roster</c> and export.</summary>
public static class RosterDocumentMapper
{
    public static RosterDocument ToDocument(Roster roster) => new()
    {
        Tables = roster.Tables.OrderBy(t => t.Id).Select(t => (TableDocument?)new TableDocument
        {
            Id = t.Id,
            Name = t.Name,
            Code = t.Code,
            Divisions = [.. t.Divisions],
            TimeZone = t.TimeZoneId,
            Language = t.Language,
            Meeting = new MeetingDocument
            {
                Day = t.Meeting.Day.ToString(),
                Start = t.Meeting.Start.ToString("HH:mm"),
                Minutes = t.Meeting.Minutes,
                Organizer = t.Meeting.Organizer,
                RemindBefore = [.. t.Meeting.RemindBefore.Select(Durations.Format)],
                CalendarEventId = t.Meeting.CalendarEventId,
            },
        }).ToList(),
        Agencies = roster.Agencies.OrderBy(a => a.Id).Select(a => (AgencyDocument?)new AgencyDocument
        {
            Id = a.Id, Name = a.Name, Sector = a.Sector, EmailDomains = [.. a.EmailDomains],
        }).ToList(),
        Members = roster.Members.OrderBy(m => m.Email).Select(m => (MemberDocument?)new MemberDocument
        {
            Email = m.Email, AadObjectId = m.AadObjectId, Agency = m.AgencyId, Tables = [.. m.TableIds],
            Role = RosterValidator.RoleName(m.Role),
        }).ToList(),
    };
}

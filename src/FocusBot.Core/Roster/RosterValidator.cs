using System.Globalization;
using System.Text.RegularExpressions;

namespace FocusBot.Core.Roster;

/// <summary>The outcome of validating a roster file: the roster, or every problem found in it.</summary>
public sealed record RosterValidation(Roster? Roster, IReadOnlyList<string> Problems)
{
    public bool IsValid => Roster is not null;
}

/// <summary>
/// Checks a roster as a whole and turns it into domain objects. A roster with any problem is rejected entirely,
/// with every problem listed, so that nothing is ever half-applied.
/// </summary>
public static partial class RosterValidator
{
    public const int MaxTables = 500;
    public const int MaxAgencies = 5_000;
    public const int MaxMembers = 50_000;

    public static RosterValidation Validate(RosterDocument? document)
    {
        var problems = new List<string>();
        if (document is null)
        {
            return new(null, ["The roster is empty: it needs \"tables\", \"agencies\" and \"members\"."]);
        }

        var tables = ValidateTables(document.Tables, problems);
        var agencies = ValidateAgencies(document.Agencies, problems);
        // Members are checked against every declared id, so one bad table is reported once, not once per member.
        var members = ValidateMembers(document.Members, DeclaredIds(document.Tables?.Select(t => t?.Id)),
            DeclaredIds(document.Agencies?.Select(a => a?.Id)), problems);

        return problems.Count == 0 ? new(new Roster(tables, agencies, members), []) : new(null, problems);
    }

    private static List<Table> ValidateTables(List<TableDocument?>? documents, List<string> problems)
    {
        var tables = new List<Table>();
        if (documents is null || documents.Count == 0)
        {
            problems.Add("tables: at least one table is required.");
            return tables;
        }
        if (documents.Count > MaxTables)
        {
            problems.Add($"tables: {documents.Count} tables is more than the {MaxTables} allowed.");
            return tables;
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < documents.Count; i++)
        {
            var at = $"tables[{i}]";
            var doc = documents[i];
            if (doc is null) { problems.Add($"{at}: is empty."); continue; }

            var before = problems.Count;
            var id = RequireId(doc.Id, $"{at}.id", problems);
            if (id is not null && !ids.Add(id)) problems.Add($"{at}.id: \"{id}\" is used by another table.");
            var name = RequireText(doc.Name, $"{at}.name", 100, problems);
            var code = doc.Code?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(code) || !TableCodePattern().IsMatch(code))
                problems.Add($"{at}.code: must be 2 to 4 letters, e.g. \"RX\".");
            else if (!codes.Add(code))
                problems.Add($"{at}.code: \"{code}\" is used by another table.");

            var divisions = new List<string>();
            foreach (var division in doc.Divisions ?? [])
            {
                if (string.IsNullOrWhiteSpace(division) || division.Length > 20)
                    problems.Add($"{at}.divisions: each division must be a short non-empty text.");
                else divisions.Add(division.Trim());
            }

            var timeZone = doc.TimeZone?.Trim();
            if (string.IsNullOrEmpty(timeZone))
                problems.Add($"{at}.timeZone: is required, e.g. \"America/Toronto\".");
            else if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
                problems.Add($"{at}.timeZone: \"{Shorten(timeZone)}\" is not a known time zone (use an IANA name such as \"America/Toronto\").");

            var language = doc.Language?.Trim();
            if (language is not null && !Table.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
                problems.Add($"{at}.language: \"{Shorten(language)}\" is not one of FocusBot's languages ({string.Join(", ", Table.Languages)}).");

            var meeting = ValidateMeeting(doc.Meeting, $"{at}.meeting", problems);

            if (problems.Count == before)
            {
                tables.Add(new Table
                {
                    Id = id!, Name = name!, Code = code!, Divisions = divisions, TimeZoneId = timeZone!, Meeting = meeting!,
                    Language = Table.Languages.First(l => l.Equals(language ?? Table.DefaultLanguage, StringComparison.OrdinalIgnoreCase)),
                });
            }
        }
        return tables;
    }

    private static MeetingSchedule? ValidateMeeting(MeetingDocument? doc, string at, List<string> problems)
    {
        if (doc is null)
        {
            problems.Add($"{at}: is required (day, start, minutes).");
            return null;
        }

        var before = problems.Count;
        DayOfWeek day = default;
        if (string.IsNullOrWhiteSpace(doc.Day) || int.TryParse(doc.Day, out _) || !Enum.TryParse(doc.Day.Trim(), ignoreCase: true, out day))
            problems.Add($"{at}.day: must be a day of the week, e.g. \"Tuesday\".");

        TimeOnly start = default;
        if (string.IsNullOrWhiteSpace(doc.Start) ||
            !TimeOnly.TryParseExact(doc.Start.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
            problems.Add($"{at}.start: must be a 24-hour time, e.g. \"10:00\".");

        if (doc.Minutes is not (>= 15 and <= 480))
            problems.Add($"{at}.minutes: must be between 15 and 480.");

        var organizer = doc.Organizer?.Trim();
        if (!string.IsNullOrEmpty(organizer) && !EmailAddress.IsValid(organizer))
            problems.Add($"{at}.organizer: \"{Shorten(organizer)}\" is not an e-mail address.");

        var remindBefore = new List<TimeSpan>();
        if (doc.RemindBefore is null)
        {
            remindBefore = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];
        }
        else
        {
            foreach (var text in doc.RemindBefore)
            {
                if (Durations.TryParse(text, out var lead) && lead > TimeSpan.Zero && lead <= TimeSpan.FromDays(14))
                {
                    if (!remindBefore.Contains(lead)) remindBefore.Add(lead);
                }
                else problems.Add($"{at}.remindBefore: \"{Shorten(text)}\" is not a duration such as \"24h\", \"90m\" or \"1h30m\" (at most 14 days).");
            }
        }

        if (problems.Count > before) return null;
        return new MeetingSchedule
        {
            Day = day,
            Start = start,
            Minutes = doc.Minutes!.Value,
            Organizer = string.IsNullOrEmpty(organizer) ? null : organizer.ToLowerInvariant(),
            RemindBefore = remindBefore.OrderByDescending(t => t).ToList(),
            CalendarEventId = string.IsNullOrWhiteSpace(doc.CalendarEventId) ? null : doc.CalendarEventId.Trim(),
        };
    }

    private static List<Agency> ValidateAgencies(List<AgencyDocument?>? documents, List<string> problems)
    {
        var agencies = new List<Agency>();
        if (documents is null || documents.Count == 0)
        {
            problems.Add("agencies: at least one agency is required.");
            return agencies;
        }
        if (documents.Count > MaxAgencies)
        {
            problems.Add($"agencies: {documents.Count} agencies is more than the {MaxAgencies} allowed.");
            return agencies;
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < documents.Count; i++)
        {
            var at = $"agencies[{i}]";
            var doc = documents[i];
            if (doc is null) { problems.Add($"{at}: is empty."); continue; }

            var before = problems.Count;
            var id = RequireId(doc.Id, $"{at}.id", problems);
            if (id is not null && !ids.Add(id)) problems.Add($"{at}.id: \"{id}\" is used by another agency.");
            var name = RequireText(doc.Name, $"{at}.name", 150, problems);
            var sector = RequireText(doc.Sector, $"{at}.sector", 100, problems);
            var domains = new List<string>();
            foreach (var domain in doc.EmailDomains ?? [])
            {
                var trimmed = domain?.Trim().ToLowerInvariant();
                if (string.IsNullOrEmpty(trimmed) || !DomainPattern().IsMatch(trimmed))
                    problems.Add($"{at}.emailDomains: \"{Shorten(domain)}\" is not a domain name.");
                else if (!domains.Contains(trimmed)) domains.Add(trimmed);
            }

            if (problems.Count == before)
                agencies.Add(new Agency { Id = id!, Name = name!, Sector = sector!, EmailDomains = domains });
        }
        return agencies;
    }

    private static HashSet<string> DeclaredIds(IEnumerable<string?>? ids) =>
        (ids ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static List<Member> ValidateMembers(
        List<MemberDocument?>? documents, HashSet<string> tableIds, HashSet<string> agencyIds, List<string> problems)
    {
        var members = new List<Member>();
        if (documents is null) return members;
        if (documents.Count > MaxMembers)
        {
            problems.Add($"members: {documents.Count} members is more than the {MaxMembers} allowed.");
            return members;
        }

        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var objectIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < documents.Count; i++)
        {
            var at = $"members[{i}]";
            var doc = documents[i];
            if (doc is null) { problems.Add($"{at}: is empty."); continue; }

            var before = problems.Count;
            var email = doc.Email?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(email) || !EmailAddress.IsValid(email))
                problems.Add($"{at}.email: \"{Shorten(doc.Email)}\" is not an e-mail address.");
            else if (!emails.Add(email))
                problems.Add($"{at}.email: \"{email}\" is listed twice.");

            string? objectId = null;
            if (!string.IsNullOrWhiteSpace(doc.AadObjectId))
            {
                if (!Guid.TryParse(doc.AadObjectId, out var guid))
                    problems.Add($"{at}.aadObjectId: must be a GUID (the user's Entra object id).");
                else if (!objectIds.Add(objectId = guid.ToString()))
                    problems.Add($"{at}.aadObjectId: \"{objectId}\" is used by another member.");
            }

            var agency = doc.Agency?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(agency))
                problems.Add($"{at}.agency: is required.");
            else if (!agencyIds.Contains(agency))
                problems.Add($"{at}.agency: \"{Shorten(agency)}\" is not an agency of this roster.");

            var memberTables = new List<string>();
            if (doc.Tables is null || doc.Tables.Count == 0)
                problems.Add($"{at}.tables: at least one table is required.");
            foreach (var table in doc.Tables ?? [])
            {
                var tableId = table?.Trim().ToLowerInvariant();
                if (string.IsNullOrEmpty(tableId) || !tableIds.Contains(tableId))
                    problems.Add($"{at}.tables: \"{Shorten(table)}\" is not a table of this roster.");
                else if (!memberTables.Contains(tableId)) memberTables.Add(tableId);
            }

            MemberRole role = default;
            if (!TryParseRole(doc.Role, out role))
                problems.Add($"{at}.role: must be \"rep\", \"cochair\" or \"admin\".");

            if (problems.Count == before)
            {
                members.Add(new Member
                {
                    Email = email!, AadObjectId = objectId, AgencyId = agency!, Role = role, TableIds = memberTables,
                });
            }
        }
        return members;
    }

    public static bool TryParseRole(string? text, out MemberRole role)
    {
        role = MemberRole.Rep;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "rep": role = MemberRole.Rep; return true;
            case "cochair" or "co-chair": role = MemberRole.CoChair; return true;
            case "admin": role = MemberRole.Admin; return true;
            default: return false;
        }
    }

    public static string RoleName(MemberRole role) => role switch
    {
        MemberRole.CoChair => "cochair",
        MemberRole.Admin => "admin",
        _ => "rep",
    };

    private static string? RequireId(string? value, string at, List<string> problems)
    {
        var id = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
        {
            problems.Add($"{at}: must be 1 to 40 lower-case letters, digits or dashes, e.g. \"rexdale\".");
            return null;
        }
        return id;
    }

    private static string? RequireText(string? value, string at, int maxLength, List<string> problems)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problems.Add($"{at}: is required.");
            return null;
        }
        if (text.Length > maxLength)
        {
            problems.Add($"{at}: is longer than {maxLength} characters.");
            return null;
        }
        return text;
    }

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2,4}$")]
    private static partial Regex TableCodePattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();
}

using System.Text;
using FocusBot.Core.Roster;

namespace FocusBot.Core.Tests.RosterFiles;

public class RosterValidatorTests
{
    private const string ValidRoster = """
        {
          "tables": [{ "id": "rexdale", "name": "Rexdale", "code": "RX", "divisions": ["22", "23"],
                       "timeZone": "America/Toronto",
                       "meeting": { "day": "Tuesday", "start": "10:00", "minutes": 90, "organizer": "focus-rexdale@example.org" } }],
          "agencies": [{ "id": "cmha", "name": "CMHA Toronto", "sector": "Mental health", "emailDomains": ["cmha.example"] }],
          "members": [{ "email": "Alex@CMHA.example", "aadObjectId": "6f1c1f5e-4b1e-4f7a-9a53-1e6a6f0c2b11", "agency": "cmha",
                        "tables": ["rexdale"], "role": "rep" }]
        }
        """;

    private static Task<RosterValidation> Read(string json) =>
        RosterFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None);

    [Fact]
    public async Task A_valid_roster_becomes_tables_agencies_and_members()
    {
        var result = await Read(ValidRoster);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var table = Assert.Single(result.Roster!.Tables);
        Assert.Equal(("rexdale", "RX", "America/Toronto"), (table.Id, table.Code, table.TimeZoneId));
        Assert.Equal(DayOfWeek.Tuesday, table.Meeting.Day);
        Assert.Equal(new TimeOnly(10, 0), table.Meeting.Start);
        Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(1)], table.Meeting.RemindBefore);
        var member = Assert.Single(result.Roster.Members);
        Assert.Equal("alex@cmha.example", member.Email);
        Assert.Equal(MemberRole.Rep, member.Role);
        Assert.Equal(["rexdale"], member.TableIds);
    }

    [Theory]
    [InlineData(null, "en-CA")]
    [InlineData("\"fr-CA\"", "fr-CA")]
    [InlineData("\"FR-ca\"", "fr-CA")]
    public async Task A_table_posts_in_its_language_English_by_default(string? language, string expected)
    {
        var json = language is null ? ValidRoster : ValidRoster.Replace("\"timeZone\": \"America/Toronto\",", $"\"timeZone\": \"America/Toronto\", \"language\": {language},");

        var result = await Read(json);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(expected, Assert.Single(result.Roster!.Tables).Language);
    }

    [Fact]
    public async Task A_language_FocusBot_does_not_speak_is_refused()
    {
        var result = await Read(ValidRoster.Replace("\"timeZone\": \"America/Toronto\",", "\"timeZone\": \"America/Toronto\", \"language\": \"es-MX\","));

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("language", StringComparison.Ordinal) && p.Contains("es-MX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_problem_is_listed_not_just_the_first()
    {
        var result = await Read("""
            {
              "tables": [
                { "id": "rexdale", "name": "Rexdale", "code": "RX", "timeZone": "Mars/Olympus",
                  "meeting": { "day": "Funday", "start": "25:00", "minutes": 5 } },
                { "id": "rexdale", "name": "Again", "code": "RX", "timeZone": "America/Toronto",
                  "meeting": { "day": "Monday", "start": "09:00", "minutes": 60, "remindBefore": ["soon"] } }
              ],
              "agencies": [{ "id": "cmha", "name": "CMHA", "sector": "Mental health" },
                           { "id": "CMHA", "name": "Duplicate", "sector": "Mental health" }],
              "members": [{ "email": "a@cmha.example", "agency": "nobody", "tables": ["york"], "role": "boss" },
                          { "email": "A@cmha.example", "agency": "cmha", "tables": ["rexdale"], "role": "rep" },
                          { "email": "not-an-email", "agency": "cmha", "tables": [], "role": "rep", "aadObjectId": "x" }]
            }
            """);

        Assert.False(result.IsValid);
        Assert.Null(result.Roster);
        string[] expected =
        [
            "tables[0].timeZone", "tables[0].meeting.day", "tables[0].meeting.start", "tables[0].meeting.minutes",
            "tables[1].id", "tables[1].code", "tables[1].meeting.remindBefore",
            "agencies[1].id",
            "members[0].agency", "members[0].tables", "members[0].role",
            "members[1].email",
            "members[2].email", "members[2].aadObjectId", "members[2].tables",
        ];
        foreach (var field in expected)
            Assert.Contains(result.Problems, p => p.StartsWith(field + ":", StringComparison.Ordinal));
        Assert.Equal(expected.Length, result.Problems.Count);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "not valid JSON")]
    [InlineData("null", "empty")]
    [InlineData("{}", "tables: at least one table")]
    [InlineData("""{ "tables": "rexdale" }""", "not valid JSON")]
    public async Task Malformed_files_are_refused_with_a_reason(string json, string reason)
    {
        var result = await Read(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "tables": "rexdale" }""", "$.tables")]
    [InlineData("""{ "tables": [{ "id": 5 }] }""", "$.tables[0].id")]
    public async Task A_value_of_the_wrong_kind_is_named_by_its_place_in_the_file_not_by_dotnet_types(string json, string path)
    {
        var problem = Assert.Single((await Read(json)).Problems);

        Assert.Contains(path, problem);
        Assert.DoesNotContain("System.", problem);
        Assert.DoesNotContain("FocusBot.", problem);
    }

    [Theory]
    [InlineData("24h", 24 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1h30m", 90)]
    [InlineData(" 2H ", 120)]
    public void Reminder_durations_are_read(string text, int minutes)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("24")]
    [InlineData("-1h")]
    [InlineData("1d")]
    [InlineData("1h 30m")]
    public void Other_durations_are_not(string text) => Assert.False(Durations.TryParse(text, out _));

    [Fact]
    public async Task A_stored_roster_written_back_out_reads_the_same()
    {
        var first = (await Read(ValidRoster)).Roster!;
        var json = System.Text.Json.JsonSerializer.Serialize(RosterDocumentMapper.ToDocument(first), RosterFile.JsonOptions);

        var second = (await Read(json)).Roster!;

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(RosterDocumentMapper.ToDocument(first), RosterFile.JsonOptions),
            System.Text.Json.JsonSerializer.Serialize(RosterDocumentMapper.ToDocument(second), RosterFile.JsonOptions));
    }

    [Fact]
    public async Task Too_many_members_is_refused_without_reading_each()
    {
        var document = (await Read(ValidRoster)).Roster is { } roster ? RosterDocumentMapper.ToDocument(roster) : null;
        document!.Members = Enumerable.Range(0, RosterValidator.MaxMembers + 1)
            .Select(i => (MemberDocument?)new MemberDocument { Email = $"m{i}@cmha.example", Agency = "cmha", Tables = ["rexdale"], Role = "rep" })
            .ToList();

        var result = RosterValidator.Validate(document);

        Assert.Equal(["members: 50001 members is more than the 50000 allowed."], result.Problems);
    }
}

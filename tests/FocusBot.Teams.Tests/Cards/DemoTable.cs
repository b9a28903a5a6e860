using FocusBot.Core.Catalogue;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Teams.Tests.Cards;

/// <summary>
/// The sample roster's Demo Table, and situation DM-2026-0001 recorded through the domain on Tuesday
/// 24 November 2026 at 10:15 in Toronto.
/// </summary>
internal static class DemoTable
{
    public static readonly DateTimeOffset RecordedAt = new(2026, 11, 24, 15, 15, 0, TimeSpan.Zero);

    public const string Summary = "Young man sleeping rough after eviction, escalating crisis calls.";

    public static readonly SituationCatalogue Catalogue = new();

    public static readonly Table Demo = new()
    {
        Id = "demo", Name = "Demo Table", Code = "DM", Divisions = ["98", "99"], TimeZoneId = "America/Toronto",
        Meeting = new MeetingSchedule { Day = DayOfWeek.Tuesday, Start = new TimeOnly(10, 0), Minutes = 90 },
    };

    public static readonly Table Lakeside = new()
    {
        Id = "lakeside", Name = "Lakeside Table", Code = "LK", Divisions = ["97"], TimeZoneId = "America/Toronto",
        Meeting = new MeetingSchedule { Day = DayOfWeek.Thursday, Start = new TimeOnly(13, 30), Minutes = 90 },
    };

    public static readonly IReadOnlyList<Table> Tables = [Demo, Lakeside];

    public static readonly IReadOnlyList<Agency> Agencies =
    [
        new() { Id = "city", Name = "City Community Safety", Sector = "Municipal services" },
        new() { Id = "tps-99", Name = "Police Division 99", Sector = "Police" },
        new() { Id = "northside-mh", Name = "Northside Mental Health", Sector = "Mental health" },
        new() { Id = "harbour-housing", Name = "Harbour Housing Services", Sector = "Housing" },
        new() { Id = "youthlink", Name = "YouthLink Services", Sector = "Youth services" },
    ];

    public static readonly IReadOnlyDictionary<string, Agency> AgenciesById = Agencies.ToDictionary(a => a.Id);

    public static Agency Agency(string id) => AgenciesById[id];

    public static Member CoChair => new() { Email = "chair.demo@city.example", AgencyId = "city", Role = MemberRole.CoChair, TableIds = ["demo"] };
    public static Member LeadRep => Rep("rep.demo@northside-mh.example", "northside-mh");
    public static Member AssistingRep => Rep("rep.demo@harbour-housing.example", "harbour-housing");
    public static Member UninvolvedRep => Rep("rep.demo@youthlink.example", "youthlink");
    public static Member OriginatingRep => Rep("rep.demo@tps99.example", "tps-99");

    public static Member Rep(string email, string agencyId) =>
        new() { Email = email, AgencyId = agencyId, Role = MemberRole.Rep, TableIds = ["demo"] };

    public static NewSituationRequest Request() => new()
    {
        Table = "demo",
        Type = "person",
        AgeGroup = "18-24",
        Gender = "male",
        RiskFactors = ["mental-health", "housing"],
        Summary = Summary,
        OriginatingAgency = "tps-99",
        LeadAgency = "northside-mh",
        AssistingAgencies = ["harbour-housing"],
    };

    public static Situation Recorded(DateTimeOffset? at = null)
    {
        var validation = new NewSituationValidator(Catalogue).Validate(Request(), CoChair, Tables, Agencies);
        var newSituation = validation.NewSituation
            ?? throw new InvalidOperationException(string.Join("; ", validation.Problems.SelectMany(p => p.Value)));
        return Situation.Record(SituationId.Create("DM", 2026, 1), newSituation, at ?? RecordedAt);
    }

    /// <summary>The lead accepted an hour after recording: the 48-hour update is due Thursday 26 November, 11:15 a.m.</summary>
    public static Situation LeadAccepted(DateTimeOffset? acceptedAt = null)
    {
        var situation = Recorded();
        Succeeds(situation.Accept("northside-mh", LeadRep, acceptedAt ?? RecordedAt.AddHours(1)));
        return situation;
    }

    public static void Succeeds(SituationResult result) => Assert.True(result.Succeeded, result.Message);

    public static SituationCardViewer Personal(Member member, Situation situation) =>
        SituationCardViewer.InPersonalChat(member, situation);
}

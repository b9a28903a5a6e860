using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Core.Tests.Situations;

/// <summary>A small synthetic table: who sits where, and a situation recorded on Tuesday morning.</summary>
internal static class RexdaleTable
{
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 4, 14, 10, 30, 0, TimeSpan.FromHours(-4));

    public static readonly SituationCatalogue Choices = new();

    public static readonly Table Rexdale = new()
    {
        Id = "rexdale", Name = "Rexdale", Code = "RX", Divisions = ["22", "23"], TimeZoneId = "America/Toronto",
        Meeting = new MeetingSchedule { Day = DayOfWeek.Tuesday, Start = new TimeOnly(10, 0), Minutes = 90 },
    };

    public static readonly Table York = new()
    {
        Id = "york", Name = "York", Code = "YK", Divisions = ["12", "13"], TimeZoneId = "America/Toronto",
        Meeting = new MeetingSchedule { Day = DayOfWeek.Thursday, Start = new TimeOnly(13, 30), Minutes = 90 },
    };

    public static readonly IReadOnlyList<Table> Tables = [Rexdale, York];

    public static readonly IReadOnlyList<Agency> Agencies =
    [
        new() { Id = "tps-23", Name = "Police Division 23", Sector = "Police" },
        new() { Id = "cmha", Name = "CMHA Toronto", Sector = "Mental health" },
        new() { Id = "housing", Name = "Harbour Housing", Sector = "Housing" },
        new() { Id = "youth", Name = "YouthLink", Sector = "Youth services" },
        new() { Id = "city", Name = "City Community Safety", Sector = "Municipal services" },
    ];

    public static Member LeadRep => Rep("lead@cmha.example", "cmha");
    public static Member AssistingRep => Rep("assist@housing.example", "housing");
    public static Member UninvolvedRep => Rep("other@youth.example", "youth");
    public static Member OriginatingRep => Rep("officer@tps23.example", "tps-23");
    public static Member CoChair => new() { Email = "chair@city.example", AgencyId = "city", Role = MemberRole.CoChair, TableIds = ["rexdale"] };
    public static Member Admin => new() { Email = "admin@city.example", AgencyId = "city", Role = MemberRole.Admin, TableIds = ["rexdale", "york"] };
    public static Member CoChairOfYork => new() { Email = "chair@york.example", AgencyId = "city", Role = MemberRole.CoChair, TableIds = ["york"] };
    /// <summary>Same agency as the lead, but sits at another table.</summary>
    public static Member LeadAgencyRepAtYork => Rep("york@cmha.example", "cmha", "york");

    public static Member Rep(string email, string agencyId, string tableId = "rexdale") =>
        new() { Email = email, AgencyId = agencyId, Role = MemberRole.Rep, TableIds = [tableId] };

    public static NewSituationRequest Request() => new()
    {
        Table = "rexdale",
        Type = "person",
        AgeGroup = "18-24",
        Gender = "male",
        RiskFactors = ["mental-health", "housing"],
        Summary = "Young man sleeping rough after eviction, escalating crisis calls.",
        OriginatingAgency = "tps-23",
        LeadAgency = "cmha",
        AssistingAgencies = ["housing"],
    };

    /// <summary>A discussion the table found below the threshold: filter-2 fields only.</summary>
    public static NewSituationRequest NotAerRequest() => Request() with
    {
        AerMet = false, Summary = null, LeadAgency = null, AssistingAgencies = null,
    };

    /// <summary>The agencies on Rexdale's roster (each has a member sitting there); York's YouthLink is not.</summary>
    public static readonly IReadOnlyList<Agency> RexdaleAgencies = [.. Agencies.Where(a => a.Id != "youth")];

    public static NewSituation Valid(NewSituationRequest? request = null) =>
        new NewSituationValidator(Choices).Validate(request ?? Request(), CoChair, Tables, Agencies).NewSituation
        ?? throw new InvalidOperationException("The sample request should be valid.");

    public static Situation Recorded(DateTimeOffset? at = null) =>
        Situation.Record(SituationId.Create("RX", 2026, 142), Valid(), at ?? TuesdayMorning);

    public static Situation Active(DateTimeOffset? acceptedAt = null)
    {
        var situation = Recorded();
        situation.Accept("cmha", LeadRep, acceptedAt ?? TuesdayMorning.AddHours(1));
        return situation;
    }
}

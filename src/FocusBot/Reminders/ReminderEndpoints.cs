using FocusBot.Core.Situations;
using System.Globalization;
using FocusBot.Core.Agenda;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Hosting;
using FocusBot.Situations;

namespace FocusBot.Reminders;

/// <summary><c>GET /api/v1/reminders?before=</c> (what is scheduled) and <c>GET /api/v1/tables/{id}/agenda</c> (co-chairs and administrators).</summary>
public static class ReminderEndpoints
{
    public const int MaxListed = 1000;

    public static RouteGroupBuilder MapReminders(this RouteGroupBuilder api)
    {
        api.MapGet("/reminders", ListAsync).WithTags("Reminders").RequireAuthorization(BackendPolicies.CoChair)
            .WithSummary("Planned reminders due before the given instant (ISO 8601; default a week from now), of the caller's tables, earliest first.")
            .Produces<IReadOnlyList<ReminderDto>>()
            .ProducesValidationProblem();

        api.MapGet("/tables/{id}/agenda", AgendaAsync).WithTags("Reminders").RequireAuthorization(BackendPolicies.CoChair)
            .WithSummary("The agenda of the table's next meeting: time, join link and the situations to go through (de-identified).")
            .Produces<AgendaDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(string? before, ApiCaller caller, IReminderStore reminders, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow().AddDays(7);
        if (!string.IsNullOrEmpty(before) && !DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out until))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["before"] = ["Must be an ISO 8601 instant, e.g. 2026-12-01T15:00:00Z."],
            });

        var member = await caller.MemberAsync(http.User, cancellationToken);
        var tables = SituationListing.CoChairedTables(member);
        var found = await reminders.ScheduledAsync(tables, until, MaxListed, cancellationToken);
        return TypedResults.Ok(found.Select(ReminderDto.From).ToList());
    }

    private static async Task<IResult> AgendaAsync(string id, ApiCaller caller, AgendaService agendas, IRosterStore roster, HttpContext http,
        CancellationToken cancellationToken)
    {
        var member = await caller.MemberAsync(http.User, cancellationToken);
        var agenda = member is not null && member.SitsAt(id) ? await agendas.NextAsync(id.ToLowerInvariant(), cancellationToken) : null;
        return agenda is null
            ? TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No table with that id is yours to see.")
            : TypedResults.Ok(AgendaDto.From(agenda));
    }
}

public sealed record ReminderDto(
    Guid Id, string Kind, string Table, string? Situation, string Target, DateTimeOffset Occurrence, DateTimeOffset DueAt,
    string State, int Attempts, string? LastError)
{
    public static ReminderDto From(Reminder r) => new(r.Id, Camel(r.Kind.ToString()), r.TableId, r.SituationId, r.Target,
        r.Occurrence, r.DueAt, Camel(r.State.ToString()), r.Attempts, r.LastError);

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <param name="LocalStart">The meeting's start on the table's clock, e.g. 2026-12-01T10:00:00-05:00.</param>
public sealed record MeetingDto(DateTimeOffset Start, DateTimeOffset LocalStart, DateTimeOffset End, string TimeZone, string? JoinUrl);

/// <summary>A situation on the agenda: filter-2 fields only.</summary>
public sealed record AgendaItemDto(
    string Id, string Type, string AgeGroup, string Gender, IReadOnlyList<string> RiskFactors, string Status, string LeadAgency,
    IReadOnlyList<string> AssistingAgencies, DateOnly DiscussedOn, DateTimeOffset? UpdateDueAt, IReadOnlyList<string> UnacceptedAgencies)
{
    public static AgendaItemDto From(AgendaItem i) => new(i.SituationId, i.TypeId, i.AgeGroupId, i.GenderId, i.RiskFactorIds,
        ReminderDto.Camel(i.Status.ToString()), i.LeadAgencyId, i.AssistingAgencyIds, i.DiscussedOn, i.UpdateDueAt, i.UnacceptedAgencyIds);
}

public sealed record AgendaDto(
    string Table, MeetingDto? NextMeeting, DateTimeOffset? LastMeetingStart, IReadOnlyList<AgendaItemDto> NewSituations,
    IReadOnlyList<AgendaItemDto> ReportBack, IReadOnlyList<AgendaItemDto> OverdueUpdates, IReadOnlyList<AgendaItemDto> UnacceptedAssignments)
{
    public static AgendaDto From(MeetingAgenda a) => new(a.Table.Id,
        a.NextMeeting is { } m ? new MeetingDto(m.Start.ToUniversalTime(), TimeZoneInfo.ConvertTime(m.Start, a.Table.TimeZone), m.End.ToUniversalTime(), a.Table.TimeZoneId, m.JoinUrl) : null,
        a.LastMeetingStart?.ToUniversalTime(),
        [.. a.NewSituations.Select(AgendaItemDto.From)], [.. a.ReportBack.Select(AgendaItemDto.From)],
        [.. a.OverdueUpdates.Select(AgendaItemDto.From)], [.. a.UnacceptedAssignments.Select(AgendaItemDto.From)]);
}

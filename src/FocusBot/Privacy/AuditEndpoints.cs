using System.Globalization;
using FocusBot.Core.Audit;
using FocusBot.Hosting;

namespace FocusBot.Privacy;

/// <summary>
/// <c>GET /api/v1/audit?situation=&amp;member=&amp;from=&amp;to=</c> (administrators): who read which situation, when and
/// through what, and what the retention job erased; newest first.
/// </summary>
public static class AuditEndpoints
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).WithTags("Audit").RequireAuthorization(BackendPolicies.Admin)
            .WithSummary("Audit rows (reads of a situation's summary or notes, and purges), newest first, at most 5000. " +
                "Filters: situation id, member e-mail, from (included) and to (not included), each an ISO 8601 instant or a " +
                "yyyy-MM-dd date (midnight in Toronto).")
            .Produces<IReadOnlyList<AuditEntryDto>>()
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> ListAsync(string? situation, string? member, string? from, string? to, IAuditLog log,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var since = Instant("from", from, problems);
        var until = Instant("to", to, problems);
        if (since is not null && until is not null && until <= since) problems["to"] = ["Must be after from."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems, title: "The audit could not be listed.");

        var rows = await log.ListAsync(new AuditQuery(situation, member, since, until), cancellationToken);
        return TypedResults.Ok(rows.Select(AuditEntryDto.From).ToList());
    }

    private static DateTimeOffset? Instant(string field, string? text, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, Toronto.GetUtcOffset(midnight));
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var instant))
            return instant;
        problems[field] = ["Must be an ISO 8601 instant (2026-12-01T15:00:00Z) or a date (2026-12-01)."];
        return null;
    }
}

/// <summary>One audit row as the API returns it: action read or purge; through teams-card, teams-card-refresh, api, api-list, tab, retention-job or purge-command.</summary>
public sealed record AuditEntryDto(DateTimeOffset At, string Action, string Through, string? Situation, string Member, string? Role, string? Detail)
{
    public static AuditEntryDto From(AuditEntry e) => new(e.At, Kebab(e.Action.ToString()), Kebab(e.Through.ToString()), e.SituationId,
        e.MemberEmail, e.Role, e.Detail);

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Hosting;

namespace FocusBot.Situations;

/// <summary><c>/api/v1/situations</c>: record and read situations (co-chairs and administrators).</summary>
public static class SituationEndpoints
{
    public static RouteGroupBuilder MapSituations(this RouteGroupBuilder api)
    {
        var situations = api.MapGroup("/situations").WithTags("Situations").RequireAuthorization(BackendPolicies.CoChair);

        situations.MapPost("/", RecordAsync)
            .WithSummary("Records a situation after filter 2 and names the lead and assisting agencies.")
            .Produces<SituationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        situations.MapGet("/", ListAsync)
            .WithSummary("Situations, filtered by table, status (open, active, concluded) and agency.")
            .Produces<IReadOnlyList<SituationDto>>()
            .ProducesValidationProblem();

        situations.MapGet("/{id}", GetAsync)
            .WithSummary("One situation with its assignments, updates and history.")
            .Produces<SituationDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> RecordAsync(NewSituationRequest? request, ApiCaller caller, SituationWorkflow workflow,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A situation is required."] });
        var member = await caller.MemberAsync(http.User, cancellationToken);
        var outcome = await workflow.RecordAsync(request, member, cancellationToken);
        return outcome.Situation is { } situation
            ? TypedResults.Created($"/api/v1/situations/{situation.Id}", SituationDto.From(situation))
            : TypedResults.ValidationProblem(outcome.Problems, title: "The situation was not recorded: some fields are invalid.");
    }

    private static async Task<IResult> ListAsync(string? table, string? status, string? agency, ApiCaller caller, ISituationStore store,
        HttpContext http, CancellationToken cancellationToken)
    {
        SituationStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<SituationStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Must be open, active or concluded."] });
            wanted = parsed;
        }

        var member = await caller.MemberAsync(http.User, cancellationToken);
        var tables = member?.Role == MemberRole.Admin && caller.IsDevelopmentCaller(member) ? null : member?.TableIds ?? [];
        if (table is not null) tables = tables is null || tables.Contains(table, StringComparer.OrdinalIgnoreCase) ? [table.ToLowerInvariant()] : [];
        var found = await store.ListAsync(new SituationQuery(tables, wanted is null ? null : [wanted.Value], agency?.ToLowerInvariant()), cancellationToken);
        return TypedResults.Ok(found.Select(SituationDto.From).ToList());
    }

    private static async Task<IResult> GetAsync(string id, ApiCaller caller, SituationWorkflow workflow, HttpContext http,
        CancellationToken cancellationToken)
    {
        var member = await caller.MemberAsync(http.User, cancellationToken);
        var situation = await workflow.FindVisibleAsync(id, member, cancellationToken);
        return situation is not null && SituationVisibility.For(member, situation) == SituationAccess.Full
            ? TypedResults.Ok(SituationDto.From(situation))
            : TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No situation with that id is yours to see.");
    }
}

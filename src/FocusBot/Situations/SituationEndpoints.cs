using FocusBot.Core.Audit;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Hosting;
using FocusBot.Idempotency;

namespace FocusBot.Situations;

/// <summary><c>/api/v1/situations</c>: record, read, change agencies, conclude and re-open situations (co-chairs and administrators).</summary>
public static class SituationEndpoints
{
    /// <summary>A situation is a few hundred bytes; the limit leaves room for an oversized field to be named, not just refused.</summary>
    public const long MaxRecordBytes = 2 * 1024 * 1024;
    public const long MaxConcludeBytes = 16 * 1024;
    public const long MaxAgencyBytes = 16 * 1024;

    public static RouteGroupBuilder MapSituations(this RouteGroupBuilder api)
    {
        var situations = api.MapGroup("/situations").WithTags("Situations").RequireAuthorization(BackendPolicies.CoChair);

        situations.MapPost("/", RecordAsync)
            .Idempotent()
            .WithSummary("Records a situation after filter 2 and names the lead and assisting agencies.")
            .Accepts<NewSituationRequest>("application/json")
            .Produces<SituationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        situations.MapGet("/", ListAsync)
            .WithSummary("Situations of the tables the caller co-chairs, filtered by table, status (open, active, concluded) and agency.")
            .Produces<IReadOnlyList<SituationDto>>()
            .ProducesValidationProblem();

        situations.MapGet("/{id}", GetAsync)
            .WithSummary("One situation with its assignments, updates and history.")
            .Produces<SituationDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        situations.MapPost("/{id}/conclude", ConcludeAsync)
            .Idempotent()
            .WithSummary("Concludes a situation with one of the table's outcomes (RTD style).")
            .Accepts<ConcludeRequest>("application/json")
            .Produces<SituationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        situations.MapPost("/{id}/reopen", ReopenAsync)
            .Idempotent()
            .WithSummary("Re-opens a concluded situation: active again if a lead had accepted, else open.")
            .Produces<SituationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        situations.MapPost("/{id}/lead", ChangeLeadAsync)
            .Idempotent()
            .WithSummary("Names a new lead agency: the old lead is released, the new one asked (48 hours from now for its 48-hour update); the situation is open again.")
            .Accepts<AgencyRequest>("application/json")
            .Produces<SituationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        situations.MapPost("/{id}/assisting", AddAssistingAsync)
            .Idempotent()
            .WithSummary("Adds an assisting agency from the table's roster; its representatives get the card.")
            .Accepts<AgencyRequest>("application/json")
            .Produces<SituationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        situations.MapDelete("/{id}/assisting/{agency}", ReleaseAsync)
            .Idempotent()
            .WithSummary("Releases an assisting agency (never the lead: name another lead instead).")
            .Produces<SituationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        situations.MapPost("/{id}/assignments/{agency}/ask-again", AskAgainAsync)
            .Idempotent()
            .WithSummary("Asks an agency that declined again, in the same role (a lead gets 48 hours from now for its 48-hour update).")
            .Produces<SituationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ChangeLeadAsync(string id, HttpRequest http, ApiCaller caller, SituationWorkflow workflow,
        CancellationToken cancellationToken) =>
        await WithAgencyAsync(http, "The lead agency was not changed.", caller, cancellationToken,
            (agency, member) => workflow.ChangeLeadAsync(id, agency, member, cancellationToken), workflow, id);

    private static async Task<IResult> AddAssistingAsync(string id, HttpRequest http, ApiCaller caller, SituationWorkflow workflow,
        CancellationToken cancellationToken) =>
        await WithAgencyAsync(http, "The assisting agency was not added.", caller, cancellationToken,
            (agency, member) => workflow.AddAssistingAsync(id, agency, member, cancellationToken), workflow, id);

    private static async Task<IResult> ReleaseAsync(string id, string agency, ApiCaller caller, SituationWorkflow workflow, HttpContext http,
        CancellationToken cancellationToken)
    {
        var member = await caller.MemberAsync(http.User, cancellationToken);
        if (member is null) return NotFound();
        return await AgencyAnswerAsync(await workflow.ReleaseAsync(id, agency, member, cancellationToken), "The agency was not released.",
            workflow, cancellationToken);
    }

    private static async Task<IResult> AskAgainAsync(string id, string agency, ApiCaller caller, SituationWorkflow workflow, HttpContext http,
        CancellationToken cancellationToken)
    {
        var member = await caller.MemberAsync(http.User, cancellationToken);
        if (member is null) return NotFound();
        return await AgencyAnswerAsync(await workflow.AskAgainAsync(id, agency, member, cancellationToken), "The agency was not asked again.",
            workflow, cancellationToken);
    }

    /// <summary>Reads <c>{"agency": "..."}</c>, then makes the change; a missing or non-string agency is a 400 naming <c>agency</c>.</summary>
    private static async Task<IResult> WithAgencyAsync(HttpRequest http, string refusedTitle, ApiCaller caller, CancellationToken cancellationToken,
        Func<string, Core.Roster.Member, Task<WorkflowOutcome>> change, SituationWorkflow workflow, string situationId)
    {
        var body = await RequestBody.ReadAsync(http, MaxAgencyBytes, cancellationToken);
        if (body is null) return RequestBody.TooLarge(MaxAgencyBytes);
        if (JsonFields.Parse(body, out var malformed) is not { } fields)
            return TypedResults.ValidationProblem(JsonFields.BodyProblem(malformed!), title: refusedTitle);
        var agency = fields.String("agency");
        if (fields.Problems.Count == 0 && string.IsNullOrWhiteSpace(agency)) fields.Problem("agency", "Required: an agency id from the table's roster.");
        var member = await caller.MemberAsync(http.HttpContext.User, cancellationToken);
        if (member is null || await workflow.FindVisibleAsync(situationId, member, cancellationToken) is null) return NotFound();
        if (fields.Problems.Count > 0)
            return TypedResults.ValidationProblem(fields.Problems.ToDictionary(p => p.Key, p => p.Value.ToArray()), title: refusedTitle);
        return await AgencyAnswerAsync(await change(agency!.Trim(), member), refusedTitle, workflow, cancellationToken);
    }

    /// <summary>
    /// 200 with the situation; 404 when it is not the caller's to see; 409 when it is concluded (or not AER); 403 for a
    /// caller who does not co-chair its table; 400 naming <c>agency</c> (with the table's agencies) for any other refusal.
    /// </summary>
    private static async Task<IResult> AgencyAnswerAsync(WorkflowOutcome outcome, string refusedTitle, SituationWorkflow workflow,
        CancellationToken cancellationToken)
    {
        if (outcome.Situation is not { } situation) return NotFound();
        var result = outcome.Result!;
        switch (result.Refusal)
        {
            case SituationRefusal.None:
                return TypedResults.Ok(SituationDto.From(situation));
            case SituationRefusal.SituationConcluded or SituationRefusal.NotAer:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusedTitle, detail: result.Message);
            case SituationRefusal.NotCoChair or SituationRefusal.NotAtThisTable:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: refusedTitle, detail: result.Message);
            default:
                var message = result.Message;
                if (result.Refusal == SituationRefusal.AgencyNotAtTable)
                {
                    var allowed = (await workflow.AgenciesAtTableAsync(situation.TableId, cancellationToken)).Select(a => a.Id).Order(StringComparer.Ordinal);
                    message += $" Allowed: {string.Join(", ", allowed)}.";
                }
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["agency"] = [message] }, title: refusedTitle);
        }
    }

    private static async Task<IResult> RecordAsync(HttpRequest http, ApiCaller caller, SituationWorkflow workflow, IRosterStore roster,
        SituationCatalogue catalogue, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(http, MaxRecordBytes, cancellationToken);
        if (body is null) return RequestBody.TooLarge(MaxRecordBytes);
        if (JsonFields.Parse(body, out var malformed) is not { } fields) return NotRecorded(JsonFields.BodyProblem(malformed!));

        var request = new NewSituationRequest
        {
            Table = fields.String("table"),
            Type = fields.String("type"),
            AgeGroup = fields.String("ageGroup"),
            Gender = fields.String("gender"),
            RiskFactors = fields.Strings("riskFactors"),
            Summary = fields.String("summary"),
            OriginatingAgency = fields.String("originatingAgency"),
            LeadAgency = fields.String("leadAgency"),
            AssistingAgencies = fields.Strings("assistingAgencies"),
            AerMet = fields.Bool("aerMet"),
            PeopleCount = fields.Int("peopleCount", $"0 to {NewSituationValidator.MaxPeopleCount}: 1 for a person, 2 or more for a family, 0 for a place"),
        };
        var member = await caller.MemberAsync(http.HttpContext.User, cancellationToken);

        if (fields.Problems.Count > 0)
        {
            // A field of the wrong type reads as missing; say what is wrong with it, and with the others as well.
            var validation = new NewSituationValidator(catalogue).Validate(request, member,
                await roster.TablesAsync(cancellationToken), await roster.AgenciesAsync(cancellationToken));
            var problems = validation.Problems.Where(p => !fields.Problems.ContainsKey(p.Key))
                .Concat(fields.Problems.Select(p => KeyValuePair.Create(p.Key, p.Value.ToArray())))
                .ToDictionary();
            return NotRecorded(problems);
        }

        // Under an Idempotency-Key, the recording itself is once-only too, even if this process dies before the answer is kept.
        var outcome = await workflow.RecordAsync(request, member, cancellationToken, IdempotencyKeys.SubmissionIdOf(http.HttpContext));
        return outcome.Situation is { } situation
            ? TypedResults.Created($"/api/v1/situations/{situation.Id}", SituationDto.From(situation))
            : NotRecorded(outcome.Problems.ToDictionary());
    }

    private static IResult NotRecorded(IDictionary<string, string[]> problems) =>
        TypedResults.ValidationProblem(problems, title: "The situation was not recorded: some fields are invalid.");

    private static async Task<IResult> ListAsync(string? table, string? status, string? agency, ApiCaller caller, SituationListing listing, SituationReads reads,
        HttpContext http, CancellationToken cancellationToken)
    {
        SituationStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (SituationStatusName.Parse(status) is not { } parsed)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Must be open, active, concluded or not-aer."] });
            wanted = parsed;
        }

        var member = await caller.MemberAsync(http.User, cancellationToken);
        var found = await listing.OfCoChairedTablesAsync(member, table, wanted, agency, cancellationToken);
        // The list carries each situation's summary and notes: every one listed is a read.
        if (member is not null) await reads.RecordAsync(found, member, AuditChannel.ApiList, cancellationToken);
        return TypedResults.Ok(found.Select(SituationDto.From).ToList());
    }

    private static async Task<IResult> GetAsync(string id, ApiCaller caller, SituationWorkflow workflow, SituationReads reads, HttpContext http,
        CancellationToken cancellationToken)
    {
        var member = await caller.MemberAsync(http.User, cancellationToken);
        var situation = await workflow.FindVisibleAsync(id, member, cancellationToken);
        if (situation is null || SituationVisibility.For(member, situation) != SituationAccess.Full) return NotFound();
        await reads.RecordAsync(situation, member!, AuditChannel.Api, cancellationToken);
        return TypedResults.Ok(SituationDto.From(situation));
    }

    private static async Task<IResult> ConcludeAsync(string id, HttpRequest http, ApiCaller caller, SituationWorkflow workflow,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(http, MaxConcludeBytes, cancellationToken);
        if (body is null) return RequestBody.TooLarge(MaxConcludeBytes);
        if (JsonFields.Parse(body, out var malformed) is not { } fields)
            return TypedResults.ValidationProblem(JsonFields.BodyProblem(malformed!), title: "The situation was not concluded.");
        var outcomeId = fields.String("outcome");
        if (fields.Problems.Count > 0)
            return TypedResults.ValidationProblem(fields.Problems.ToDictionary(p => p.Key, p => p.Value.ToArray()), title: "The situation was not concluded.");

        var member = await caller.MemberAsync(http.HttpContext.User, cancellationToken);
        if (member is null) return NotFound();
        return Answer(await workflow.ConcludeAsync(id, outcomeId, member, cancellationToken), "The situation was not concluded.");
    }

    private static async Task<IResult> ReopenAsync(string id, ApiCaller caller, SituationWorkflow workflow, HttpContext http,
        CancellationToken cancellationToken)
    {
        var member = await caller.MemberAsync(http.User, cancellationToken);
        if (member is null) return NotFound();
        return Answer(await workflow.ReopenAsync(id, member, cancellationToken), "The situation was not re-opened.");
    }

    private static IResult Answer(WorkflowOutcome outcome, string refusedTitle)
    {
        if (outcome.Situation is not { } situation) return NotFound();
        var result = outcome.Result!;
        return result.Refusal switch
        {
            SituationRefusal.None => TypedResults.Ok(SituationDto.From(situation)),
            SituationRefusal.UnknownOutcome => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["outcome"] = [result.Message] }, title: refusedTitle),
            SituationRefusal.SituationConcluded or SituationRefusal.NotConcluded => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["status"] = [result.Message] }, title: refusedTitle),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: refusedTitle, detail: result.Message),
        };
    }

    private static IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No situation with that id is yours to see.");
}

/// <summary>The body of <c>POST /api/v1/situations/{id}/conclude</c>.</summary>
/// <param name="Outcome">An outcome id from the catalogue, e.g. <c>risk-lowered-connected</c>.</param>
public sealed record ConcludeRequest(string Outcome);

/// <summary>The body of <c>POST /api/v1/situations/{id}/lead</c> and <c>POST /api/v1/situations/{id}/assisting</c>.</summary>
/// <param name="Agency">An agency id from the roster of the situation's table, e.g. <c>harbour-housing</c>.</param>
public sealed record AgencyRequest(string Agency);

/// <summary>Reads a status as the API spells it (<c>open</c>, <c>active</c>, <c>concluded</c>, <c>not-aer</c>, any case) and nothing else.</summary>
public static class SituationStatusName
{
    public static SituationStatus? Parse(string? text) => ApiNames.Parse<SituationStatus>(text);
}

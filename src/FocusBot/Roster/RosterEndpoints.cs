using FocusBot.Core.Roster;
using FocusBot.Hosting;

namespace FocusBot.Roster;

/// <summary><c>GET/PUT /api/v1/roster</c>: the roster as a whole (administrators).</summary>
public static class RosterEndpoints
{
    public static RouteGroupBuilder MapRoster(this RouteGroupBuilder api)
    {
        var roster = api.MapGroup("/roster").WithTags("Roster").RequireAuthorization(BackendPolicies.Admin);

        roster.MapGet("/", async (IRosterStore store, CancellationToken cancellationToken) =>
                TypedResults.Ok(RosterDocumentMapper.ToDocument(await store.GetAsync(cancellationToken))))
            .WithSummary("The current roster, in the shape it is imported in.");

        roster.MapPut("/", ReplaceAsync)
            .WithSummary("Replaces the whole roster. Validated as a whole: nothing is applied unless all of it is valid.")
            .Accepts<RosterDocument>("application/json")
            .Produces<RosterImportResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<IResult> ReplaceAsync(HttpRequest request, RosterImporter importer, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, RosterFile.MaxBytes, cancellationToken);
        if (body is null) return RequestBody.TooLarge(RosterFile.MaxBytes);

        var outcome = await importer.ImportAsync(new MemoryStream(body), cancellationToken);
        return outcome.Result is { } result
            ? TypedResults.Ok(result)
            : TypedResults.ValidationProblem(ProblemsByField(outcome.Problems), title: "The roster was not applied: it has problems.");
    }

    /// <summary>Problems read "members[3].agency: ..."; the part before the colon names the field.</summary>
    private static Dictionary<string, string[]> ProblemsByField(IReadOnlyList<string> problems) =>
        problems
            .Select(p => p.IndexOf(": ", StringComparison.Ordinal) is var at and > 0 && !p[..at].Contains(' ')
                ? (Field: p[..at], Message: p[(at + 2)..])
                : (Field: "roster", Message: p))
            .GroupBy(p => p.Field)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}

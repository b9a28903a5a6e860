using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Hosting;
using FocusBot.Situations;

namespace FocusBot.Catalogue;

/// <summary>One allowed value of a coded field: its id and its label in English and French.</summary>
/// <param name="Label">Keyed by culture: <c>en-CA</c> and <c>fr-CA</c>.</param>
public sealed record CatalogueEntryDto(string Id, IReadOnlyDictionary<string, string> Label)
{
    public static CatalogueEntryDto Of(CatalogueEntry entry) => new(entry.Id, Labels(entry.Label, entry.FrenchLabel));

    public static IReadOnlyDictionary<string, string> Labels(string english, string french) =>
        new Dictionary<string, string> { ["en-CA"] = english, ["fr-CA"] = french };
}

/// <summary>
/// What <c>GET /api/v1/catalogue</c> answers: the allowed values of every coded field of the API. Tables are those the
/// caller sits at, agencies the roster's, the rest the configured catalogue (<c>Catalogue</c> settings).
/// </summary>
public sealed record CatalogueDto(
    IReadOnlyList<CatalogueEntryDto> Tables, IReadOnlyList<CatalogueEntryDto> Agencies, IReadOnlyList<CatalogueEntryDto> Types,
    IReadOnlyList<CatalogueEntryDto> AgeGroups, IReadOnlyList<CatalogueEntryDto> Genders, IReadOnlyList<CatalogueEntryDto> RiskFactors,
    IReadOnlyList<CatalogueEntryDto> Outcomes, IReadOnlyList<CatalogueEntryDto> Barriers, IReadOnlyList<CatalogueEntryDto> Services,
    IReadOnlyList<CatalogueEntryDto> UpdateKinds);

/// <summary><c>GET /api/v1/catalogue</c>, and the one place that lists the allowed values for the OpenAPI document too.</summary>
public static class CatalogueEndpoints
{
    public static RouteGroupBuilder MapCatalogue(this RouteGroupBuilder api)
    {
        api.MapGet("/catalogue", GetAsync)
            .WithTags("Catalogue")
            .RequireAuthorization(BackendPolicies.CoChair)
            .WithSummary("The allowed values of every coded field (tables, agencies, types, age groups, genders, risk factors, outcomes, barriers, services) with their labels in en-CA and fr-CA.")
            .Produces<CatalogueDto>();
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext http, ApiCaller caller, IRosterStore roster, SituationCatalogue catalogue,
        CancellationToken cancellationToken)
    {
        var member = await caller.MemberAsync(http.User, cancellationToken);
        return TypedResults.Ok(await BuildAsync(roster, catalogue, member?.TableIds ?? [], cancellationToken));
    }

    /// <summary>The catalogue for a caller who sits at <paramref name="tableIds"/> (every table when null).</summary>
    public static async Task<CatalogueDto> BuildAsync(IRosterStore roster, SituationCatalogue catalogue, IReadOnlyCollection<string>? tableIds,
        CancellationToken cancellationToken)
    {
        var tables = (await roster.TablesAsync(cancellationToken))
            .Where(t => tableIds is null || tableIds.Contains(t.Id, StringComparer.OrdinalIgnoreCase))
            .Select(t => new CatalogueEntryDto(t.Id, CatalogueEntryDto.Labels(t.Name, t.Name))).ToList();
        var agencies = (await roster.AgenciesAsync(cancellationToken)).OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new CatalogueEntryDto(a.Id, CatalogueEntryDto.Labels(a.Name, a.Name))).ToList();
        static List<CatalogueEntryDto> Of(CatalogueList list) => [.. list.Select(CatalogueEntryDto.Of)];
        return new CatalogueDto(tables, agencies, Of(catalogue.SituationTypes), Of(catalogue.AgeGroups), Of(catalogue.Genders),
            Of(catalogue.RiskFactors), Of(catalogue.Outcomes), Of(catalogue.Barriers), Of(catalogue.Services), Of(catalogue.UpdateKinds));
    }
}

using System.Text.Json.Nodes;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Situations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FocusBot.Catalogue;

/// <summary>
/// Gives the request bodies' coded fields in the OpenAPI document their allowed values (enums), which fields are
/// required, and an example, from the same source as <c>GET /api/v1/catalogue</c>: they cannot drift apart.
/// </summary>
public sealed class CatalogueSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type != typeof(NewSituationRequest) && type != typeof(ConcludeRequest) && type != typeof(AgencyRequest)) return;

        await using var scope = context.ApplicationServices.CreateAsyncScope();
        var catalogue = await CatalogueEndpoints.BuildAsync(scope.ServiceProvider.GetRequiredService<IRosterStore>(),
            scope.ServiceProvider.GetRequiredService<SituationCatalogue>(), null, cancellationToken);
        var agencies = catalogue.Agencies.Select(a => a.Id).ToList();

        if (type == typeof(NewSituationRequest))
        {
            Codes(schema, "table", catalogue.Tables.Select(t => t.Id), "demo");
            Codes(schema, "type", catalogue.Types.Select(t => t.Id), "person");
            Codes(schema, "ageGroup", catalogue.AgeGroups.Select(t => t.Id), "18-24");
            Codes(schema, "gender", catalogue.Genders.Select(t => t.Id), "male");
            Codes(schema, "riskFactors", catalogue.RiskFactors.Select(t => t.Id), "mental-health");
            Codes(schema, "originatingAgency", agencies, agencies.FirstOrDefault());
            Codes(schema, "leadAgency", agencies, agencies.FirstOrDefault());
            Codes(schema, "assistingAgencies", agencies, agencies.LastOrDefault());
            Describe(schema, "summary", "De-identified: no names, addresses, dates of birth, phone or health card numbers. Absent when aerMet is false.",
                "Young man sleeping rough after an eviction; crisis calls rising.");
            Describe(schema, "aerMet", "False records a discussion where the threshold was not met: filter-2 fields only, no agencies, no summary. Default true.", true);
            Describe(schema, "peopleCount", $"1 for a person (default), 2 to {NewSituationValidator.MaxPeopleCount} for a family (required), 0 for a place (default).", 1);
            if (Property(schema, "peopleCount") is { } people)
            {
                people.Minimum = "0";
                people.Maximum = NewSituationValidator.MaxPeopleCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            schema.Required = new HashSet<string> { "table", "type", "ageGroup", "gender", "riskFactors", "originatingAgency" };
        }
        else if (type == typeof(ConcludeRequest))
        {
            Codes(schema, "outcome", catalogue.Outcomes.Select(t => t.Id), "risk-lowered-connected");
            schema.Required = new HashSet<string> { "outcome" };
        }
        else
        {
            Codes(schema, "agency", agencies, agencies.FirstOrDefault());
            schema.Required = new HashSet<string> { "agency" };
        }
    }

    private static OpenApiSchema? Property(OpenApiSchema schema, string name) =>
        schema.Properties?.TryGetValue(name, out var property) == true ? property as OpenApiSchema : null;

    /// <summary>The allowed ids as the enum of a string property, or of an array property's items.</summary>
    private static void Codes(OpenApiSchema schema, string name, IEnumerable<string> ids, string? example)
    {
        if (Property(schema, name) is not { } property) return;
        var values = ids.Select(id => (JsonNode)JsonValue.Create(id)).ToList();
        var target = property.Items as OpenApiSchema ?? property;
        target.Enum = values;
        property.Examples = [property.Items is null ? JsonValue.Create(example)! : new JsonArray(JsonValue.Create(example))];
        property.Description ??= "Allowed values: GET /api/v1/catalogue.";
    }

    private static void Describe<T>(OpenApiSchema schema, string name, string description, T example)
    {
        if (Property(schema, name) is not { } property) return;
        property.Description = description;
        property.Examples = [JsonValue.Create(example)!];
    }
}

using FocusBot.Core.Audit;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Situations;
using FocusBot.Teams.Bot;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Situations;

public static class SituationServiceCollectionExtensions
{
    /// <summary>The situation journey: catalogue (configurable under <c>Catalogue</c>), workflow, and who calls the API.</summary>
    public static IServiceCollection AddFocusBotSituations(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new CatalogueOptions();
        RefuseCatalogueEntriesTheBinderWouldDrop(configuration.GetSection(CatalogueOptions.SectionName));
        configuration.GetSection(CatalogueOptions.SectionName).Bind(options);
        services.AddSingleton(new SituationCatalogue(options));
        var situationOptions = new SituationOptions();
        configuration.GetSection(SituationOptions.SectionName).Bind(situationOptions);
        _ = situationOptions.UpdateDue; // a bad setting stops the host at start, not at the first situation
        services.AddSingleton(situationOptions);
        services.AddScoped<SituationWorkflow>();
        services.TryAddScoped<SituationListing>();
        services.TryAddScoped<Core.Figures.FigureReports>();
        services.AddMemberLookup(configuration);
        services.AddScoped<ApiCaller>();
        services.TryAddScoped<SituationReads>();
        return services;
    }

    /// <summary>
    /// The configuration binder silently leaves out a list entry it cannot make (no id or no label) and a list it does
    /// not know ("Service" for "Services"): the table would quietly get the default catalogue or lose an entry. Refuses
    /// both at start, naming the setting. Throws <see cref="InvalidOperationException"/> (the host prints it in one line).
    /// </summary>
    private static void RefuseCatalogueEntriesTheBinderWouldDrop(IConfigurationSection catalogue)
    {
        var lists = typeof(CatalogueOptions).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var list in catalogue.GetChildren())
        {
            if (!lists.Contains(list.Key))
            {
                problems.Add($"{list.Path} is not a catalogue (the catalogues are {string.Join(", ", lists)})");
                continue;
            }
            foreach (var entry in list.GetChildren())
            foreach (var key in new[] { "id", "label" })
                if (string.IsNullOrWhiteSpace(entry[key])) problems.Add($"{entry.Path}:{key} is missing (every entry needs an id and a label)");
        }
        if (problems.Count > 0) throw new InvalidOperationException($"Invalid settings: {string.Join("; ", problems)}.");
    }
}

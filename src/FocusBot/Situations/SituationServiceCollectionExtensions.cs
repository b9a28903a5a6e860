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
}

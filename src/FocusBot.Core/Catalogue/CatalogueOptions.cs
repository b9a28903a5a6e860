namespace FocusBot.Core.Catalogue;

/// <summary>
/// The <c>Catalogue</c> configuration section. Every list is optional: a list left out keeps its default.
/// The lists start out null because the configuration binder appends to a list that already has items,
/// which would mix configured entries into the defaults.
/// </summary>
public sealed class CatalogueOptions
{
    public const string SectionName = "Catalogue";

    public List<CatalogueEntry>? RiskFactors { get; set; }
    public List<CatalogueEntry>? Outcomes { get; set; }
    public List<CatalogueEntry>? AgeGroups { get; set; }
    public List<CatalogueEntry>? Genders { get; set; }
    public List<CatalogueEntry>? SituationTypes { get; set; }
    public List<CatalogueEntry>? UpdateKinds { get; set; }
    public List<CatalogueEntry>? Barriers { get; set; }
    public List<CatalogueEntry>? Services { get; set; }
}

namespace FocusBot.Core.Catalogue;

/// <summary>
/// The lists a situation's fields are chosen from. Each list comes from configuration
/// (<c>Catalogue:RiskFactors</c>, ...) or, when not configured, from <see cref="DefaultCatalogue"/>.
/// </summary>
public sealed class SituationCatalogue
{
    public SituationCatalogue()
        : this(new CatalogueOptions())
    {
    }

    /// <exception cref="InvalidOperationException">A configured list has an entry without id or label, or an id twice.</exception>
    public SituationCatalogue(CatalogueOptions options)
    {
        RiskFactors = Choose(nameof(options.RiskFactors), options.RiskFactors, DefaultCatalogue.RiskFactors);
        Outcomes = Choose(nameof(options.Outcomes), options.Outcomes, DefaultCatalogue.Outcomes);
        AgeGroups = Choose(nameof(options.AgeGroups), options.AgeGroups, DefaultCatalogue.AgeGroups);
        Genders = Choose(nameof(options.Genders), options.Genders, DefaultCatalogue.Genders);
        SituationTypes = Choose(nameof(options.SituationTypes), options.SituationTypes, DefaultCatalogue.SituationTypes);
        UpdateKinds = Choose(nameof(options.UpdateKinds), options.UpdateKinds, DefaultCatalogue.UpdateKinds);
        Barriers = Choose(nameof(options.Barriers), options.Barriers, DefaultCatalogue.Barriers);
        Services = Choose(nameof(options.Services), options.Services, DefaultCatalogue.Services);
    }

    public CatalogueList RiskFactors { get; }
    public CatalogueList Outcomes { get; }
    public CatalogueList AgeGroups { get; }
    public CatalogueList Genders { get; }
    public CatalogueList SituationTypes { get; }
    public CatalogueList UpdateKinds { get; }
    public CatalogueList Barriers { get; }
    /// <summary>Services mobilized, named on updates.</summary>
    public CatalogueList Services { get; }

    public bool IsRiskFactor(string? id) => RiskFactors.Contains(id);
    public bool IsOutcome(string? id) => Outcomes.Contains(id);
    public bool IsAgeGroup(string? id) => AgeGroups.Contains(id);
    public bool IsGender(string? id) => Genders.Contains(id);
    public bool IsSituationType(string? id) => SituationTypes.Contains(id);
    public bool IsUpdateKind(string? id) => UpdateKinds.Contains(id);
    public bool IsBarrier(string? id) => Barriers.Contains(id);

    private static CatalogueList Choose(string name, List<CatalogueEntry>? configured, IReadOnlyList<CatalogueEntry> defaults)
    {
        if (configured is null || configured.Count == 0)
        {
            return new CatalogueList(defaults);
        }

        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < configured.Count; i++)
        {
            var entry = configured[i];
            if (string.IsNullOrWhiteSpace(entry?.Id) || string.IsNullOrWhiteSpace(entry.Label))
            {
                problems.Add($"entry {i} needs both an id and a label");
            }
            else if (!seen.Add(entry.Id.Trim()))
            {
                problems.Add($"id '{entry.Id}' appears more than once");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{CatalogueOptions.SectionName}:{name} is not valid: {string.Join("; ", problems)}.");
        }

        return new CatalogueList(configured.Select(e => new CatalogueEntry(e.Id.Trim(), e.Label.Trim(), e.LabelFr?.Trim())));
    }
}

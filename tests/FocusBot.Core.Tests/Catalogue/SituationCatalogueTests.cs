using FocusBot.Core.Catalogue;

namespace FocusBot.Core.Tests.Catalogue;

public class SituationCatalogueTests
{
    private readonly SituationCatalogue _defaults = new();

    [Fact]
    public void Defaults_follow_the_risk_driven_tracking_database()
    {
        Assert.Equal(27, _defaults.RiskFactors.Count);
        Assert.Equal(7, _defaults.Outcomes.Count);
        Assert.Equal(["0-11", "12-17", "18-24", "25-29", "30-39", "40-59", "60+"], _defaults.AgeGroups.Select(a => a.Id));
        Assert.Equal(["female", "male", "non-binary", "unknown"], _defaults.Genders.Select(g => g.Id));
        Assert.Equal(["person", "family", "environment"], _defaults.SituationTypes.Select(t => t.Id));
        Assert.Equal(7, _defaults.UpdateKinds.Count);
        Assert.Equal(9, _defaults.Barriers.Count);
    }

    [Fact]
    public void Environment_is_shown_as_place()
    {
        Assert.Equal("Place / environment", _defaults.SituationTypes.LabelOf("environment"));
    }

    [Fact]
    public void Every_default_id_is_stable_lower_case_and_unique_in_its_list()
    {
        var lists = new[] { _defaults.RiskFactors, _defaults.Outcomes, _defaults.AgeGroups, _defaults.Genders, _defaults.SituationTypes, _defaults.UpdateKinds, _defaults.Barriers };

        Assert.All(lists, list =>
        {
            Assert.Equal(list.Count, list.Select(e => e.Id).Distinct().Count());
            Assert.All(list, e => Assert.Matches("^[a-z0-9+-]+$", e.Id));
            Assert.All(list, e => Assert.False(string.IsNullOrWhiteSpace(e.Label)));
        });
    }

    [Theory]
    [InlineData("mental-health", true)]
    [InlineData("MENTAL-HEALTH", true)]
    [InlineData(" suicide ", true)]
    [InlineData("bad-luck", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Is_risk_factor(string? id, bool expected)
    {
        Assert.Equal(expected, _defaults.IsRiskFactor(id));
    }

    [Fact]
    public void Lookups_answer_for_each_list()
    {
        Assert.True(_defaults.IsOutcome("still-aer-refused"));
        Assert.True(_defaults.IsAgeGroup("60+"));
        Assert.True(_defaults.IsGender("non-binary"));
        Assert.True(_defaults.IsSituationType("family"));
        Assert.True(_defaults.IsUpdateKind("not-yet-reached"));
        Assert.True(_defaults.IsBarrier("no-shelter-bed"));
        Assert.False(_defaults.IsOutcome("mental-health"));
    }

    [Fact]
    public void Label_of_an_id_no_longer_configured_is_the_id()
    {
        Assert.Equal("retired-factor", _defaults.RiskFactors.LabelOf("retired-factor"));
        Assert.Equal("Mental health", _defaults.RiskFactors.LabelOf("mental-health"));
    }

    [Fact]
    public void Configured_list_replaces_its_default_and_the_others_keep_theirs()
    {
        var catalogue = new SituationCatalogue(new CatalogueOptions
        {
            Barriers = [new(" no-transit ", " No transit pass "), new("waitlist", "Wait list")],
        });

        Assert.Equal(["no-transit", "waitlist"], catalogue.Barriers.Select(b => b.Id));
        Assert.Equal("No transit pass", catalogue.Barriers.LabelOf("no-transit"));
        Assert.False(catalogue.IsBarrier("no-shelter-bed"));
        Assert.Equal(27, catalogue.RiskFactors.Count);
    }

    [Fact]
    public void Empty_configured_list_keeps_the_default()
    {
        Assert.Equal(7, new SituationCatalogue(new CatalogueOptions { Outcomes = [] }).Outcomes.Count);
    }

    [Fact]
    public void Configured_list_with_a_repeated_id_is_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new SituationCatalogue(new CatalogueOptions { Genders = [new("f", "Female"), new("F", "Femme")] }));

        Assert.Contains("Catalogue:Genders", error.Message);
    }

    [Fact]
    public void Configured_entry_without_a_label_is_refused_at_start()
    {
        Assert.Throws<InvalidOperationException>(() =>
            new SituationCatalogue(new CatalogueOptions { RiskFactors = [new("housing", "")] }));
    }
}

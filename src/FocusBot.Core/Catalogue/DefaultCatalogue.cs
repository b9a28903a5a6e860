namespace FocusBot.Core.Catalogue;

/// <summary>The lists a table starts with: the categories and outcomes of Ontario's Risk-driven Tracking Database.</summary>
public static class DefaultCatalogue
{
    public static IReadOnlyList<CatalogueEntry> RiskFactors { get; } =
    [
        new("alcohol", "Alcohol"),
        new("antisocial-behaviour", "Antisocial / negative behaviour"),
        new("basic-needs", "Basic needs"),
        new("cognitive-functioning", "Cognitive functioning"),
        new("crime-victimization", "Crime victimization"),
        new("criminal-involvement", "Criminal involvement"),
        new("drugs", "Drugs"),
        new("elder-abuse", "Elder abuse"),
        new("emotional-violence", "Emotional violence"),
        new("gambling", "Gambling"),
        new("gangs", "Gangs"),
        new("housing", "Housing"),
        new("mental-health", "Mental health"),
        new("missing-school", "Missing school"),
        new("missing-runaway", "Missing / runaway"),
        new("negative-peers", "Negative peers"),
        new("parenting", "Parenting"),
        new("physical-health", "Physical health"),
        new("physical-violence", "Physical violence"),
        new("poverty", "Poverty"),
        new("self-harm", "Self-harm"),
        new("sexual-violence", "Sexual violence"),
        new("social-environment", "Social environment"),
        new("suicide", "Suicide"),
        new("supervision", "Supervision"),
        new("public-health-safety", "Threat to public health and safety"),
        new("unemployment", "Unemployment"),
    ];

    public static IReadOnlyList<CatalogueEntry> Outcomes { get; } =
    [
        new("risk-lowered-connected", "Overall risk lowered – connected to services"),
        new("risk-lowered-informed", "Overall risk lowered – informed of services"),
        new("risk-lowered-already-connected", "Overall risk lowered – already connected"),
        new("still-aer-refused", "Still AER – refused services"),
        new("still-aer-informed", "Still AER – informed of services"),
        new("still-aer-other", "Still AER – other"),
        new("other", "Other"),
    ];

    public static IReadOnlyList<CatalogueEntry> AgeGroups { get; } =
    [
        new("0-11", "0–11"),
        new("12-17", "12–17"),
        new("18-24", "18–24"),
        new("25-29", "25–29"),
        new("30-39", "30–39"),
        new("40-59", "40–59"),
        new("60+", "60+"),
    ];

    public static IReadOnlyList<CatalogueEntry> Genders { get; } =
    [
        new("female", "Female"),
        new("male", "Male"),
        new("non-binary", "Non-binary / two-spirit / other"),
        new("unknown", "Unknown"),
    ];

    public static IReadOnlyList<CatalogueEntry> SituationTypes { get; } =
    [
        new("person", "Person"),
        new("family", "Family"),
        new("environment", "Place / environment"),
    ];

    public static IReadOnlyList<CatalogueEntry> UpdateKinds { get; } =
    [
        new("contacted", "Contacted"),
        new("not-yet-reached", "Not yet reached"),
        new("connected-to-services", "Connected to services"),
        new("services-refused", "Services refused"),
        new("risk-lowered", "Risk lowered"),
        new("still-aer", "Still at acutely elevated risk"),
        new("other", "Other"),
    ];

    public static IReadOnlyList<CatalogueEntry> Barriers { get; } =
    [
        new("no-shelter-bed", "No shelter bed"),
        new("mental-health-wait-list", "Wait list for mental health care"),
        new("no-family-doctor", "No family doctor"),
        new("no-addiction-treatment-bed", "No addiction treatment bed"),
        new("no-safe-housing", "No safe housing"),
        new("language", "Language or interpretation"),
        new("transportation", "Transportation"),
        new("no-consent", "Consent not given"),
        new("other", "Other"),
    ];

    /// <summary>RTD's "services mobilized": the kinds of service an intervention connected the person to.</summary>
    public static IReadOnlyList<CatalogueEntry> Services { get; } =
    [
        new("mental-health", "Mental health"),
        new("addictions", "Addictions"),
        new("housing", "Housing"),
        new("shelter", "Shelter"),
        new("health-care", "Health care"),
        new("income-support", "Income support"),
        new("food-security", "Food security"),
        new("child-welfare", "Child welfare"),
        new("education", "Education"),
        new("employment", "Employment"),
        new("victim-services", "Victim services"),
        new("police", "Police"),
        new("youth-services", "Youth services"),
        new("senior-services", "Senior services"),
        new("other", "Other"),
    ];
}

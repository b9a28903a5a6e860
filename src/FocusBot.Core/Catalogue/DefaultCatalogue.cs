namespace FocusBot.Core.Catalogue;

/// <summary>
/// The lists a table starts with: the categories and outcomes of Ontario's Risk-driven Tracking Database, each with its
/// English (en-CA) and French (fr-CA) label.
/// </summary>
public static class DefaultCatalogue
{
    public static IReadOnlyList<CatalogueEntry> RiskFactors { get; } =
    [
        new("alcohol", "Alcohol", "Alcool"),
        new("antisocial-behaviour", "Antisocial / negative behaviour", "Comportement antisocial / négatif"),
        new("basic-needs", "Basic needs", "Besoins essentiels"),
        new("cognitive-functioning", "Cognitive functioning", "Fonctionnement cognitif"),
        new("crime-victimization", "Crime victimization", "Victimisation criminelle"),
        new("criminal-involvement", "Criminal involvement", "Implication criminelle"),
        new("drugs", "Drugs", "Drogues"),
        new("elder-abuse", "Elder abuse", "Maltraitance des aînés"),
        new("emotional-violence", "Emotional violence", "Violence psychologique"),
        new("gambling", "Gambling", "Jeu"),
        new("gangs", "Gangs", "Gangs"),
        new("housing", "Housing", "Logement"),
        new("mental-health", "Mental health", "Santé mentale"),
        new("missing-school", "Missing school", "Absentéisme scolaire"),
        new("missing-runaway", "Missing / runaway", "Disparition / fugue"),
        new("negative-peers", "Negative peers", "Pairs négatifs"),
        new("parenting", "Parenting", "Compétences parentales"),
        new("physical-health", "Physical health", "Santé physique"),
        new("physical-violence", "Physical violence", "Violence physique"),
        new("poverty", "Poverty", "Pauvreté"),
        new("self-harm", "Self-harm", "Automutilation"),
        new("sexual-violence", "Sexual violence", "Violence sexuelle"),
        new("social-environment", "Social environment", "Milieu social"),
        new("suicide", "Suicide", "Suicide"),
        new("supervision", "Supervision", "Supervision"),
        new("public-health-safety", "Threat to public health and safety", "Menace pour la santé et la sécurité publiques"),
        new("unemployment", "Unemployment", "Chômage"),
    ];

    public static IReadOnlyList<CatalogueEntry> Outcomes { get; } =
    [
        new("risk-lowered-connected", "Overall risk lowered – connected to services", "Risque global réduit – lien établi avec des services"),
        new("risk-lowered-informed", "Overall risk lowered – informed of services", "Risque global réduit – informé des services"),
        new("risk-lowered-already-connected", "Overall risk lowered – already connected", "Risque global réduit – déjà en lien avec des services"),
        new("still-aer-refused", "Still AER – refused services", "Toujours à risque élevé – services refusés"),
        new("still-aer-informed", "Still AER – informed of services", "Toujours à risque élevé – informé des services"),
        new("still-aer-other", "Still AER – other", "Toujours à risque élevé – autre"),
        new("other", "Other", "Autre"),
    ];

    public static IReadOnlyList<CatalogueEntry> AgeGroups { get; } =
    [
        new("0-11", "0–11", "0 à 11 ans"),
        new("12-17", "12–17", "12 à 17 ans"),
        new("18-24", "18–24", "18 à 24 ans"),
        new("25-29", "25–29", "25 à 29 ans"),
        new("30-39", "30–39", "30 à 39 ans"),
        new("40-59", "40–59", "40 à 59 ans"),
        new("60+", "60+", "60 ans et plus"),
    ];

    public static IReadOnlyList<CatalogueEntry> Genders { get; } =
    [
        new("female", "Female", "Femme"),
        new("male", "Male", "Homme"),
        new("non-binary", "Non-binary / two-spirit / other", "Non binaire / bispirituel / autre"),
        new("unknown", "Unknown", "Inconnu"),
    ];

    public static IReadOnlyList<CatalogueEntry> SituationTypes { get; } =
    [
        new("person", "Person", "Personne"),
        new("family", "Family", "Famille"),
        new("environment", "Place / environment", "Lieu / environnement"),
    ];

    public static IReadOnlyList<CatalogueEntry> UpdateKinds { get; } =
    [
        new("contacted", "Contacted", "Contact établi"),
        new("not-yet-reached", "Not yet reached", "Pas encore joint"),
        new("connected-to-services", "Connected to services", "Lien établi avec des services"),
        new("services-refused", "Services refused", "Services refusés"),
        new("risk-lowered", "Risk lowered", "Risque réduit"),
        new("still-aer", "Still at acutely elevated risk", "Toujours à risque extrêmement élevé"),
        new("other", "Other", "Autre"),
    ];

    public static IReadOnlyList<CatalogueEntry> Barriers { get; } =
    [
        new("no-shelter-bed", "No shelter bed", "Aucun lit en refuge"),
        new("mental-health-wait-list", "Wait list for mental health care", "Liste d'attente en santé mentale"),
        new("no-family-doctor", "No family doctor", "Aucun médecin de famille"),
        new("no-addiction-treatment-bed", "No addiction treatment bed", "Aucun lit de traitement des dépendances"),
        new("no-safe-housing", "No safe housing", "Aucun logement sécuritaire"),
        new("language", "Language or interpretation", "Langue ou interprétation"),
        new("transportation", "Transportation", "Transport"),
        new("no-consent", "Consent not given", "Consentement non donné"),
        new("other", "Other", "Autre"),
    ];

    /// <summary>RTD's "services mobilized": the kinds of service an intervention connected the person to.</summary>
    public static IReadOnlyList<CatalogueEntry> Services { get; } =
    [
        new("mental-health", "Mental health", "Santé mentale"),
        new("addictions", "Addictions", "Dépendances"),
        new("housing", "Housing", "Logement"),
        new("shelter", "Shelter", "Refuge"),
        new("health-care", "Health care", "Soins de santé"),
        new("income-support", "Income support", "Soutien du revenu"),
        new("food-security", "Food security", "Sécurité alimentaire"),
        new("child-welfare", "Child welfare", "Protection de l'enfance"),
        new("education", "Education", "Éducation"),
        new("employment", "Employment", "Emploi"),
        new("victim-services", "Victim services", "Services aux victimes"),
        new("police", "Police", "Police"),
        new("youth-services", "Youth services", "Services à la jeunesse"),
        new("senior-services", "Senior services", "Services aux aînés"),
        new("other", "Other", "Autre"),
    ];
}

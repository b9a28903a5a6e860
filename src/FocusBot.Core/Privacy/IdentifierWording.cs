namespace FocusBot.Core.Privacy;

/// <summary>How each kind of identifying detail is named to the writer, in English and in French.</summary>
public static class IdentifierWording
{
    /// <summary>The English name of a kind: with its article ("a person's name") and in the plural.</summary>
    public static (string WithArticle, string Plural) English(IdentifierKind kind) => kind switch
    {
        IdentifierKind.PhoneNumber => ("a phone number", "phone numbers"),
        IdentifierKind.EmailAddress => ("an e-mail address", "e-mail addresses"),
        IdentifierKind.HealthCardNumber => ("a health card number", "health card numbers"),
        IdentifierKind.PostalCode => ("a postal code", "postal codes"),
        IdentifierKind.DateOfBirth => ("a date of birth", "dates of birth"),
        IdentifierKind.StreetAddress => ("a street address", "street addresses"),
        IdentifierKind.PersonName => ("a person's name", "people's names"),
        IdentifierKind.SocialInsuranceNumber => ("a Social Insurance Number", "Social Insurance Numbers"),
        _ => ("an identifying detail", "identifying details"),
    };

    /// <summary>The French name of a kind, with its article ("le nom d'une personne").</summary>
    public static string French(IdentifierKind kind) => kind switch
    {
        IdentifierKind.PhoneNumber => "un numéro de téléphone",
        IdentifierKind.EmailAddress => "une adresse courriel",
        IdentifierKind.HealthCardNumber => "un numéro de carte santé",
        IdentifierKind.PostalCode => "un code postal",
        IdentifierKind.DateOfBirth => "une date de naissance",
        IdentifierKind.StreetAddress => "une adresse",
        IdentifierKind.PersonName => "le nom d'une personne",
        IdentifierKind.SocialInsuranceNumber => "un numéro d'assurance sociale",
        _ => "un renseignement identificatoire",
    };
}

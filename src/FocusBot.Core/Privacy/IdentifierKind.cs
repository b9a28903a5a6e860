namespace FocusBot.Core.Privacy;

/// <summary>The kinds of identifying detail FocusBot asks the writer to remove.</summary>
public enum IdentifierKind
{
    PhoneNumber,
    EmailAddress,
    HealthCardNumber,
    PostalCode,
    DateOfBirth,
    StreetAddress,
    PersonName,
    SocialInsuranceNumber,
}

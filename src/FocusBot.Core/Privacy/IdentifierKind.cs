namespace FocusBot.Core.Privacy;

/// <summary>The kinds of identifying detail FocusBot refuses to store.</summary>
public enum IdentifierKind
{
    PhoneNumber,
    EmailAddress,
    HealthCardNumber,
    PostalCode,
    DateOfBirth,
    StreetAddress,
}

namespace FocusBot.Core.Privacy;

/// <summary>
/// Where an identifying detail was found in a text. Only the kind and the position are kept, never the
/// matched text, so a finding can be logged or shown without repeating the detail.
/// </summary>
public sealed record IdentifierFinding(IdentifierKind Kind, int Start, int Length)
{
    /// <summary>What was found, e.g. "a phone number".</summary>
    public string Message => $"{IdentifierGuard.NamesOf(Kind).Article} {IdentifierGuard.NamesOf(Kind).One}";
}

namespace FocusBot.Core.Privacy;

/// <summary>
/// Where an identifying detail was found in a text: its kind, the detector that found it (e.g. "honorific"), and its
/// position (UTF-16 offset and length). The matched text itself is not kept, so a finding can be logged without
/// repeating the detail; <see cref="IdentifierGuard.Describe"/> quotes it back to the writer only.
/// </summary>
public sealed record IdentifierFinding(IdentifierKind Kind, int Start, int Length, string Detector = "")
{
    /// <summary>What was found, e.g. "a phone number".</summary>
    public string Message => IdentifierWording.English(Kind).WithArticle;

    /// <summary>The found passage of <paramref name="text"/> (the text the finding was made in).</summary>
    public string PassageIn(string text) => text.Substring(Start, Length);
}

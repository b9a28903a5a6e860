using System.Text.RegularExpressions;

namespace FocusBot.Core.Privacy;

/// <summary>A detector that is one regular expression: every match is one finding of <paramref name="kind"/>.</summary>
public sealed class PatternDetector(string name, IdentifierKind kind, Regex pattern) : IIdentifierDetector
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public IEnumerable<IdentifierFinding> Find(string text, IdentifierContext context) =>
        pattern.Matches(text).Select(m => new IdentifierFinding(kind, m.Index, m.Length, name));
}

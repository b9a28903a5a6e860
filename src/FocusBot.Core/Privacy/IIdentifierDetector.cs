namespace FocusBot.Core.Privacy;

/// <summary>One named way of finding one kind of identifying detail (e.g. a Luhn-valid Social Insurance Number).</summary>
public interface IIdentifierDetector
{
    /// <summary>The detector's name as shown in findings, e.g. "name after an honorific".</summary>
    string Name { get; }

    /// <summary>Every match in <paramref name="text"/>; overlaps with other detectors are settled by the guard.</summary>
    IEnumerable<IdentifierFinding> Find(string text, IdentifierContext context);
}

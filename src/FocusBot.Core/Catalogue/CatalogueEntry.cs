namespace FocusBot.Core.Catalogue;

/// <summary>
/// One choice in a catalogue list: a stable id that is stored, the label people read in English (en-CA) and, when
/// known, in French (fr-CA). Without a French label the English one is shown to French readers too.
/// </summary>
public sealed record CatalogueEntry(string Id, string Label, string? LabelFr = null)
{
    /// <summary>The French (fr-CA) label, or the English one when none is configured.</summary>
    public string FrenchLabel => string.IsNullOrWhiteSpace(LabelFr) ? Label : LabelFr;

    /// <summary>The label in the current UI culture's language: French for any <c>fr</c> culture, else English.</summary>
    public string LocalLabel => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? FrenchLabel : Label;
}

namespace FocusBot.Core.Catalogue;

/// <summary>One choice in a catalogue list: a stable id that is stored and a label that people read.</summary>
public sealed record CatalogueEntry(string Id, string Label);

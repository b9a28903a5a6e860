using System.Collections;

namespace FocusBot.Core.Catalogue;

/// <summary>An ordered list of choices, looked up by id regardless of case.</summary>
public sealed class CatalogueList : IReadOnlyList<CatalogueEntry>
{
    private readonly IReadOnlyList<CatalogueEntry> _entries;
    private readonly Dictionary<string, CatalogueEntry> _byId;

    public CatalogueList(IEnumerable<CatalogueEntry> entries)
    {
        _entries = entries.ToArray();
        _byId = new Dictionary<string, CatalogueEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in _entries)
        {
            _byId.TryAdd(entry.Id, entry);
        }
    }

    public int Count => _entries.Count;

    public CatalogueEntry this[int index] => _entries[index];

    public bool Contains(string? id) => id is not null && _byId.ContainsKey(id.Trim());

    /// <summary>The entry with that id (any case), or null.</summary>
    public CatalogueEntry? Find(string? id) => id is not null && _byId.TryGetValue(id.Trim(), out var entry) ? entry : null;

    /// <summary>The label to show for a stored id; an id no longer configured is shown as it is.</summary>
    public string LabelOf(string id) => Find(id)?.Label ?? id;

    /// <summary>The label in the current UI culture's language (<see cref="CatalogueEntry.LocalLabel"/>); an unknown id as it is.</summary>
    public string LocalLabelOf(string id) => Find(id)?.LocalLabel ?? id;

    public IEnumerator<CatalogueEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

namespace Archive.Search.Querying;

/// <summary>
/// Numbers the values of one counted field (category or status) for one search, so the collectors of the segments
/// searched in parallel tally into arrays with the same numbering. Values are few; numbering happens once per segment.
/// </summary>
internal sealed class FacetNames
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> idByName = new(StringComparer.Ordinal);
    private readonly List<string> names = [];

    /// <summary>How many values have been numbered; ids run from 0 to <c>Count - 1</c>.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return names.Count;
            }
        }
    }

    public int IdOf(string name)
    {
        lock (gate)
        {
            if (!idByName.TryGetValue(name, out var id))
            {
                id = names.Count;
                names.Add(name);
                idByName.Add(name, id);
            }

            return id;
        }
    }

    public string NameOf(int id)
    {
        lock (gate)
        {
            return names[id];
        }
    }
}

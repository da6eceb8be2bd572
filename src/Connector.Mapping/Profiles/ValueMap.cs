namespace Connector.Mapping.Profiles;

/// <summary>
/// A table from source values to canonical values. Keys are compared trimmed and case-insensitively; the key
/// <c>*</c> is the fallback for any value without an entry.
/// </summary>
internal sealed class ValueMap
{
    private readonly Dictionary<string, string> _entries;

    public ValueMap(string name, IEnumerable<KeyValuePair<string, string>> entries)
    {
        Name = name;
        _entries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in entries)
        {
            var trimmed = key.Trim();
            if (trimmed == "*")
            {
                Fallback = value;
            }
            else
            {
                _entries[trimmed] = value;
            }
        }
    }

    public string Name { get; }

    public string? Fallback { get; }

    public int Count => _entries.Count;

    public IEnumerable<string> Values => _entries.Values;

    /// <summary>Looks a value up; the fallback answers when there is no entry. False when neither has it.</summary>
    public bool TryMap(string value, out string result)
    {
        if (_entries.TryGetValue(value.Trim(), out var found))
        {
            result = found;
            return true;
        }

        result = Fallback ?? string.Empty;
        return Fallback is not null;
    }
}

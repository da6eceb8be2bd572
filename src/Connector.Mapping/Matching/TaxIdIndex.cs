namespace Connector.Mapping.Matching;

/// <summary>
/// The customers (by index) of every normalised tax id form. Most forms belong to one customer, so they are held as
/// a single number; the few shared by several accounts of one company have a list. Immutable once built.
/// </summary>
internal sealed class TaxIdIndex
{
    private readonly Dictionary<TaxIdKey, int> _single;
    private readonly Dictionary<TaxIdKey, List<int>> _shared;

    private TaxIdIndex(Dictionary<TaxIdKey, int> single, Dictionary<TaxIdKey, List<int>> shared)
    {
        _single = single;
        _shared = shared;
    }

    public static TaxIdIndex Build(IReadOnlyList<IReadOnlyList<string>> taxIdsByCustomer)
    {
        var keys = new TaxIdKey[taxIdsByCustomer.Count][];
        Parallel.For(0, keys.Length, i => keys[i] = KeysOf(taxIdsByCustomer[i]));
        var single = new Dictionary<TaxIdKey, int>(keys.Length * 2);
        var shared = new Dictionary<TaxIdKey, List<int>>();
        for (var i = 0; i < keys.Length; i++)
        {
            foreach (var key in keys[i])
            {
                if (single.TryAdd(key, i))
                {
                    continue;
                }

                if (!shared.TryGetValue(key, out var list))
                {
                    list = [single[key]];
                    shared.Add(key, list);
                }

                list.Add(i);
            }
        }

        return new TaxIdIndex(single, shared);
    }

    private static TaxIdKey[] KeysOf(IReadOnlyList<string> taxIds) => taxIds.Count switch
    {
        0 => [],
        1 => [.. TaxIdNormalizer.Normalize(taxIds[0])],
        _ => [.. taxIds.SelectMany(TaxIdNormalizer.Normalize).Distinct()],
    };

    /// <summary>The customers holding <paramref name="key"/>, in master order; empty when none does.</summary>
    public IReadOnlyList<int> Find(TaxIdKey key)
        => _shared.TryGetValue(key, out var list) ? list : _single.TryGetValue(key, out var one) ? [one] : [];
}

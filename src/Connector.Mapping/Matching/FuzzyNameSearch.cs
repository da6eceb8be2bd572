using System.Collections.Concurrent;
using Connector.Mapping.Model;

namespace Connector.Mapping.Matching;

/// <summary>One customer found by name: its best-scoring name (its name or an alternate name) and the score.</summary>
internal sealed record NameHit(Customer Customer, int Score, string MatchedName);

/// <summary>
/// Ranks the customers whose names resemble a given name, through the <see cref="NameIndex"/>: first the customers
/// sharing its words; when none of them reaches the acceptance score and the name has words the master does not know,
/// also those sharing words spelt nearly alike. Results are cached by normalised name (aliases are looked up before
/// the name, so they never change a result). Thread-safe.
/// </summary>
internal sealed class FuzzyNameSearch
{
    private const int CandidateCap = 64;
    private const int RankedKept = 10;
    private const int CacheLimit = 100_000;

    private readonly IReadOnlyList<Customer> _customers;
    private readonly NameIndex _index;
    private readonly int _acceptScore;
    private readonly ConcurrentDictionary<string, IReadOnlyList<NameHit>> _cache = new(StringComparer.Ordinal);

    public FuzzyNameSearch(IReadOnlyList<Customer> customers, int acceptScore)
    {
        _customers = customers;
        _acceptScore = acceptScore;
        _index = NameIndex.Build(customers);
    }

    /// <summary>The best customers for <paramref name="name"/>, best first, one hit per customer, at most 10.</summary>
    public IReadOnlyList<NameHit> Search(NormalizedName name)
    {
        if (name.IsEmpty)
        {
            return [];
        }

        if (_cache.TryGetValue(name.Text, out var cached))
        {
            return cached;
        }

        var query = new Query(name);
        var best = new Dictionary<int, (int Score, int Entry)>();
        ScoreEntries(query, _index.Candidates(name, CandidateCap, similarTokens: false), best);
        if ((best.Count == 0 || best.Values.Max(v => v.Score) < _acceptScore) && !_index.KnowsAllTokens(name))
        {
            ScoreEntries(query, _index.Candidates(name, CandidateCap, similarTokens: true), best);
        }

        IReadOnlyList<NameHit> ranked = [.. best
            .OrderByDescending(p => p.Value.Score)
            .ThenBy(p => _customers[p.Key].AccountNumber, StringComparer.Ordinal)
            .Take(RankedKept)
            .Select(p => new NameHit(_customers[p.Key], p.Value.Score, _index.Entries[p.Value.Entry].Original))];
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache.TryAdd(name.Text, ranked);
        return ranked;
    }

    /// <summary>The score of one customer's best name against <paramref name="name"/> (0 when there is nothing to compare).</summary>
    public NameHit ScoreCustomer(int customerIndex, NormalizedName name)
    {
        var customer = _customers[customerIndex];
        var hit = new NameHit(customer, 0, customer.Name);
        if (name.IsEmpty)
        {
            return hit;
        }

        var query = new Query(name);
        foreach (var entry in _index.EntriesOf(customerIndex))
        {
            var score = NameScorer.Score(name, query.Sorted, query.Compact, entry);
            if (score > hit.Score)
            {
                hit = new NameHit(customer, score, entry.Original);
            }
        }

        return hit;
    }

    private void ScoreEntries(Query query, IReadOnlyList<int> entries, Dictionary<int, (int Score, int Entry)> best)
    {
        foreach (var e in entries)
        {
            var entry = _index.Entries[e];
            var known = best.TryGetValue(entry.CustomerIndex, out var found);
            if (known && found.Entry == e)
            {
                continue;
            }

            var score = NameScorer.Score(query.Name, query.Sorted, query.Compact, entry);
            if (!known || score > found.Score)
            {
                best[entry.CustomerIndex] = (score, e);
            }
        }
    }

    private sealed class Query(NormalizedName name)
    {
        public NormalizedName Name { get; } = name;

        public string Sorted { get; } = string.Join(' ', name.Tokens.Order(StringComparer.Ordinal));

        public string Compact { get; } = string.Concat(name.Tokens);
    }
}

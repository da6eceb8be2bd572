using Connector.Mapping.Model;

namespace Connector.Mapping.Matching;

/// <summary>One name of one customer (its name or an alternate name), normalised.</summary>
internal sealed record NameEntry(int CustomerIndex, string Original, NormalizedName Name, string Compact);

/// <summary>
/// An inverted index of the normalised tokens of every customer name, and of the character trigrams of those tokens,
/// so that a name is compared with the few customers that share its rarest words (or words spelt nearly alike)
/// instead of with all of them. Immutable once built: safe to read from many threads.
/// </summary>
internal sealed class NameIndex
{
    private const double SimilarTokenDice = 0.5;
    private const int SimilarTokensPerToken = 4;

    private readonly List<NameEntry> _entries;
    private readonly Dictionary<string, int> _tokenIds;
    private readonly List<string> _tokens;
    private readonly int[][] _postings;
    private readonly Dictionary<string, int[]> _trigramTokens;

    private NameIndex(List<NameEntry> entries, Dictionary<string, int> tokenIds, List<string> tokens, int[][] postings, Dictionary<string, int[]> trigramTokens)
    {
        _entries = entries;
        _tokenIds = tokenIds;
        _tokens = tokens;
        _postings = postings;
        _trigramTokens = trigramTokens;
    }

    public IReadOnlyList<NameEntry> Entries => _entries;

    public static NameIndex Build(IReadOnlyList<Customer> customers)
    {
        var entries = new List<NameEntry>(customers.Count * 2);
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new List<string>();
        var postings = new List<List<int>>();
        for (var i = 0; i < customers.Count; i++)
        {
            var customer = customers[i];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var original in customer.AlternateNames.Prepend(customer.Name))
            {
                var name = NameNormalizer.Normalize(original);
                if (name.IsEmpty || !seen.Add(name.Text))
                {
                    continue;
                }

                var entryId = entries.Count;
                entries.Add(new NameEntry(i, original.Trim(), name, Compact(name)));
                foreach (var token in name.Tokens.Distinct(StringComparer.Ordinal))
                {
                    if (!tokenIds.TryGetValue(token, out var tokenId))
                    {
                        tokenId = tokens.Count;
                        tokenIds.Add(token, tokenId);
                        tokens.Add(token);
                        postings.Add([]);
                    }

                    postings[tokenId].Add(entryId);
                }
            }
        }

        // Shorter names first: when a list must be cut, the names closest in length to a short query stay.
        var sorted = postings.Select(list => list.OrderBy(e => entries[e].Name.Tokens.Count).ThenBy(e => e).ToArray()).ToArray();
        var trigrams = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < tokens.Count; t++)
        {
            foreach (var trigram in Trigrams(tokens[t]))
            {
                if (!trigrams.TryGetValue(trigram, out var list))
                {
                    list = [];
                    trigrams.Add(trigram, list);
                }

                list.Add(t);
            }
        }

        return new NameIndex(entries, tokenIds, tokens, sorted, trigrams.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>
    /// Entries sharing tokens with <paramref name="query"/>, rarest tokens first, at most <paramref name="cap"/>.
    /// With <paramref name="similarTokens"/>, tokens spelt nearly alike (shared trigrams) count too.
    /// </summary>
    public IReadOnlyList<int> Candidates(NormalizedName query, int cap, bool similarTokens)
    {
        var lists = new List<int[]>();
        foreach (var token in query.Tokens.Distinct(StringComparer.Ordinal))
        {
            if (_tokenIds.TryGetValue(token, out var id))
            {
                lists.Add(_postings[id]);
            }

            if (similarTokens)
            {
                lists.AddRange(SimilarTokens(token).Select(t => _postings[t]));
            }
        }

        lists.Sort((a, b) => a.Length.CompareTo(b.Length));
        var hits = new Dictionary<int, int>();
        foreach (var list in lists)
        {
            foreach (var entry in list)
            {
                if (hits.TryGetValue(entry, out var count))
                {
                    hits[entry] = count + 1;
                }
                else if (hits.Count < cap * 4)
                {
                    hits.Add(entry, 1);
                }
            }
        }

        if (hits.Count <= cap)
        {
            return [.. hits.Keys];
        }

        return [.. hits.OrderByDescending(h => h.Value).ThenBy(h => _entries[h.Key].Name.Tokens.Count).Take(cap).Select(h => h.Key)];
    }

    /// <summary>Vocabulary tokens other than <paramref name="token"/> whose trigrams overlap it (Dice >= 0.5), best first.</summary>
    private IEnumerable<int> SimilarTokens(string token)
    {
        var own = Trigrams(token);
        var shared = new Dictionary<int, int>();
        foreach (var trigram in own)
        {
            if (_trigramTokens.TryGetValue(trigram, out var ids))
            {
                foreach (var id in ids)
                {
                    shared[id] = shared.GetValueOrDefault(id) + 1;
                }
            }
        }

        return shared
            .Where(p => _tokens[p.Key] != token)
            .Select(p => (Id: p.Key, Dice: 2.0 * p.Value / (own.Count + TrigramCount(_tokens[p.Key]))))
            .Where(p => p.Dice >= SimilarTokenDice)
            .OrderByDescending(p => p.Dice)
            .Take(SimilarTokensPerToken)
            .Select(p => p.Id);
    }

    private static string Compact(NormalizedName name) => name.Text.Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>A padded token of n characters has n trigrams.</summary>
    private static int TrigramCount(string token) => token.Length;

    private static HashSet<string> Trigrams(string token)
    {
        var padded = " " + token + " ";
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            set.Add(padded.Substring(i, 3));
        }

        return set;
    }
}

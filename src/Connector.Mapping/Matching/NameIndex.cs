using System.Runtime.InteropServices;
using Connector.Mapping.Model;

namespace Connector.Mapping.Matching;

/// <summary>One name of one customer (its name or an alternate name), normalised, with the forms the scorer compares.</summary>
internal sealed record NameEntry(int CustomerIndex, string Original, NormalizedName Name)
{
    private string? _sorted;
    private string? _compact;

    /// <summary>The tokens sorted and joined: FuzzySharp's token sort ratio is the ratio of these texts.</summary>
    public string Sorted => _sorted ??= string.Join(' ', Name.Tokens.Order(StringComparer.Ordinal));

    /// <summary>The text without spaces ("micro soft" meets "microsoft").</summary>
    public string Compact => _compact ??= string.Concat(Name.Tokens);
}

/// <summary>
/// An inverted index of the normalised tokens of every customer name (postings ordered shortest name first), and of
/// the character trigrams of those tokens, so that a name is compared with the few customers sharing its rarest words
/// (or, for a word the master does not know, words spelt nearly alike) instead of with all of them.
/// Immutable once built: safe to read from many threads.
/// </summary>
internal sealed class NameIndex
{
    private const int SimilarTokensPerToken = 4;

    /// <summary>Postings longer than this (very common words) are not walked in full.</summary>
    private const int WalkLimit = 2048;

    private readonly NameEntry[] _entries;
    private readonly int[] _firstEntryOfCustomer;
    private readonly Dictionary<string, int> _tokenIds;
    private readonly string[] _tokens;
    private readonly int[][] _postings;
    private readonly TrigramIndex _trigrams;

    private NameIndex(NameEntry[] entries, int[] firstEntryOfCustomer, Dictionary<string, int> tokenIds, string[] tokens, int[][] postings, TrigramIndex trigrams)
    {
        _entries = entries;
        _firstEntryOfCustomer = firstEntryOfCustomer;
        _tokenIds = tokenIds;
        _tokens = tokens;
        _postings = postings;
        _trigrams = trigrams;
    }

    public IReadOnlyList<NameEntry> Entries => _entries;

    public static NameIndex Build(IReadOnlyList<Customer> customers)
    {
        var perCustomer = new NameEntry[customers.Count][];
        Parallel.For(0, customers.Count, i => perCustomer[i] = EntriesOf(i, customers[i]));
        var first = new int[customers.Count + 1];
        for (var i = 0; i < customers.Count; i++)
        {
            first[i + 1] = first[i] + perCustomer[i].Length;
        }

        var entries = perCustomer.SelectMany(e => e).ToArray();
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var entryTokens = new int[entries.Length][];
        for (var e = 0; e < entries.Length; e++)
        {
            var names = entries[e].Name.Tokens;
            var ids = new int[names.Count];
            var distinct = 0;
            foreach (var token in names)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(tokenIds, token, out var exists);
                if (!exists)
                {
                    id = counts.Count;
                    counts.Add(0);
                }

                if (Array.IndexOf(ids, id, 0, distinct) < 0)
                {
                    ids[distinct++] = id;
                    counts[id]++;
                }
            }

            entryTokens[e] = distinct == ids.Length ? ids : ids[..distinct];
        }

        // Fill the postings shortest name first: when a long list must be cut, the names closest to a short query stay.
        var order = Enumerable.Range(0, entries.Length).ToArray();
        var keys = order.Select(e => ((long)entries[e].Name.Tokens.Count * entries.Length) + e).ToArray();
        Array.Sort(keys, order);
        var postings = counts.Select(c => new int[c]).ToArray();
        var filled = new int[postings.Length];
        foreach (var e in order)
        {
            foreach (var id in entryTokens[e])
            {
                postings[id][filled[id]++] = e;
            }
        }

        var tokens = new string[tokenIds.Count];
        foreach (var (token, id) in tokenIds)
        {
            tokens[id] = token;
        }

        return new NameIndex(entries, first, tokenIds, tokens, postings, new TrigramIndex(tokens));
    }

    /// <summary>The entries of one customer (its name first, then its alternate names).</summary>
    public ReadOnlySpan<NameEntry> EntriesOf(int customerIndex)
        => _entries.AsSpan(_firstEntryOfCustomer[customerIndex], _firstEntryOfCustomer[customerIndex + 1] - _firstEntryOfCustomer[customerIndex]);

    /// <summary>Whether every token of <paramref name="query"/> is a word the master knows.</summary>
    public bool KnowsAllTokens(NormalizedName query) => query.Tokens.All(_tokenIds.ContainsKey);

    /// <summary>
    /// At most <paramref name="cap"/> entries sharing tokens with <paramref name="query"/>: those sharing the most
    /// tokens, then those closest in word count. With <paramref name="similarTokens"/>, a query token the master does not know also
    /// brings the entries of the known tokens spelt nearly like it.
    /// </summary>
    public IReadOnlyList<int> Candidates(NormalizedName query, int cap, bool similarTokens)
    {
        var lists = new List<int>();
        foreach (var token in query.Tokens.Distinct(StringComparer.Ordinal))
        {
            if (_tokenIds.TryGetValue(token, out var id))
            {
                lists.Add(id);
            }
            else if (similarTokens)
            {
                lists.AddRange(_trigrams.Similar(token, SimilarTokensPerToken));
            }
        }

        lists.Sort((a, b) => _postings[a].Length.CompareTo(_postings[b].Length));
        var hits = new Dictionary<int, int>();
        foreach (var tokenId in lists.Distinct())
        {
            var postings = _postings[tokenId];
            if (postings.Length <= WalkLimit)
            {
                foreach (var e in postings)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(hits, e, out _)++;
                }

                continue;
            }

            // A very common word: count it on the entries already found, and only top the set up from the list's
            // head (shortest names first).
            foreach (var e in hits.Keys.ToList())
            {
                if (_entries[e].Name.Tokens.Contains(_tokens[tokenId]))
                {
                    hits[e]++;
                }
            }

            for (var i = 0; i < postings.Length && hits.Count < cap; i++)
            {
                hits.TryAdd(postings[i], 1);
            }
        }

        return [.. hits
            .OrderByDescending(h => h.Value)
            .ThenBy(h => Math.Abs(_entries[h.Key].Name.Tokens.Count - query.Tokens.Count))
            .ThenBy(h => h.Key)
            .Take(cap)
            .Select(h => h.Key)];
    }

    private static NameEntry[] EntriesOf(int index, Customer customer)
    {
        if (customer.AlternateNames.Count == 0)
        {
            var only = NameNormalizer.Normalize(customer.Name);
            return only.IsEmpty ? [] : [new NameEntry(index, customer.Name.Trim(), only)];
        }

        var entries = new List<NameEntry>(1 + customer.AlternateNames.Count);
        foreach (var original in customer.AlternateNames.Prepend(customer.Name))
        {
            var name = NameNormalizer.Normalize(original);
            if (!name.IsEmpty && !entries.Exists(e => e.Name.Text == name.Text))
            {
                entries.Add(new NameEntry(index, original.Trim(), name));
            }
        }

        return [.. entries];
    }
}

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
    private readonly int[] _entryTokenStart;
    private readonly int[] _entryTokenIds;
    private readonly int[] _wordCounts;
    private readonly TrigramIndex _trigrams;

    /// <summary>Per-thread counters of a search, one per entry (kept at zero between searches), and the entries touched.</summary>
    [ThreadStatic]
    private static CandidateScratch? _scratch;

    private NameIndex(NameEntry[] entries, int[] firstEntryOfCustomer, Dictionary<string, int> tokenIds, string[] tokens, int[][] postings, int[][] entryTokens, TrigramIndex trigrams)
    {
        _entries = entries;
        // The distinct token ids of every entry in one flat array, and every entry's word count: the candidate search
        // reads them for thousands of entries per query, so they are kept contiguous.
        _entryTokenStart = new int[entries.Length + 1];
        for (var e = 0; e < entries.Length; e++)
        {
            _entryTokenStart[e + 1] = _entryTokenStart[e] + entryTokens[e].Length;
        }

        _entryTokenIds = new int[_entryTokenStart[entries.Length]];
        _wordCounts = new int[entries.Length];
        for (var e = 0; e < entries.Length; e++)
        {
            entryTokens[e].CopyTo(_entryTokenIds, _entryTokenStart[e]);
            _wordCounts[e] = entries[e].Name.Tokens.Count;
        }
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

        return new NameIndex(entries, first, tokenIds, tokens, postings, entryTokens, new TrigramIndex(tokens));
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
        var scratch = _scratch ??= new CandidateScratch();
        if (scratch.Counts.Length < _entries.Length)
        {
            scratch.Counts = new int[_entries.Length];
        }

        var counts = scratch.Counts;
        var touched = scratch.Touched;
        touched.Clear();
        try
        {
            foreach (var tokenId in lists.Distinct())
            {
                var postings = _postings[tokenId];
                if (postings.Length <= WalkLimit)
                {
                    foreach (var e in postings)
                    {
                        if (counts[e]++ == 0)
                        {
                            touched.Add(e);
                        }
                    }

                    continue;
                }

                // A very common word: count it on the entries already found, and only top the set up from the list's
                // head (shortest names first).
                foreach (var e in touched)
                {
                    if (_entryTokenIds.AsSpan(_entryTokenStart[e], _entryTokenStart[e + 1] - _entryTokenStart[e]).Contains(tokenId))
                    {
                        counts[e]++;
                    }
                }

                for (var i = 0; i < postings.Length && touched.Count < cap; i++)
                {
                    var e = postings[i];
                    if (counts[e] == 0)
                    {
                        counts[e] = 1;
                        touched.Add(e);
                    }
                }
            }

            return Best(query, cap, counts, touched, scratch);
        }
        finally
        {
            foreach (var e in touched)
            {
                counts[e] = 0;
            }
        }
    }

    /// <summary>
    /// The <paramref name="cap"/> entries with the most shared tokens, then the closest word count, then the lowest
    /// index: each packed into one sortable number, the best kept in a small sorted array as the entries stream by.
    /// </summary>
    private int[] Best(NormalizedName query, int cap, int[] counts, List<int> touched, CandidateScratch scratch)
    {
        const int MaxCount = (1 << 15) - 1;
        const int MaxDiff = (1 << 17) - 1;
        if (cap <= 0 || touched.Count == 0)
        {
            return [];
        }

        var top = scratch.Top.Length >= cap ? scratch.Top : scratch.Top = new long[cap];
        var kept = 0;
        var words = query.Tokens.Count;
        foreach (var e in touched)
        {
            var count = counts[e];
            var diff = Math.Abs(_wordCounts[e] - words);
            if (count > MaxCount || diff > MaxDiff)
            {
                return Sorted(query, cap, counts, touched);
            }

            var key = ((long)(MaxCount - count) << 48) | ((long)diff << 31) | (uint)e;
            if (kept == cap && key >= top[cap - 1])
            {
                continue;
            }

            var at = kept == cap ? cap - 1 : kept++;
            while (at > 0 && top[at - 1] > key)
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = key;
        }

        var result = new int[kept];
        for (var i = 0; i < kept; i++)
        {
            result[i] = (int)(top[i] & int.MaxValue);
        }

        return result;
    }

    /// <summary>The same order by sorting, for counts or word counts too large to pack (never in practice).</summary>
    private int[] Sorted(NormalizedName query, int cap, int[] counts, List<int> touched)
        => [.. touched
            .OrderByDescending(e => counts[e])
            .ThenBy(e => Math.Abs(_entries[e].Name.Tokens.Count - query.Tokens.Count))
            .ThenBy(e => e)
            .Take(cap)];

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

internal sealed class CandidateScratch
{
    public int[] Counts { get; set; } = [];

    public List<int> Touched { get; } = [];

    public long[] Top { get; set; } = [];
}

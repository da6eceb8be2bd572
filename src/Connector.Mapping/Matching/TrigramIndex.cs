using System.Runtime.InteropServices;

namespace Connector.Mapping.Matching;

/// <summary>
/// The character trigrams of a vocabulary of tokens (each padded with a space either side), to find the known words
/// spelt nearly like an unknown one ("distrbution" → "distribution"). Immutable once built.
/// </summary>
internal sealed class TrigramIndex
{
    /// <summary>Two words are alike when 2 x shared trigrams / (trigrams of both) reaches this (Dice coefficient).</summary>
    public const double MinimumDice = 0.5;

    private readonly string[] _tokens;
    private readonly Dictionary<long, int[]> _tokensByTrigram;

    public TrigramIndex(string[] tokens)
    {
        _tokens = tokens;
        var lists = new Dictionary<long, List<int>>();
        for (var t = 0; t < tokens.Length; t++)
        {
            foreach (var trigram in Trigrams(tokens[t]))
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(lists, trigram, out _);
                (list ??= []).Add(t);
            }
        }

        _tokensByTrigram = lists.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>The ids of at most <paramref name="max"/> known tokens alike <paramref name="token"/>, most alike first.</summary>
    public List<int> Similar(string token, int max)
    {
        var own = Trigrams(token);
        var shared = new Dictionary<int, int>();
        foreach (var trigram in own)
        {
            if (_tokensByTrigram.TryGetValue(trigram, out var ids))
            {
                foreach (var id in ids)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(shared, id, out _)++;
                }
            }
        }

        // A padded token of n characters has n trigrams (fewer only when one repeats, which the estimate ignores).
        return [.. shared
            .Select(p => (Id: p.Key, Dice: 2.0 * p.Value / (own.Count + _tokens[p.Key].Length)))
            .Where(p => p.Dice >= MinimumDice && _tokens[p.Id] != token)
            .OrderByDescending(p => p.Dice)
            .ThenBy(p => p.Id)
            .Take(max)
            .Select(p => p.Id)];
    }

    /// <summary>The distinct trigrams of the token padded with a space each side, packed into a number each.</summary>
    private static List<long> Trigrams(string token)
    {
        var padded = " " + token + " ";
        var trigrams = new List<long>(token.Length);
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            var key = ((long)padded[i] << 32) | ((long)padded[i + 1] << 16) | padded[i + 2];
            if (!trigrams.Contains(key))
            {
                trigrams.Add(key);
            }
        }

        return trigrams;
    }
}

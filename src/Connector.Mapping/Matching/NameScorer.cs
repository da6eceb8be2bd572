namespace Connector.Mapping.Matching;

/// <summary>
/// Scores a normalised name against a customer's name entry from 0 to 100. Identical normalised names score 100
/// (legal forms are gone, so "ACME Corp." and "Acme Corporation" both read "acme"). Otherwise the score is FuzzySharp's
/// token sort ratio (word order does not matter, every character counts, so "Acme Holdings" against
/// "Acme Holdings Europe" stays below acceptance), raised by the ratio of the names without spaces when they have a
/// different number of words ("Micro Soft" vs "Microsoft") (both ratios computed by <see cref="IndelRatio"/>, equal to FuzzySharp's), and at least 85 when all the words (two or more) of one are
/// words of the other (FuzzySharp's token set ratio would say 100; 85 is enough to propose, never to accept). At most 99.
/// </summary>
internal static class NameScorer
{
    public const int SubsetScore = 85;

    public static int Score(NormalizedName query, string querySorted, string queryCompact, NameEntry entry)
    {
        if (query.Text == entry.Name.Text)
        {
            return 100;
        }

        var score = IndelRatio.Ratio(querySorted, entry.Sorted);
        if (query.Tokens.Count != entry.Name.Tokens.Count)
        {
            score = Math.Max(score, IndelRatio.Ratio(queryCompact, entry.Compact));
        }

        if (score < SubsetScore && (IsSubset(query.Tokens, entry.Name.Tokens) || IsSubset(entry.Name.Tokens, query.Tokens)))
        {
            score = SubsetScore;
        }

        return Math.Min(99, score);
    }

    /// <summary>Whether <paramref name="part"/> has at least two words and all are in <paramref name="whole"/>.</summary>
    private static bool IsSubset(IReadOnlyList<string> part, IReadOnlyList<string> whole)
    {
        if (part.Count < 2)
        {
            return false;
        }

        foreach (var token in part)
        {
            if (!whole.Contains(token))
            {
                return false;
            }
        }

        return true;
    }
}

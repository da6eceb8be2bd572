using FuzzySharp;
using FuzzySharp.PreProcess;

namespace Connector.Mapping.Matching;

/// <summary>
/// Scores two normalised names from 0 to 100. The base is FuzzySharp's token sort ratio (word order does not matter,
/// every character counts, so "Acme Holdings" vs "Acme Holdings Europe" stays below acceptance), raised by the ratio
/// of the names without spaces ("Micro Soft" vs "Microsoft"). A name whose words are all contained in the other
/// scores the token set ratio scaled by 0.85: enough to propose, never enough to accept on its own.
/// Legal forms are already gone, so "ACME Corp." and "Acme Corporation" both read "acme" and score 100.
/// </summary>
internal static class NameScorer
{
    private const double SubsetWeight = 0.85;

    public static int Score(NormalizedName query, string queryCompact, NameEntry entry)
    {
        if (query.Text == entry.Name.Text)
        {
            return 100;
        }

        var sort = Fuzz.TokenSortRatio(query.Text, entry.Name.Text, PreprocessMode.None);
        var compact = Fuzz.Ratio(queryCompact, entry.Compact, PreprocessMode.None);
        var subset = (int)Math.Floor(Fuzz.TokenSetRatio(query.Text, entry.Name.Text, PreprocessMode.None) * SubsetWeight);
        return Math.Min(99, Math.Max(sort, Math.Max(compact, subset)));
    }
}

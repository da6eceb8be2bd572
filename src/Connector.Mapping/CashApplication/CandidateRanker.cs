namespace Connector.Mapping.CashApplication;

/// <summary>The candidates an operator sees: the items the rules came near, best score first, each once with its best reason; applied items left out.</summary>
internal static class CandidateRanker
{
    public static IReadOnlyList<CashCandidate> Rank(IReadOnlyList<(int Index, int Score, string Reason)> seeds, IReadOnlyList<ItemApplication> applied, OpenItemBook book, int max)
    {
        var taken = applied.Select(a => a.ItemIndex).ToHashSet();
        return [.. seeds.Where(s => !taken.Contains(s.Index))
            .GroupBy(s => s.Index)
            .Select(g => g.OrderByDescending(s => s.Score).First())
            .OrderByDescending(s => s.Score)
            .ThenBy(s => book[s.Index].InvoiceDate ?? DateOnly.MaxValue)
            .ThenBy(s => book[s.Index].Number, StringComparer.Ordinal)
            .Take(max)
            .Select(s => new CashCandidate(book[s.Index], s.Score, s.Reason))];
    }
}

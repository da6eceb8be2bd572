using System.Globalization;

namespace Connector.Mapping.CashApplication;

/// <summary>What a written reference found in the book: one item, several (ambiguous), or none; with the rule and why.</summary>
internal sealed record FoundReference(string Written, IReadOnlyList<int> Items, string Rule, string Note)
{
    public bool IsUnique => Items.Count == 1;
}

/// <summary>
/// Finds the open items a written reference means, from the strictest key to the fuzziest: exact number, normalised
/// number, OCR-folded number, payment reference / purchase order. The first level that finds anything decides; several
/// items on one key are narrowed to the payer's, then to those whose open amount is the amount paid.
/// </summary>
internal sealed class ReferenceFinder(OpenItemBook book, Func<int, decimal> available, string? currency, string? payer)
{
    public FoundReference? Find(string? written, decimal? amount)
    {
        if (written is null || string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        var keys = InvoiceNumberNormalizer.Keys(written);

        var shown = written.Trim();
        var levels = new List<(string Rule, Func<IReadOnlyList<int>> Hits, string How)>
        {
            (CashRules.ExactNumber, () => book.ByExactNumber(shown.ToUpperInvariant()), "is the number"),
        };
        if (keys is not null)
        {
            levels.Add((CashRules.NormalisedNumber, () => Union(book.ByNormalisedKey(keys.Compact), book.ByNormalisedKey(keys.Grouped)), $"normalised to \"{keys.Compact}\" is the number"));
            if (FoldIsSafe(keys.Compact))
            {
                levels.Add((CashRules.OcrNumber, () => book.ByFoldedKey(keys.Folded), $"with OCR look-alikes folded (\"{keys.Folded}\") is the number"));
            }
        }

        levels.Add((CashRules.PaymentReference, () => book.ByReference(shown), "is the payment reference or purchase order of"));
        var taken = new List<int>();
        foreach (var (rule, hits, how) in levels)
        {
            var all = hits();
            var usable = all.Where(Usable).ToList();
            if (usable.Count == 0)
            {
                taken.AddRange(all.Where(i => available(i) == 0m && !taken.Contains(i)));
                continue;
            }

            var narrowed = Narrow(usable, amount, out var why);
            var what = narrowed.Count == 1
                ? Text($"\"{shown}\" {how} {Describe(narrowed[0])}{why}")
                : Text($"\"{shown}\" {how} of {usable.Count} items ({string.Join(", ", usable.Take(5).Select(Describe))}){why}");
            return new FoundReference(shown, narrowed, rule, what);
        }

        return taken.Count > 0
            ? new FoundReference(shown, [], CashRules.ExactNumber, Text($"\"{shown}\" is {string.Join(", ", taken.Select(i => book[i].Number))}, already settled by another payment of this run"))
            : new FoundReference(shown, [], CashRules.ExactNumber, Text($"\"{shown}\" is no open item's number or reference"));
    }

    public string Describe(int index) => Text($"{book[index].Number} ({book[index].CustomerAccount}, open {available(index):0.00} {book[index].Currency})");

    private bool Usable(int index)
        => available(index) != 0m && (currency is null || string.Equals(book[index].Currency, currency, StringComparison.OrdinalIgnoreCase));

    private List<int> Narrow(List<int> hits, decimal? amount, out string why)
    {
        why = string.Empty;
        if (hits.Count == 1)
        {
            return hits;
        }

        if (payer is not null)
        {
            var own = hits.Where(i => Same(book[i].CustomerAccount, payer)).ToList();
            if (own.Count == 1)
            {
                why = Text($", the payer's among {hits.Count}");
                return own;
            }

            hits = own.Count > 1 ? own : hits;
        }

        if (amount is { } paid)
        {
            var exact = hits.Where(i => available(i) == paid).ToList();
            if (exact.Count == 1)
            {
                why = Text($", the one among {hits.Count} open for {paid:0.00}");
                return exact;
            }
        }

        return hits;
    }

    /// <summary>OCR folding only for a number with at least one real digit and look-alike letters in at most half of it.</summary>
    private static bool FoldIsSafe(string compact)
    {
        var letters = compact.Count(c => c is 'O' or 'I' or 'L' or 'S' or 'B' or 'Z' or 'G');
        return letters > 0 && compact.Any(char.IsAsciiDigit) && letters * 2 <= compact.Length;
    }

    private static List<int> Union(IReadOnlyList<int> a, IReadOnlyList<int> b) => [.. a.Concat(b).Distinct()];

    internal static bool Same(string account, string? other)
        => other is not null && string.Equals(account.Trim(), other.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

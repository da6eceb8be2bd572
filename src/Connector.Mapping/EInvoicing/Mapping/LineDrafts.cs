using System.Globalization;
using Connector.Mapping.Model;

namespace Connector.Mapping.EInvoicing.Mapping;

/// <summary>A canonical line before the profile and the credit-note sign, with the row a profile reads it from.</summary>
internal sealed record LineDraft(InvoiceLine Line, TermRow Row);

/// <summary>The canonical lines of an e-invoice, as the document writes them (signs unchanged).</summary>
internal static class LineDrafts
{
    public static List<LineDraft> Build(EInvoice e, string[] header)
    {
        var details = e.Lines.Where(l => l.Role == LineRole.Detail).ToList();
        var drafts = new List<LineDraft>();
        if (details.Count == 0)
        {
            return WithoutLines(e, header);
        }

        var only = e.VatBreakdown.Count == 1 ? e.VatBreakdown[0] : null;
        foreach (var written in details)
        {
            // A line without a VAT category (ZUGFeRD 1.0 BASIC) in a document of one VAT rate is at that rate.
            var l = string.IsNullOrWhiteSpace(written.VatCategory) && only is { Category: not null }
                ? written with { VatCategory = only.Category, VatRate = written.VatRate ?? only.Rate }
                : written;
            var amount = l.NetAmount ?? 0m;
            var quantity = l.Quantity ?? 1m;
            drafts.Add(new LineDraft(
                new InvoiceLine
                {
                    LineNumber = drafts.Count + 1,
                    ItemCode = Blank(l.SellerItemId) ? l.StandardItemId?.Value : l.SellerItemId,
                    Description = Description(l.ItemName, l.ItemDescription),
                    Quantity = quantity,
                    UnitOfMeasure = l.UnitCode,
                    UnitPrice = UnitPrice(l, amount, quantity),
                    Amount = amount,
                    TaxCode = VatKey.Of(l.VatCategory, l.VatRate),
                    TaxRate = l.VatRate,
                    SourceLine = l.Spot.Line,
                },
                BusinessTerms.Line(header, l)));
        }

        foreach (var ac in e.AllowancesCharges)
        {
            var amount = ac.IsCharge ? ac.Amount : -ac.Amount;
            var description = FirstText(ac.Reason, ac.ReasonCode) ?? (ac.IsCharge ? "Charge" : "Allowance");
            drafts.Add(Synthetic(header, drafts.Count + 1, description, amount, ac.VatCategory, ac.VatRate, ac.Spot.Line));
        }

        AssignTax(e, drafts);
        return drafts;
    }

    /// <summary>MINIMUM and BASIC WL: one line per VAT breakdown entry; with no breakdown either, one line of BT-109.</summary>
    private static List<LineDraft> WithoutLines(EInvoice e, string[] header)
    {
        var drafts = new List<LineDraft>();
        var suffix = e.Profile == EInvoiceProfile.Minimum ? " (the document has no lines: Factur-X MINIMUM)" : string.Empty;
        foreach (var b in e.VatBreakdown)
        {
            var rate = b.Rate ?? 0m;
            var description = $"VAT {b.Category?.Trim()} {VatKey.Rate(rate)} %{suffix}";
            var amount = b.TaxableAmount ?? 0m;
            var draft = Synthetic(header, drafts.Count + 1, description, amount, b.Category, b.Rate, b.Spot.Line);
            var tax = b.TaxAmount ?? Math.Round(amount * rate / 100m, 2, MidpointRounding.AwayFromZero);
            drafts.Add(draft with { Line = draft.Line with { TaxAmount = tax } });
        }

        if (drafts.Count == 0)
        {
            var amount = e.Totals.TaxExclusive ?? 0m;
            var draft = Synthetic(header, 1, "Total without VAT (the document has no lines)", amount, null, null, e.Totals.Spots.GetValueOrDefault("BT-109")?.Line);
            drafts.Add(draft with { Line = draft.Line with { TaxAmount = e.Totals.TaxTotal ?? 0m } });
        }

        return drafts;
    }

    private static LineDraft Synthetic(string[] header, int number, string description, decimal amount, string? category, decimal? rate, int? line)
        => new(
            new InvoiceLine
            {
                LineNumber = number,
                Description = description,
                Quantity = 1m,
                UnitPrice = amount,
                Amount = amount,
                TaxCode = VatKey.Of(category, rate),
                TaxRate = rate,
                SourceLine = line,
            },
            BusinessTerms.Synthetic(header, description, amount, category, rate, line));

    /// <summary>
    /// Each VAT breakdown entry's BT-117 spread over the lines of its category and rate (largest remainder); a line of a
    /// category and rate the breakdown does not have: net x rate, rounded half away from zero.
    /// </summary>
    private static void AssignTax(EInvoice e, List<LineDraft> drafts)
    {
        var declared = e.VatBreakdown
            .Where(b => b.TaxAmount is not null && VatKey.Of(b.Category, b.Rate) is not null)
            .GroupBy(b => VatKey.Of(b.Category, b.Rate)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(b => b.TaxAmount!.Value), StringComparer.Ordinal);
        var groups = Enumerable.Range(0, drafts.Count).GroupBy(i => drafts[i].Line.TaxCode ?? string.Empty, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var indexes = group.ToList();
            if (declared.TryGetValue(group.Key, out var total))
            {
                var shares = TaxSpread.Spread(indexes.Select(i => drafts[i].Line.Amount).ToList(), total);
                for (var k = 0; k < indexes.Count; k++)
                {
                    drafts[indexes[k]] = drafts[indexes[k]] with { Line = drafts[indexes[k]].Line with { TaxAmount = shares[k] } };
                }

                continue;
            }

            foreach (var i in indexes)
            {
                var line = drafts[i].Line;
                var tax = Math.Round(line.Amount * (line.TaxRate ?? 0m) / 100m, 2, MidpointRounding.AwayFromZero);
                drafts[i] = drafts[i] with { Line = line with { TaxAmount = tax } };
            }
        }
    }

    private static decimal UnitPrice(EInvoiceLine l, decimal amount, decimal quantity)
    {
        if (l.AllowancesCharges.Count == 0 && l.NetPrice is { } price)
        {
            var per = l.PriceBaseQuantity is { } b && b != 0m ? b : 1m;
            return Math.Round(price / per, 6, MidpointRounding.AwayFromZero);
        }

        return quantity == 0m ? amount : Math.Round(amount / quantity, 6, MidpointRounding.AwayFromZero);
    }

    private static string Description(string? name, string? description)
    {
        var n = name?.Trim();
        var d = description?.Trim();
        if (Blank(n))
        {
            return d ?? string.Empty;
        }

        if (!Blank(d) && !string.Equals(n, d, StringComparison.OrdinalIgnoreCase) && n!.Length + d!.Length + 3 <= 240)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{n} - {d}");
        }

        return n!;
    }

    private static string? FirstText(params string?[] values) => values.FirstOrDefault(v => !Blank(v))?.Trim();

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}

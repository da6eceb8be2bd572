using System.Globalization;

namespace Connector.Mapping.EInvoicing.Checks;

/// <summary>
/// Per VAT breakdown entry: BR-CO-17 (the VAT amount is the taxable amount x rate / 100, within 0.01 as the EN's
/// rounding note allows) and the taxable amount rules BR-S-08, BR-Z-08, BR-E-08, BR-AE-08, BR-K-08, BR-G-08 and
/// BR-O-08 (taxable amount = the category's line nets + its document charges - its document allowances; for S
/// per rate).
/// </summary>
internal static class VatRules
{
    private static readonly string[] TaxableRuleCategories = ["S", "Z", "E", "AE", "K", "G", "O"];

    public static void Check(CheckContext c)
    {
        if (!c.Scope.VatBreakdown)
        {
            return;
        }

        foreach (var b in c.Invoice.VatBreakdown)
        {
            var category = b.Category?.Trim().ToUpperInvariant();
            var what = category is null ? "a VAT breakdown entry" : $"VAT category {category}{(category == "S" && b.Rate is { } r ? " at " + CheckContext.Plain(r) + " %" : string.Empty)}";
            if (b is { TaxableAmount: { } taxable, TaxAmount: { } tax })
            {
                var rate = b.Rate ?? 0m;
                var expected = CheckContext.Round2(taxable * rate / 100m);
                if (Math.Abs(CheckContext.Round2(tax) - expected) > 0.01m)
                {
                    c.Error("BR-CO-17", string.Create(CultureInfo.InvariantCulture, $"{what}: VAT amount (BT-117) {CheckContext.Amount(tax)} is not taxable amount (BT-116) {CheckContext.Amount(taxable)} x rate (BT-119) {CheckContext.Plain(rate)} / 100 = {CheckContext.Amount(expected)}"), b.Spot, "BT-117", CheckContext.Amount(tax));
                }
            }

            if (category is null || Array.IndexOf(TaxableRuleCategories, category) < 0 || b.TaxableAmount is not { } declared)
            {
                continue;
            }

            if (!c.Scope.Lines || !c.Scope.LineDetails)
            {
                continue;
            }

            var lines = c.DetailLines.Where(l => Same(l.VatCategory, l.VatRate, category, b.Rate)).Sum(l => l.NetAmount ?? 0m);
            var docAc = c.Invoice.AllowancesCharges.Where(a => Same(a.VatCategory, a.VatRate, category, b.Rate)).ToList();
            var charges = docAc.Where(a => a.IsCharge).Sum(a => a.Amount);
            var allowances = docAc.Where(a => !a.IsCharge).Sum(a => a.Amount);
            var sum = lines + charges - allowances;
            if (CheckContext.Round2(declared) != CheckContext.Round2(sum))
            {
                c.Error($"BR-{category}-08", $"{what}: taxable amount (BT-116) {CheckContext.Amount(declared)} is not its line net amounts (BT-131) {CheckContext.Amount(lines)} + document charges (BT-99) {CheckContext.Amount(charges)} - document allowances (BT-92) {CheckContext.Amount(allowances)} = {CheckContext.Amount(sum)}", b.Spot, "BT-116", CheckContext.Amount(declared));
            }
        }
    }

    /// <summary>Same category (and, for the standard rate S, the same rate; an absent rate counts as 0).</summary>
    private static bool Same(string? category, decimal? rate, string breakdownCategory, decimal? breakdownRate)
        => string.Equals(category?.Trim(), breakdownCategory, StringComparison.OrdinalIgnoreCase)
           && (breakdownCategory != "S" || (rate ?? 0m) == (breakdownRate ?? 0m));
}

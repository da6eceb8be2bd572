using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Checks;

/// <summary>BR-CO-10..BR-CO-16 (the document totals, compared at 2 decimals) and BR-DEC (amounts with more than 2 decimals).</summary>
internal static class ArithmeticRules
{
    public static void Check(CheckContext c)
    {
        var t = c.Invoice.Totals;
        var docAc = c.Invoice.AllowancesCharges;
        if (c.Scope.Lines && c.Invoice.Lines.Count > 0 && t.LineTotal is { } lineTotal)
        {
            var nets = c.DetailLines.Select(l => l.NetAmount ?? 0m).ToList();
            var sum = nets.Sum();
            Compare(c, "BR-CO-10", "BT-106", lineTotal, sum, $"the sum of invoice line net amounts (BT-106) {A(lineTotal)} is not the sum of the {nets.Count} line net amounts (BT-131) = {A(sum)}");
        }

        if (t.AllowanceTotal is { } allowanceTotal)
        {
            var sum = docAc.Where(a => !a.IsCharge).Sum(a => a.Amount);
            Compare(c, "BR-CO-11", "BT-107", allowanceTotal, sum, $"the sum of allowances on document level (BT-107) {A(allowanceTotal)} is not the sum of the document allowance amounts (BT-92) = {A(sum)}");
        }

        if (t.ChargeTotal is { } chargeTotal)
        {
            var sum = docAc.Where(a => a.IsCharge).Sum(a => a.Amount);
            Compare(c, "BR-CO-12", "BT-108", chargeTotal, sum, $"the sum of charges on document level (BT-108) {A(chargeTotal)} is not the sum of the document charge amounts (BT-99) = {A(sum)}");
        }

        if (t is { TaxExclusive: { } net, LineTotal: { } lines })
        {
            var expected = lines - (t.AllowanceTotal ?? 0m) + (t.ChargeTotal ?? 0m);
            Compare(c, "BR-CO-13", "BT-109", net, expected, $"the total without VAT (BT-109) {A(net)} is not the sum of line net amounts (BT-106) {A(lines)} - allowances (BT-107) {A(t.AllowanceTotal ?? 0m)} + charges (BT-108) {A(t.ChargeTotal ?? 0m)} = {A(expected)}");
        }

        if (c.Scope.VatBreakdown && c.Invoice.VatBreakdown.Count > 0 && t.TaxTotal is { } taxTotal)
        {
            var sum = c.Invoice.VatBreakdown.Sum(b => b.TaxAmount ?? 0m);
            Compare(c, "BR-CO-14", "BT-110", taxTotal, sum, $"the VAT total (BT-110) {A(taxTotal)} is not the sum of the VAT category tax amounts (BT-117) = {A(sum)}");
        }

        if (t is { TaxInclusive: { } gross, TaxExclusive: { } exclusive })
        {
            var expected = exclusive + (t.TaxTotal ?? 0m);
            Compare(c, "BR-CO-15", "BT-112", gross, expected, $"the total with VAT (BT-112) {A(gross)} is not the total without VAT (BT-109) {A(exclusive)} + VAT total (BT-110) {A(t.TaxTotal ?? 0m)} = {A(expected)}");
        }

        if (t is { Payable: { } payable, TaxInclusive: { } inclusive })
        {
            var expected = inclusive - (t.Prepaid ?? 0m) + (t.Rounding ?? 0m);
            var message = $"the amount due for payment (BT-115) {A(payable)} is not the total with VAT (BT-112) {A(inclusive)} - paid amount (BT-113) {A(t.Prepaid ?? 0m)} + rounding amount (BT-114) {A(t.Rounding ?? 0m)} = {A(expected)}";
            if (c.Invoice.Profile == EInvoiceProfile.Minimum && t.Prepaid is null)
            {
                // Factur-X 1.0 MINIMUM has no BT-113: a smaller amount due is what was not paid in advance (FNFE's own MINIMUM examples).
                if (CheckContext.Round2(payable) != CheckContext.Round2(expected))
                {
                    c.Warning("BR-CO-16", message + "; the profile MINIMUM cannot carry the paid amount (BT-113), so the difference is taken as paid in advance", c.TotalSpot("BT-115"), "BT-115", A(payable));
                }
            }
            else
            {
                Compare(c, "BR-CO-16", "BT-115", payable, expected, message);
            }
        }

        Decimals(c);
    }

    private static void Compare(CheckContext c, string rule, string bt, decimal declared, decimal expected, string message)
    {
        if (CheckContext.Round2(declared) != CheckContext.Round2(expected))
        {
            c.Error(rule, message, c.TotalSpot(bt), bt, A(declared));
        }
    }

    private static void Decimals(CheckContext c)
    {
        var t = c.Invoice.Totals;
        var totals = new (string Bt, decimal? Value)[]
        {
            ("BT-106", t.LineTotal), ("BT-107", t.AllowanceTotal), ("BT-108", t.ChargeTotal), ("BT-109", t.TaxExclusive),
            ("BT-110", t.TaxTotal), ("BT-111", t.TaxTotalInTaxCurrency), ("BT-112", t.TaxInclusive), ("BT-113", t.Prepaid),
            ("BT-114", t.Rounding), ("BT-115", t.Payable),
        };
        foreach (var (bt, value) in totals)
        {
            Decimal(c, bt, value, c.TotalSpot(bt));
        }

        foreach (var a in c.Invoice.AllowancesCharges)
        {
            Decimal(c, a.IsCharge ? "BT-99" : "BT-92", a.Amount, a.Spot);
        }

        foreach (var b in c.Invoice.VatBreakdown)
        {
            Decimal(c, "BT-116", b.TaxableAmount, b.Spot);
            Decimal(c, "BT-117", b.TaxAmount, b.Spot);
        }

        foreach (var line in c.Invoice.Lines)
        {
            Decimal(c, "BT-131", line.NetAmount, line.Spot);
            foreach (var a in line.AllowancesCharges)
            {
                Decimal(c, a.IsCharge ? "BT-141" : "BT-136", a.Amount, a.Spot);
            }
        }
    }

    private static void Decimal(CheckContext c, string bt, decimal? value, XmlSpot spot)
    {
        if (value is { } v && v != CheckContext.Round2(v))
        {
            c.Problems.Add(Problem.Warning(ProblemCodes.En16931("BR-DEC"), $"BR-DEC: {bt} {A(v)} has more than 2 decimals; amounts are compared rounded to 2", c.At(spot), bt, A(v)));
        }
    }

    private static string A(decimal value) => CheckContext.Amount(value);
}

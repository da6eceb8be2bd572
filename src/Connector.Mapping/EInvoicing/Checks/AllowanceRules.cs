using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Checks;

/// <summary>
/// An allowance or charge (document level BG-20/BG-21, line level BG-27/BG-28) that gives its base amount
/// (BT-93/BT-100/BT-137/BT-142) and percentage (BT-94/BT-101/BT-138/BT-143) has an amount of base x percentage / 100
/// (EN 16931-1 defines the percentage so; within 0.01 for rounding). An amount that contradicts its own base and
/// percentage leaves the allowance, and so the totals, in doubt. A warning, not an error: the EN states no rule on it
/// and a CEN example (XRechnung-O.xml, an insurance tax charge) contradicts its own percentage; the amount is what
/// the totals use.
/// </summary>
internal static class AllowanceRules
{
    public static void Check(CheckContext c)
    {
        foreach (var a in c.Invoice.AllowancesCharges)
        {
            Percent(c, a, a.IsCharge ? ("BT-99", "BT-100", "BT-101") : ("BT-92", "BT-93", "BT-94"), "document level");
        }

        if (!c.Scope.Lines)
        {
            return;
        }

        foreach (var line in c.Invoice.Lines)
        {
            foreach (var a in line.AllowancesCharges)
            {
                Percent(c, a, a.IsCharge ? ("BT-141", "BT-142", "BT-143") : ("BT-136", "BT-137", "BT-138"), $"line {line.Id}");
            }
        }
    }

    private static void Percent(CheckContext c, AllowanceCharge a, (string Amount, string Base, string Percent) bt, string where)
    {
        if (a is not { BaseAmount: { } baseAmount, Percent: { } percent })
        {
            return;
        }

        var expected = CheckContext.Round2(baseAmount * percent / 100m);
        // The sign of a percentage means nothing (correction invoices write -2 % of -5.00 as -0.10): magnitudes are compared.
        if (Math.Abs(Math.Abs(CheckContext.Round2(a.Amount)) - Math.Abs(expected)) <= 0.01m)
        {
            return;
        }

        var kind = a.IsCharge ? "charge" : "allowance";
        c.Problems.Add(Problem.Warning(
            ProblemCodes.EInvoiceAllowancePercent,
            string.Create(CultureInfo.InvariantCulture, $"{where} {kind}{(a.Reason is { } r ? " '" + r + "'" : string.Empty)}: amount ({bt.Amount}) {CheckContext.Amount(a.Amount)} is not base amount ({bt.Base}) {CheckContext.Amount(baseAmount)} x percentage ({bt.Percent}) {CheckContext.Plain(percent)} / 100 = {CheckContext.Amount(expected)}"),
            c.At(a.Spot),
            bt.Amount,
            CheckContext.Amount(a.Amount)));
    }
}

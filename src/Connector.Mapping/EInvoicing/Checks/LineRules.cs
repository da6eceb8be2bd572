using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Checks;

/// <summary>
/// BR-21..BR-26 and BR-CO-04 on each line, and the line net arithmetic (quantity x net price / base quantity + line
/// charges - line allowances = line net), which the EN does not state but which catches broken files: a warning.
/// </summary>
internal static class LineRules
{
    public static void Check(CheckContext c)
    {
        if (!c.Scope.Lines)
        {
            return;
        }

        foreach (var line in c.Invoice.Lines)
        {
            var which = string.IsNullOrWhiteSpace(line.Id) ? "a line" : $"line {line.Id}";
            var details = c.Scope.LineDetails;
            if (details && c.Scope.LineIds && string.IsNullOrWhiteSpace(line.Id))
            {
                c.Error("BR-21", "a line has no line identifier (BT-126)", line.Spot, "BT-126", line.Id);
            }

            if (line.Role != LineRole.Detail)
            {
                continue;
            }

            Require(c, "BR-22", which, "invoiced quantity", "BT-129", line.Quantity, line);
            if (string.IsNullOrWhiteSpace(line.UnitCode))
            {
                c.Error("BR-23", $"{which} has no unit of measure code (BT-130)", line.Spot, "BT-130", line.UnitCode);
            }

            Require(c, "BR-24", which, "line net amount", "BT-131", line.NetAmount, line);
            if (string.IsNullOrWhiteSpace(line.ItemName))
            {
                c.Error("BR-25", $"{which} has no item name (BT-153)", line.Spot, "BT-153", line.ItemName);
            }

            if (!details)
            {
                continue;
            }

            Require(c, "BR-26", which, "item net price", "BT-146", line.NetPrice, line);
            if (string.IsNullOrWhiteSpace(line.VatCategory))
            {
                c.Error("BR-CO-04", $"{which} has no VAT category code (BT-151)", line.Spot, "BT-151", line.VatCategory);
            }

            CheckNet(c, line, which);
        }
    }

    private static void Require(CheckContext c, string rule, string which, string what, string bt, decimal? value, EInvoiceLine line)
    {
        if (value is null)
        {
            c.Error(rule, $"{which} has no {what} ({bt})", line.Spot, bt, null);
        }
    }

    private static void CheckNet(CheckContext c, EInvoiceLine line, string which)
    {
        if (line is not { Quantity: { } qty, NetPrice: { } price, NetAmount: { } net })
        {
            return;
        }

        var baseQty = line.PriceBaseQuantity is { } b && b != 0 ? b : 1m;
        var charges = line.AllowancesCharges.Where(a => a.IsCharge).Sum(a => a.Amount);
        var allowances = line.AllowancesCharges.Where(a => !a.IsCharge).Sum(a => a.Amount);
        var expected = CheckContext.Round2((qty * price / baseQty) + charges - allowances);
        if (Math.Abs(expected - CheckContext.Round2(net)) > 0.01m)
        {
            var adjust = charges == 0 && allowances == 0 ? string.Empty : $" + charges {CheckContext.Amount(charges)} - allowances {CheckContext.Amount(allowances)}";
            var per = baseQty == 1m ? string.Empty : $" / base quantity (BT-149) {CheckContext.Plain(baseQty)}";
            c.Problems.Add(Problem.Warning(
                ProblemCodes.EInvoiceLineNet,
                string.Create(CultureInfo.InvariantCulture, $"{which}: net amount (BT-131) {CheckContext.Amount(net)} is not quantity (BT-129) {CheckContext.Plain(qty)} x net price (BT-146) {CheckContext.Plain(price)}{per}{adjust} = {CheckContext.Amount(expected)}"),
                c.At(line.Spot),
                "BT-131",
                CheckContext.Amount(net)));
        }
    }
}

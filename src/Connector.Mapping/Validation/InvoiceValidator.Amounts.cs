using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Validation;

/// <summary>The line and total rules.</summary>
internal sealed partial class InvoiceValidator
{
    /// <summary>
    /// Line rules: a description; quantity x unit price = amount within the tolerance (checked when both are given,
    /// i.e. not zero; on a credit note the amount may carry the opposite sign of the product, since credit notes are
    /// booked negative); tax amount = amount x rate when both are given.
    /// </summary>
    private static void CheckLines(Invoice invoice, decimal tolerance, List<Problem> problems)
    {
        foreach (var line in invoice.Lines)
        {
            var at = invoice.Source with { Line = line.SourceLine ?? invoice.Source.Line, Column = null };
            if (string.IsNullOrWhiteSpace(line.Description))
            {
                problems.Add(Problem.Error(ProblemCodes.FieldRequired, Text($"Line {line.LineNumber} has no description."), at, "description", line.Description));
            }

            if (line.Quantity != 0 && line.UnitPrice != 0)
            {
                var product = line.Quantity * line.UnitPrice;
                var off = Math.Abs(product - line.Amount);
                if (invoice.Kind == InvoiceKind.CreditNote)
                {
                    off = Math.Min(off, Math.Abs(product + line.Amount));
                }

                if (off > tolerance)
                {
                    problems.Add(Problem.Error(
                        ProblemCodes.LineArithmetic,
                        Text($"Line {line.LineNumber}: quantity {Money(line.Quantity)} x unit price {Money(line.UnitPrice)} = {Money(product)}, but the amount is {Money(line.Amount)} (difference {Money(off)})."),
                        at,
                        "amount",
                        Money(line.Amount)));
                }
            }

            if (line.TaxRate is { } rate && line.TaxAmount != 0)
            {
                var expected = line.Amount * rate / 100m;
                var off = Math.Abs(expected - line.TaxAmount);
                if (off > tolerance)
                {
                    problems.Add(Problem.Error(
                        ProblemCodes.TaxMismatch,
                        Text($"Line {line.LineNumber}: amount {Money(line.Amount)} x {Money(rate)} % = {Money(decimal.Round(expected, 4))}, but the tax amount is {Money(line.TaxAmount)} (difference {Money(decimal.Round(off, 4))})."),
                        at,
                        "tax_amount",
                        Money(line.TaxAmount)));
                }
            }
        }
    }

    /// <summary>
    /// Declared totals against the lines. The net total must match within the tolerance; tax (and so gross) may also
    /// differ by half a minor unit per taxed line, since tax is rounded per line or per invoice. When no line carries a
    /// tax amount, the tax is computed from the lines' rates.
    /// </summary>
    private void CheckTotals(Invoice invoice, SourceLocation at, decimal rounding, List<Problem> problems)
    {
        if (invoice.Lines.Count == 0)
        {
            return;
        }

        var tolerance = Options.AmountTolerance;
        var net = invoice.NetTotal;
        var linesCarryTax = invoice.Lines.Any(l => l.TaxAmount != 0);
        var tax = linesCarryTax ? invoice.TaxTotal : invoice.Lines.Sum(l => l.Amount * (l.TaxRate ?? 0m) / 100m);
        var taxSource = linesCarryTax ? "the lines' tax amounts sum to" : "the lines' tax rates give";
        var taxedLines = invoice.Lines.Count(l => l.TaxAmount != 0 || (l.TaxRate ?? 0) != 0);
        var taxTolerance = Math.Max(tolerance, rounding * Math.Max(1, taxedLines));

        Compare(invoice.DeclaredNetTotal, net, tolerance, ProblemCodes.TotalMismatch, "total_net", "net total", "the lines sum to", at, problems);
        Compare(invoice.DeclaredTaxTotal, tax, taxTolerance, ProblemCodes.TaxMismatch, "total_tax", "tax total", taxSource, at, problems);
        Compare(invoice.DeclaredGrossTotal, net + tax, taxTolerance, ProblemCodes.GrossMismatch, "total_gross", "gross total", "net + tax of the lines is", at, problems);
    }

    private static void Compare(decimal? declared, decimal computed, decimal tolerance, string code, string field, string what, string how, SourceLocation at, List<Problem> problems)
    {
        if (declared is not { } value)
        {
            return;
        }

        var difference = value - computed;
        if (Math.Abs(difference) > tolerance)
        {
            var shown = decimal.Round(computed, 4);
            problems.Add(Problem.Error(
                code,
                Text($"Declared {what} {Money(value)}, but {how} {Money(shown)} (difference {Money(decimal.Round(difference, 4))})."),
                at,
                field,
                Money(value)));
        }
    }
}

using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>The stub's own checks: its fields, amount - discount = net on each row, and the rows against the total line.</summary>
internal static class StubTrust
{
    public static void Check(StubReading stub, ChequeTrustOptions options, List<OcrCheck> checks)
    {
        var doc = stub.Document;
        ChequeTrust.Optional(stub.ChequeNumber, doc, "ChequeNumber", options, checks);
        ChequeTrust.Optional(stub.Date, doc, "Date", options, checks);
        ChequeTrust.Optional(stub.Payer, doc, "Payer", options, checks);
        if (stub.Rows.Count == 0)
        {
            checks.Add(ChequeTrust.Error(OcrCodes.Missing, doc, "Rows", "no invoice rows were found under a table heading", default, []));
            return;
        }

        foreach (var row in stub.Rows)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Row {row.Index}");
            ChequeTrust.Required(row.Invoice, doc, name + " Invoice", options, checks, row.Index, row.Region);
            ChequeTrust.Optional(row.Date, doc, name + " Date", options, checks, row.Index);
            ChequeTrust.Optional(row.Amount, doc, name + " Amount", options, checks, row.Index);
            ChequeTrust.Optional(row.Discount, doc, name + " Discount", options, checks, row.Index);
            Unreadable(doc, name, row, checks);
            if (!row.Unreadable.Any(u => u.Column == StubColumn.Net))
            {
                ChequeTrust.Required(row.Net, doc, name + " Net", options, checks, row.Index, row.Region);
            }

            if (row.Amount is { } amount && row.Net is { } net && amount.Value - (row.Discount?.Value ?? 0) != net.Value)
            {
                var discount = row.Discount?.Value ?? 0;
                checks.Add(ChequeTrust.Error(OcrCodes.RowArithmetic, doc, name + " Net",
                    $"{name}: amount {ChequeTrust.Money(amount.Value)} - discount {ChequeTrust.Money(discount)} is {ChequeTrust.Money(amount.Value - discount)}, but net paid reads {ChequeTrust.Money(net.Value)}",
                    row.Region, [ChequeTrust.Money(net.Value), ChequeTrust.Money(amount.Value - discount)], row.Index));
            }
        }

        if (stub.Total is not { } total)
        {
            checks.Add(new OcrCheck(ProblemSeverity.Warning, OcrCodes.Missing, doc, "Total", "the stub has no total line to check its rows against", default, []));
            return;
        }

        Unreadable(doc, "Total", total, checks);
        Sum(stub, total.Amount, r => r.Amount, "Total Amount", checks);
        Sum(stub, total.Discount, r => r.Discount, "Total Discount", checks);
        Sum(stub, total.Net, r => r.Net, "Total Net", checks);
    }

    private static void Unreadable(string document, string name, StubRow row, List<OcrCheck> checks)
    {
        foreach (var cell in row.Unreadable)
        {
            checks.Add(ChequeTrust.Error(OcrCodes.Missing, document, $"{name} {cell.Column}",
                $"{name}: '{cell.Text}' under {cell.Column} could not be read as a value", cell.Region, [cell.Text], row.Index == 0 ? null : row.Index));
        }
    }

    private static void Sum(StubReading stub, OcrField<decimal>? total, Func<StubRow, OcrField<decimal>?> cell, string name, List<OcrCheck> checks)
    {
        if (total is null)
        {
            return;
        }

        var rows = stub.Rows.Sum(r => cell(r)?.Value ?? 0);
        if (rows != total.Value)
        {
            checks.Add(ChequeTrust.Error(OcrCodes.Total, stub.Document, name,
                $"the rows add up to {ChequeTrust.Money(rows)} but the total line reads {ChequeTrust.Money(total.Value)}",
                total.Region, [ChequeTrust.Money(total.Value), ChequeTrust.Money(rows)]));
        }
    }
}

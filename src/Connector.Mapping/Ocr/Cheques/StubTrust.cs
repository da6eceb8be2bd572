using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>The stub's own checks: its fields, amount - discount = net on each row, and the rows against the total line.</summary>
internal static class StubTrust
{
    /// <summary>
    /// The stub's checks. Its fields read below the confidence floor are confirmed (warnings, not errors) by what the
    /// arithmetic or the cheque shows: the amounts when every row and the total line add up; an invoice reference when
    /// the stub adds up and the reference looks like the stub's other references (<see cref="StubShapes.Fits"/>; its own
    /// digits are not verified); an invoice date when the stub adds up (the date is not used to apply the payment); the heading's
    /// number, date and payer when the cheque's agree.
    /// </summary>
    public static void Check(StubReading stub, ChequeReading? cheque, ChequeTrustOptions options, List<OcrCheck> checks)
    {
        var doc = stub.Document;
        var confirm = new Corroboration(cheque, stub);
        ChequeTrust.Optional(stub.ChequeNumber, doc, "ChequeNumber", options, checks, confirmedBy: confirm.StubNumber());
        ChequeTrust.Optional(stub.Date, doc, "Date", options, checks, confirmedBy: confirm.StubDate());
        ChequeTrust.Optional(stub.Payer, doc, "Payer", options, checks, confirmedBy: confirm.StubPayer());
        if (stub.Rows.Count == 0)
        {
            checks.Add(ChequeTrust.Error(OcrCodes.Missing, doc, "Rows", "no invoice rows were found under a table heading", default, []));
            return;
        }

        var addsUp = AddsUp(stub);
        var arithmetic = addsUp ? "every row and the total line add up" : null;
        foreach (var row in stub.Rows)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Row {row.Index}");
            var reference = addsUp && row.Invoice is { } invoice && StubShapes.Fits(invoice.Value, stub.Rows.Where(r => !ReferenceEquals(r, row)).Select(r => r.Invoice?.Value))
                ? "the stub adds up and the reference looks like its others (its own digits are not verified by arithmetic)" : null;
            ChequeTrust.Required(row.Invoice, doc, name + " Invoice", options, checks, row.Index, row.Region, reference);
            ChequeTrust.Optional(row.Date, doc, name + " Date", options, checks, row.Index, addsUp ? "the stub adds up and an invoice date is not used to apply the payment" : null);
            ChequeTrust.Optional(row.Amount, doc, name + " Amount", options, checks, row.Index, arithmetic);
            ChequeTrust.Optional(row.Discount, doc, name + " Discount", options, checks, row.Index, arithmetic);
            Unreadable(doc, name, row, checks);
            foreach (var repair in row.Repaired)
            {
                checks.Add(new OcrCheck(ProblemSeverity.Warning, OcrCodes.RowArithmetic, doc, $"{name} {repair.Column}",
                    $"{name}: {repair.Column} read '{repair.Text}' ({ChequeTrust.Money(repair.Read)}) is taken as {ChequeTrust.Money(repair.Value)}: a zero read as 6, 8 or 9, proven by the row and the total line",
                    repair.Region, [ChequeTrust.Money(repair.Value), ChequeTrust.Money(repair.Read)], row.Index));
            }

            if (!row.Unreadable.Any(u => u.Column == StubColumn.Net))
            {
                ChequeTrust.Required(row.Net, doc, name + " Net", options, checks, row.Index, row.Region, arithmetic);
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

    /// <summary>Whether every row reads amount - discount = net and every column of the total line is its rows' sum.</summary>
    private static bool AddsUp(StubReading stub)
    {
        if (stub.Total is not { Net: not null } total || total.Unreadable.Count > 0
            || stub.Rows.Any(r => r.Amount is null || r.Net is null || r.Unreadable.Count > 0 || r.Amount.Value - (r.Discount?.Value ?? 0) != r.Net.Value))
        {
            return false;
        }

        return total.Net.Value == stub.Rows.Sum(r => r.Net!.Value)
            && (total.Amount is null || total.Amount.Value == stub.Rows.Sum(r => r.Amount!.Value))
            && (total.Discount is null || total.Discount.Value == stub.Rows.Sum(r => r.Discount?.Value ?? 0));
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

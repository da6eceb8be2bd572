using System.Globalization;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.EInvoicing.Xml;

namespace Connector.Mapping.Tests.EInvoicing.Readers;

/// <summary>Compares what the readers give with the corpus' expectations CSV, and twins with each other.</summary>
internal static class CorpusComparison
{
    public static List<string> Compare(IReadOnlyDictionary<string, string> row)
    {
        var path = EInvoiceCorpus.EInvoicePath(row["file"]);
        using var stream = File.OpenRead(path);
        var result = EInvoiceXml.Read(stream, row["file"]);
        if (result.Invoice is not { } invoice)
        {
            return [$"not read: {string.Join("; ", result.Problems)}"];
        }

        var found = new List<string>();
        void Check(string column, string? actual)
        {
            var expected = row[column];
            if (!string.Equals(Normal(expected), Normal(actual), StringComparison.Ordinal))
            {
                found.Add($"{column} expected '{expected}' but read '{actual}'");
            }
        }

        void CheckAmount(string column, decimal? actual)
        {
            var expected = row[column].Length == 0 ? (decimal?)null : decimal.Parse(row[column], CultureInfo.InvariantCulture);
            if (expected != actual)
            {
                found.Add($"{column} expected '{row[column]}' but read '{actual?.ToString(CultureInfo.InvariantCulture)}'");
            }
        }

        Check("customization", invoice.SpecificationId);
        Check("number", invoice.Number);
        Check("type_code", invoice.TypeCode);
        Check("issue_date", invoice.IssueDate?.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Check("currency", invoice.Currency);
        Check("seller", invoice.Seller.Name ?? invoice.Seller.TradingName);
        Check("seller_vat", invoice.Seller.VatId);
        Check("buyer", invoice.Buyer.Name ?? invoice.Buyer.TradingName);
        Check("buyer_vat", invoice.Buyer.VatId);
        Check("n_lines", CountedLines(invoice).ToString(CultureInfo.InvariantCulture));
        CheckAmount("sum_line_net", CountedLines(invoice) == 0 ? null : CountedLineItems(invoice).Sum(l => l.NetAmount ?? 0m));
        CheckAmount("line_total", invoice.Totals.LineTotal);
        CheckAmount("tax_exclusive", invoice.Totals.TaxExclusive);
        CheckAmount("tax_total", invoice.Totals.TaxTotal);
        CheckAmount("tax_inclusive", invoice.Totals.TaxInclusive);
        CheckAmount("prepaid", invoice.Totals.Prepaid);
        CheckAmount("rounding", invoice.Totals.Rounding);
        CheckAmount("payable", invoice.Totals.Payable);
        return found;
    }

    /// <summary>
    /// How the CSV counts lines: every CII line item (EXTENDED GROUP and DETAIL items are siblings: UC11 has 7 items, 2
    /// of them GROUP, and the CSV says 7), but only top-level UBL InvoiceLines (04.01a-INVOICE_ubl.xml nests 13
    /// cac:SubInvoiceLine in 2 lines, and the CSV says 2).
    /// </summary>
    public static int CountedLines(EInvoice invoice) => CountedLineItems(invoice).Count();

    private static IEnumerable<EInvoiceLine> CountedLineItems(EInvoice invoice)
        => invoice.Syntax == EInvoiceSyntax.Ubl ? invoice.Lines.Where(l => l.ParentId is null) : invoice.Lines;

    /// <summary>Dates in the CSV are written YYYYMMDD or YYYY-MM-DD; everything else compares as written (trimmed).</summary>
    private static string Normal(string? value)
    {
        var text = (value ?? string.Empty).Trim();
        return text.Length == 10 && text[4] == '-' && text[7] == '-' ? text.Replace("-", string.Empty, StringComparison.Ordinal) : text;
    }

    public static Dictionary<string, string?> Essentials(EInvoice invoice) => new(StringComparer.Ordinal)
    {
        ["number"] = invoice.Number,
        ["issue_date"] = invoice.IssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["currency"] = invoice.Currency,
        ["lines"] = CountedLines(invoice).ToString(CultureInfo.InvariantCulture),
        ["BT-106"] = Amount(invoice.Totals.LineTotal),
        ["BT-109"] = Amount(invoice.Totals.TaxExclusive),
        ["BT-110"] = Amount(invoice.Totals.TaxTotal),
        ["BT-112"] = Amount(invoice.Totals.TaxInclusive),
        ["BT-115"] = Amount(invoice.Totals.Payable),
    };

    private static string? Amount(decimal? value) => value?.ToString("0.00##", CultureInfo.InvariantCulture);

    public static IEnumerable<string> Differences(Dictionary<string, string?> left, Dictionary<string, string?> right)
        => left.Where(p => p.Value != right[p.Key]).Select(p => $"{p.Key} {p.Value} <> {right[p.Key]}");
}

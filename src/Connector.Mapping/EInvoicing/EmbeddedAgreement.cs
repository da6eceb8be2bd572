using System.Globalization;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing;

/// <summary>
/// A PDF may carry more than one invoice XML (Mustang writes a ZUGFeRD 1.0 ZUGFeRD-invoice.xml beside the Factur-X
/// factur-x.xml for old readers). One is read; the others must be the same invoice: the same number, currency, total
/// with VAT and amount due. If they differ, the PDF says two things and which one is the invoice is unknown: an error.
/// </summary>
internal static class EmbeddedAgreement
{
    public static Problem? Check(EInvoice chosen, string chosenName, IEnumerable<PdfAttachment> others, string documentName)
    {
        foreach (var other in others)
        {
            using var stream = new MemoryStream(other.Content, writable: false);
            var read = EInvoiceXml.Read(stream, $"{documentName} (embedded {other.Name})");
            if (read.Invoice is not { } invoice)
            {
                continue;
            }

            var differences = new List<string>();
            Compare(differences, "invoice number (BT-1)", chosen.Number, invoice.Number);
            Compare(differences, "currency (BT-5)", chosen.Currency, invoice.Currency);
            Compare(differences, "total with VAT (BT-112)", Amount(chosen.Totals.TaxInclusive), Amount(invoice.Totals.TaxInclusive));
            Compare(differences, "amount due (BT-115)", Amount(chosen.Totals.Payable), Amount(invoice.Totals.Payable));
            if (differences.Count > 0)
            {
                return Problem.Error(
                    ProblemCodes.EInvoiceEmbeddedDisagree,
                    $"The PDF carries two invoice XMLs that disagree: {chosenName} and {other.Name} differ in {string.Join("; ", differences)}. Which one is the invoice is unknown; ask the seller for a corrected PDF.",
                    new SourceLocation(documentName, null, other.Name),
                    "BT-1",
                    invoice.Number);
            }
        }

        return null;
    }

    private static void Compare(List<string> differences, string what, string? chosen, string? other)
    {
        // A term one of them does not carry (ZUGFeRD 1.0 BASIC has no amount due) is no disagreement.
        if (chosen is not null && other is not null && !string.Equals(chosen.Trim(), other.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"{what} '{chosen}' / '{other}'");
        }
    }

    private static string? Amount(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);
}

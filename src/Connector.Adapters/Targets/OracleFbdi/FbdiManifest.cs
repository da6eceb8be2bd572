using System.Globalization;
using System.Text;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Targets.OracleFbdi;

/// <summary>
/// <c>&lt;BatchId&gt;.keys.csv</c> next to a package: which idempotency keys it carries, so that an operator or the
/// confirmation step can tell what a package holds without opening it. UTF-8 without BOM, header row, CRLF.
/// </summary>
internal static class FbdiManifest
{
    public const string Header = "idempotency_key,invoice_number,line_count,net_amount,currency";

    public static byte[] Build(InvoiceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var builder = new StringBuilder(Header).Append("\r\n");
        foreach (var postable in batch.Invoices)
        {
            var invoice = postable.Invoice;
            builder.Append(FbdiCsv.QuoteIfNeeded(postable.IdempotencyKey)).Append(',')
                .Append(FbdiCsv.QuoteIfNeeded(invoice.Number)).Append(',')
                .Append(invoice.Lines.Count.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(invoice.NetTotal.ToString("0.00####", CultureInfo.InvariantCulture)).Append(',')
                .Append(FbdiCsv.QuoteIfNeeded(invoice.Currency ?? string.Empty)).Append("\r\n");
        }

        return new UTF8Encoding(false).GetBytes(builder.ToString());
    }
}

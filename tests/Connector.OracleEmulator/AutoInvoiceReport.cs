using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Connector.OracleEmulator;

/// <summary>
/// The emulator's execution report (simplified: Oracle's real AutoInvoice Execution Report is a PDF/XML). A zip holding
/// <c>AutoInvoiceExecutionReport_&lt;id&gt;.csv</c>: UTF-8, header row, CRLF, RFC 4180 quoting, columns
/// <see cref="Header"/>. RECORD_TYPE is REJECTED (one row per error of a rejected line: its flexfield key, MESSAGE_TEXT,
/// INVALID_VALUE) or CREATED (one row per created line: its flexfield key, TRX_NUMBER, CUSTOMER_TRX_ID and the
/// transaction's TRX_AMOUNT and CURRENCY_CODE). The LOG file is <c>&lt;id&gt;.log</c>, plain text.
/// </summary>
public static class AutoInvoiceReport
{
    public const string Rejected = "REJECTED";
    public const string Created = "CREATED";

    public static readonly string Header = string.Join(',',
        new[] { "RECORD_TYPE", "ROW_NUMBER", "INTERFACE_LINE_CONTEXT" }
            .Concat(Enumerable.Range(1, 15).Select(n => "INTERFACE_LINE_ATTRIBUTE" + n.ToString(CultureInfo.InvariantCulture)))
            .Concat(["TRX_NUMBER", "CUSTOMER_TRX_ID", "TRX_AMOUNT", "CURRENCY_CODE", "MESSAGE_TEXT", "INVALID_VALUE"]));

    public static string ReportFileName(long requestId) =>
        "AutoInvoiceExecutionReport_" + requestId.ToString(CultureInfo.InvariantCulture) + ".csv";

    internal static string Csv(ImportOutcome outcome)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var e in outcome.Errors)
        {
            Row(text, Rejected, e.RowNumber.ToString(CultureInfo.InvariantCulture), e.Key, "", "", "", "", e.Message, e.InvalidValue ?? "");
        }

        foreach (var c in outcome.Created)
        {
            Row(text, Created, "", c.Key, c.TransactionNumber, c.CustomerTransactionId.ToString(CultureInfo.InvariantCulture),
                c.TransactionAmount.ToString(CultureInfo.InvariantCulture), c.Currency, "", "");
        }

        return text.ToString();
    }

    internal static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(new UTF8Encoding(false).GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    private static void Row(StringBuilder text, string type, string row, FlexfieldKey key, string number, string id,
        string amount, string currency, string message, string invalid)
    {
        string[] fields = [type, row, key.Context, .. key.Attributes, number, id, amount, currency, message, invalid];
        text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

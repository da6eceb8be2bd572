using System.Globalization;
using System.IO.Compression;
using System.Text;
using Connector.Adapters.Targets.OracleFbdi;

namespace Connector.Adapters.Targets.OracleFusionFbdi;

/// <summary>One line of the execution report: a rejected line (one per error) or a created line.</summary>
/// <param name="Rejected">True for a REJECTED row, false for CREATED.</param>
/// <param name="Key">The line's transaction flexfield, as <c>context|attribute1|...</c> without trailing empty attributes.</param>
/// <param name="TrxNumber">CREATED: the transaction number.</param>
/// <param name="CustomerTrxId">CREATED: the transaction's CUSTOMER_TRX_ID.</param>
/// <param name="Amount">CREATED: the transaction's amount.</param>
/// <param name="Currency">CREATED: the transaction's currency.</param>
/// <param name="Message">REJECTED: MESSAGE_TEXT.</param>
/// <param name="InvalidValue">REJECTED: INVALID_VALUE, empty when none.</param>
internal sealed record ReportLine(bool Rejected, string Key, string TrxNumber, string CustomerTrxId, decimal? Amount,
    string Currency, string Message, string InvalidValue);

/// <summary>
/// Reads the OUT file of an import (<c>ESSJobExecutionDetailsRF</c>, <c>fileType=OUT</c>): a zip holding a CSV with a
/// header row and the columns RECORD_TYPE (REJECTED or CREATED), INTERFACE_LINE_CONTEXT, INTERFACE_LINE_ATTRIBUTE1-15,
/// TRX_NUMBER, CUSTOMER_TRX_ID, TRX_AMOUNT, CURRENCY_CODE, MESSAGE_TEXT, INVALID_VALUE (other columns are ignored).
/// This is the Connector emulator's simplified layout; against a real pod it comes from a BI report built to it (see
/// docs/adapters/oracle-fusion-fbdi.md).
/// </summary>
internal static class ExecutionReport
{
    /// <exception cref="InvalidDataException">Not a zip, or no CSV with the expected header.</exception>
    public static List<ReportLine> Parse(byte[] zipBytes)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes, writable: false), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = new StreamReader(entry.Open(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            var rows = FbdiCsv.ReadRows(reader.ReadToEnd());
            if (rows.Count > 0 && rows[0].Length > 0 && rows[0][0] == "RECORD_TYPE")
            {
                return Read(rows);
            }
        }

        throw new InvalidDataException("The execution report holds no CSV starting with a RECORD_TYPE header.");
    }

    /// <summary>The key of a line as the writer sets it: context, then attributes, trailing empty ones dropped.</summary>
    public static string Key(string context, IReadOnlyList<string> attributes)
    {
        var used = attributes.Count;
        while (used > 0 && attributes[used - 1].Length == 0)
        {
            used--;
        }

        return string.Join('|', [context, .. attributes.Take(used)]);
    }

    private static List<ReportLine> Read(List<string[]> rows)
    {
        var header = rows[0];
        int Column(string name)
        {
            var index = Array.IndexOf(header, name);
            return index >= 0 ? index : throw new InvalidDataException($"The execution report has no column {name}.");
        }

        var type = Column("RECORD_TYPE");
        var context = Column("INTERFACE_LINE_CONTEXT");
        var attributes = Enumerable.Range(1, 15).Select(n => Column("INTERFACE_LINE_ATTRIBUTE" + n.ToString(CultureInfo.InvariantCulture))).ToArray();
        var number = Column("TRX_NUMBER");
        var id = Column("CUSTOMER_TRX_ID");
        var amount = Column("TRX_AMOUNT");
        var currency = Column("CURRENCY_CODE");
        var message = Column("MESSAGE_TEXT");
        var invalid = Column("INVALID_VALUE");
        var lines = new List<ReportLine>();
        foreach (var row in rows.Skip(1).Where(r => r.Length > 1))
        {
            string At(int i) => i < row.Length ? row[i].Trim() : string.Empty;
            var kind = At(type);
            if (kind is not ("REJECTED" or "CREATED"))
            {
                continue;
            }

            lines.Add(new ReportLine(kind == "REJECTED", Key(At(context), [.. attributes.Select(At)]), At(number), At(id),
                decimal.TryParse(At(amount), NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : null,
                At(currency), At(message), At(invalid)));
        }

        return lines;
    }
}

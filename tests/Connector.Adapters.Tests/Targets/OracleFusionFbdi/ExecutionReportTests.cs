using System.IO.Compression;
using System.Text;
using Connector.Adapters.Targets.OracleFusionFbdi;

namespace Connector.Adapters.Tests.Targets.OracleFusionFbdi;

public sealed class ExecutionReportTests
{
    private static byte[] Zip(string name, string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Parse_ColumnsInAnyOrderWithQuotedMessage_ReadByName()
    {
        var attributes = string.Join(',', Enumerable.Range(1, 15).Select(n => "INTERFACE_LINE_ATTRIBUTE" + n));
        var csv = "RECORD_TYPE,MESSAGE_TEXT,INVALID_VALUE,TRX_NUMBER,CUSTOMER_TRX_ID,TRX_AMOUNT,CURRENCY_CODE,INTERFACE_LINE_CONTEXT," + attributes + "\r\n"
            + "REJECTED,\"Bad, really \"\"bad\"\"\",X1,,,,,CONNECTOR,DE01,INV,42,3" + new string(',', 11) + "\r\n"
            + "CREATED,,,42,3001,-10.50,EUR,CONNECTOR,DE01,CM,43,1" + new string(',', 11) + "\r\n"
            + "SUMMARY,ignored\r\n";

        var lines = ExecutionReport.Parse(Zip("report.csv", csv));

        lines.ShouldBe(
        [
            new ReportLine(true, "CONNECTOR|DE01|INV|42|3", "", "", null, "", "Bad, really \"bad\"", "X1"),
            new ReportLine(false, "CONNECTOR|DE01|CM|43|1", "42", "3001", -10.50m, "EUR", "", ""),
        ]);
    }

    [Fact]
    public void Parse_NoReportCsv_InvalidData()
    {
        Should.Throw<InvalidDataException>(() => ExecutionReport.Parse(Zip("report.pdf", "%PDF")));
    }
}

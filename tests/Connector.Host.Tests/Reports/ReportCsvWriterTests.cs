using System.Globalization;
using Connector.Host.Reports;
using Microsoft.VisualBasic.FileIO;
using static Connector.Host.Tests.Reports.ReportTestData;

namespace Connector.Host.Tests.Reports;

public sealed class ReportCsvWriterTests
{
    [Fact]
    public void Write_Report_TidyRowsWithPlainNumbers()
    {
        var rows = WriteAndParse(Report());

        rows[0].ShouldBe(["section", "key", "currency", "count", "amount", "status", "detail"]);
        rows.ShouldAllBe(r => r.Length == 7);
        rows.ShouldContain(r => r.SequenceEqual(new[] { "totals", "source", "EUR", "10", "12345.67", "", "" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "totals", "source", "USD", "3", "-1500.50", "", "" }), "negative numbers stay numbers");
        rows.ShouldContain(r => r.SequenceEqual(new[] { "totals", "difference", "EUR", "0", "0.00", "balanced", "" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "records", "read", "", "13", "", "", "" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "exceptions", "CUSTOMER_UNKNOWN", "", "2", "", "", "" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "run", "started_at", "", "", "", "", "2026-03-17T08:30:00+01:00" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "run", "balanced", "", "", "", "balanced", "" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "packages", "FR01-20260317-0001.zip", "", "", "", "", "" }));
    }

    [Fact]
    public void Write_Unbalanced_DifferenceRowFlagged()
    {
        var rows = WriteAndParse(Report([Eur(pendingAmount: 200m)]));

        rows.ShouldContain(r => r.SequenceEqual(new[] { "totals", "difference", "EUR", "0", "50.00", "NOT BALANCED", "" }));
        rows.ShouldContain(r => r.SequenceEqual(new[] { "run", "balanced", "", "", "", "NOT BALANCED", "" }));
    }

    [Fact]
    public void Write_FormulaLikeDocumentNameAndProblem_Neutralised()
    {
        var rows = WriteAndParse(Report(documentName: Hostile, problems: ["@SUM(1+1)*cmd|' /C calc'!A0", "-2+3"]));

        var document = rows.Single(r => r[0] == "documents");
        document[1].ShouldBe("'" + Hostile);
        rows.Where(r => r[0] == "document_problems").Select(r => r[6]).ShouldBe(["'@SUM(1+1)*cmd|' /C calc'!A0", "'-2+3"]);
        rows.Where(r => r[0] == "document_problems").ShouldAllBe(r => r[1] == "'" + Hostile);
        rows.Skip(1).SelectMany(r => new[] { r[0], r[1], r[2], r[5], r[6] })
            .ShouldAllBe(text => text.Length == 0 || "=+-@\t\r".IndexOf(text[0]) < 0);
    }

    [Fact]
    public void Write_DelimitersQuotesAndLineBreaks_QuotedPerRfc4180()
    {
        var text = Write(Report(documentName: "a,b \"c\".csv", problems: ["line one\r\nline two"]));

        text.ShouldContain("documents,\"a,b \"\"c\"\".csv\",,13,,Parsed,");
        var problem = Parse(text).Single(r => r[0] == "document_problems");
        problem[1].ShouldBe("a,b \"c\".csv");
        problem[6].ShouldBe("line one\r\nline two");
    }

    [Fact]
    public void Field_NothingSpecial_Unquoted() => ReportCsvWriter.Field("EUR").ShouldBe("EUR");

    private static string Write(ReconciliationReport report)
    {
        using var writer = new StringWriter(CultureInfo.GetCultureInfo("fr-FR"));
        ReportCsvWriter.Write(report, writer);
        return writer.ToString();
    }

    private static List<string[]> WriteAndParse(ReconciliationReport report) => Parse(Write(report));

    private static List<string[]> Parse(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }
}

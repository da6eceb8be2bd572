using System.IO.Compression;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;
using static Connector.Mapping.Tests.Reading.ReadingHelper;

namespace Connector.Mapping.Tests.Reading;

public sealed class XlsxReadingTests
{
    private static Mapping.Profiles.MappingProfile XlsxProfile(string xlsx = "") => Profile(
        "name: p\nformat: xlsx\n" + xlsx + "numbers: { decimal: \",\", group: \" \" }\ndates: { formats: [dd.MM.yyyy] }\n"
        + "fields:\n  invoice_number: { column: Rechnung }\n  issue_date: { column: Datum }\n  customer_name: { column: Kunde }\n  amount: { column: Betrag }\n  quantity: { column: Menge }\n");

    private static readonly object?[] Header = ["Rechnung", "Datum", "Kunde", "Betrag", "Menge"];

    [Fact]
    public void Read_TypedCells_GiveDatesAndDecimalsDirectly()
    {
        using var xlsx = XlsxBuilder.Build(("Rechnungen", [
            Header,
            ["R-1", new DateTime(2026, 3, 5), "Müller GmbH", 0.1 + 0.2, 2],
            ["R-1", "05.03.2026", "Müller GmbH", "1 234,50", "3"],
            [1002, new DateTime(2026, 3, 6), "Schmidt AG", 99.99, 1],
        ]));

        var (invoices, context) = Read(xlsx, XlsxProfile());

        context.Problems.ShouldBeEmpty();
        invoices.Count.ShouldBe(2);
        var first = invoices[0].Invoice;
        first.IssueDate.ShouldBe(new DateOnly(2026, 3, 5));
        first.Lines[0].Amount.ShouldBe(0.3m);
        first.Lines[0].Quantity.ShouldBe(2m);
        first.Lines[1].Amount.ShouldBe(1234.50m);
        first.Lines.Select(l => l.SourceLine).ShouldBe([2, 3]);
        first.Source.ShouldBe(new SourceLocation("doc.csv", 2, null, "Rechnungen"));
        invoices[1].Invoice.Number.ShouldBe("1002");
    }

    [Fact]
    public void Read_SheetByNameAndHeaderRow_UsesSpreadsheetRowNumbersInProblems()
    {
        using var xlsx = XlsxBuilder.Build(
            ("Notes", [["nothing here"]]),
            ("Daten", [
                ["Export März 2026"],
                null,
                Header,
                ["R-1", "kein Datum", "Kunde A", 10.0, 1],
            ]));

        var (invoices, context) = Read(xlsx, XlsxProfile("xlsx: { sheet: daten, header_row: 3 }\n"));

        context.Failed.ShouldBeFalse();
        var problem = invoices.ShouldHaveSingleItem().Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldInvalidDate);
        problem.Location.ShouldBe(new SourceLocation("doc.csv", 4, "Datum (B)", "Daten"));
        problem.Value.ShouldBe("kein Datum");
    }

    [Fact]
    public void Read_SheetByIndex_ReadsThatSheet()
    {
        using var xlsx = XlsxBuilder.Build(("A", [["x"]]), ("B", [Header, ["R-9", "01.01.2026", "K", 1.0, 1]]));

        var (invoices, _) = Read(xlsx, XlsxProfile("xlsx: { sheet: 2 }\n"));

        invoices.ShouldHaveSingleItem().Invoice.Number.ShouldBe("R-9");
    }

    [Fact]
    public void Read_MissingSheet_FailsListingTheSheets()
    {
        using var xlsx = XlsxBuilder.Build(("Alpha", [Header]), ("Beta", [Header]));

        var (invoices, context) = Read(xlsx, XlsxProfile("xlsx: { sheet: Gamma }\n"));

        invoices.ShouldBeEmpty();
        context.Failed.ShouldBeTrue();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.SheetMissing);
        problem.Message.ShouldContain("'Alpha', 'Beta'");
    }

    [Fact]
    public void Read_MissingColumn_FailsNamingIt()
    {
        using var xlsx = XlsxBuilder.Build(("S", [["Rechnung", "Datum", "Kunde", "Summe"], ["R-1", "01.01.2026", "K", 1.0]]));

        var (_, context) = Read(xlsx, XlsxProfile());

        context.Failed.ShouldBeTrue();
        context.Problems.ShouldHaveSingleItem().Message.ShouldContain("'Betrag', 'Menge'");
    }

    [Fact]
    public void Read_HeaderOnly_FailsAsEmpty()
    {
        using var xlsx = XlsxBuilder.Build(("S", [Header]));

        var (_, context) = Read(xlsx, XlsxProfile());

        context.Failed.ShouldBeTrue();
        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.EmptyFile);
    }

    [Fact]
    public void Read_NotAZip_FailsAsInvalidWorkbook()
    {
        var (invoices, context) = Read(new MemoryStream("Rechnung;Datum\nR-1;x\n"u8.ToArray()), XlsxProfile());

        invoices.ShouldBeEmpty();
        context.Failed.ShouldBeTrue();
        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.WorkbookInvalid);
    }

    [Fact]
    public void Read_ZipBomb_IsRefusedBeforeParsing()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < 300; i++)
            {
                entry.Write(block);
            }
        }

        bomb.Length.ShouldBeLessThan(5L * 1024 * 1024);
        bomb.Position = 0;

        var (invoices, context) = Read(bomb, XlsxProfile());

        invoices.ShouldBeEmpty();
        context.Failed.ShouldBeTrue();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.WorkbookUnsafe);
        problem.Value.ShouldBe("xl/worksheets/sheet1.xml");
    }

    [Fact]
    public void Read_HighlyCompressedEntryUnderTheSizeLimit_IsRefusedForItsRatio()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[8 * 1024 * 1024]);
        }

        bomb.Position = 0;

        var (_, context) = Read(bomb, XlsxProfile());

        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.WorkbookUnsafe);
        problem.Message.ShouldContain("compressed");
    }

    [Fact]
    public void Read_TooManyEntries_IsRefused()
    {
        using var xlsx = XlsxBuilder.Build(("S", [Header, ["R-1", "01.01.2026", "K", 1.0, 1]]));

        var (_, context) = Read(xlsx, XlsxProfile(), new ReaderLimits(MaxXlsxEntries: 3));

        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.WorkbookUnsafe);
    }

    [Fact]
    public void Read_CreditNoteWithNegativeAmounts_KeepsKindInvoiceWithoutDetection()
    {
        using var xlsx = XlsxBuilder.Build(("S", [Header, ["R-1", "01.01.2026", "K", -5.0, 1]]));

        var (invoices, _) = Read(xlsx, XlsxProfile());

        invoices.ShouldHaveSingleItem().Invoice.Kind.ShouldBe(InvoiceKind.Invoice);
    }

    [Fact]
    public void Read_ForwardOnlyStream_IsBufferedAndRead()
    {
        using var xlsx = XlsxBuilder.Build(("S", [Header, ["R-1", "01.01.2026", "K", 1.0, 1]]));

        var (invoices, context) = Read(new ForwardOnlyStream(xlsx), XlsxProfile());

        context.Problems.ShouldBeEmpty();
        invoices.ShouldHaveSingleItem().Invoice.Number.ShouldBe("R-1");
    }
}

using System.Text;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;
using static Connector.Mapping.Tests.Reading.ReadingHelper;

namespace Connector.Mapping.Tests.Reading;

public sealed class CsvInputTests
{
    private const string Yaml = "name: p\nformat: csv\ncsv: { delimiter: \";\", encoding: ENCODING }\nfields:\n  invoice_number: { column: Numéro }\n  customer_name: { column: Client }\n  amount: { column: Montant }\n";

    private static Mapping.Profiles.MappingProfile ProfileIn(string encoding) => Profile(Yaml.Replace("ENCODING", encoding, StringComparison.Ordinal));

    private const string Text = "Numéro;Client;Montant\nF1;Société Générale €;10\nF2;Ærø Ødegård;20\n";

    [Theory]
    [InlineData("windows-1252", 1252)]
    [InlineData("iso-8859-15", 28605)]
    [InlineData("utf-8", 65001)]
    public void Read_ProfileEncoding_DecodesAccents(string encoding, int codePage)
    {
        var (invoices, context) = ReadText(Text, ProfileIn(encoding), Encoding.GetEncoding(codePage));

        context.Problems.ShouldBeEmpty();
        invoices.Select(i => i.Invoice.Customer.Name).ShouldBe(["Société Générale €", "Ærø Ødegård"]);
    }

    [Fact]
    public void Read_Latin1_DecodesAccents()
    {
        var (invoices, _) = ReadText("Numéro;Client;Montant\nF1;Ærø;1\n", ProfileIn("iso-8859-1"), Encoding.Latin1);

        invoices.ShouldHaveSingleItem().Invoice.Customer.Name.ShouldBe("Ærø");
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("windows-1252")]
    [InlineData("utf-16")]
    public void Read_ByteOrderMark_WinsOverTheProfile(string profileEncoding)
    {
        foreach (var encoding in new Encoding[] { new UTF8Encoding(true), Encoding.Unicode, Encoding.BigEndianUnicode })
        {
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Text)).ToArray();

            var (invoices, context) = Read(new MemoryStream(bytes), ProfileIn(profileEncoding));

            context.Problems.ShouldBeEmpty();
            invoices.Select(i => i.Invoice.Customer.Name).ShouldBe(["Société Générale €", "Ærø Ødegård"], encoding.WebName);
        }
    }

    [Fact]
    public void Read_Windows1252BytesAsUtf8_FailsWithTheLineAndNoRecord()
    {
        var text = "Numéro;Client;Montant\n".Replace("é", "e", StringComparison.Ordinal) + "F1;Acme;1\nF2;Acme;2\nF3;Société;3\n";
        var profile = Profile(Yaml.Replace("ENCODING", "utf-8", StringComparison.Ordinal).Replace("Numéro", "Numero", StringComparison.Ordinal));

        foreach (var seekable in new[] { true, false })
        {
            Stream stream = new MemoryStream(Encoding.GetEncoding(1252).GetBytes(text));
            stream = seekable ? stream : new ForwardOnlyStream(stream);

            var (invoices, context) = Read(stream, profile);

            context.Failed.ShouldBeTrue();
            var problem = context.Problems.ShouldHaveSingleItem();
            problem.Code.ShouldBe(ProblemCodes.EncodingInvalid);
            problem.Location.Line.ShouldBe(4);
            if (seekable)
            {
                invoices.ShouldBeEmpty();
            }
        }
    }

    [Fact]
    public void Read_UnbalancedQuoteWithoutMultiline_IsMalformedNamingTheLineAndOtherRowsComeOut()
    {
        const string csv = "Numéro;Client;Montant\nF1;Acme;1\nF2;\"Broken;2\nF3;\"Quoted; fine\";3\n";

        var profile = ProfileIn("utf-8");

        var (invoices, context) = ReadText(csv, profile with { Csv = profile.Csv with { Multiline = false } });

        context.Failed.ShouldBeFalse();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.MalformedCsv);
        problem.Location.Line.ShouldBe(3);
        invoices.Select(i => i.Invoice.Number).ShouldBe(["F1", "F3"]);
        invoices[1].Invoice.Customer.Name.ShouldBe("Quoted; fine");
    }

    [Fact]
    public void Read_LineBreakInsideQuotes_BelongsToTheField()
    {
        const string csv = "Numéro;Client;Montant\nF1;\"Acme\nSiège Lyon\";1\nF2;Globex;2\n";

        var (invoices, context) = ReadText(csv, ProfileIn("utf-8"));

        context.Problems.ShouldBeEmpty();
        invoices.Select(i => i.Invoice.Number).ShouldBe(["F1", "F2"]);
        invoices[0].Invoice.Customer.Name.ShouldBe("Acme\nSiège Lyon");
        invoices[1].Invoice.Source.Line.ShouldBe(4);
    }

    [Fact]
    public void Read_QuoteNeverClosed_SkipsTheSpanUpToTheNextQuoteNamingEveryLine()
    {
        const string csv = "Numéro;Client;Montant\nF1;Acme;1\nF2;\"Broken;2\nF3;Plain;3\nF4;\"Quoted\";4\nF5;Plain;5\n";

        var (invoices, context) = ReadText(csv, ProfileIn("utf-8"));

        context.Failed.ShouldBeFalse();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.MalformedCsv);
        problem.Location.Line.ShouldBe(3);
        problem.Message.ShouldContain("lines 3 to 5");
        invoices.Select(i => i.Invoice.Number).ShouldBe(["F1", "F5"]);
    }

    [Fact]
    public void Read_MissingColumns_FailsListingMissingAndFound()
    {
        var (invoices, context) = ReadText("Numéro;Customer;Total\nF1;Acme;1\n", ProfileIn("utf-8"));

        invoices.ShouldBeEmpty();
        context.Failed.ShouldBeTrue();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.MissingColumn);
        problem.Message.ShouldContain("'Client', 'Montant'");
        problem.Message.ShouldContain("'Numéro', 'Customer', 'Total'");
    }

    [Fact]
    public void Read_HeaderMatching_IgnoresCaseAndSurroundingSpaces()
    {
        var (invoices, context) = ReadText(" NUMÉRO ;client;  Montant\nF1;Acme;1\n", ProfileIn("utf-8"));

        context.Problems.ShouldBeEmpty();
        invoices.ShouldHaveSingleItem().Invoice.Customer.Name.ShouldBe("Acme");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Numéro;Client;Montant\n")]
    [InlineData("\n\n")]
    public void Read_EmptyOrHeaderOnly_FailsAsEmpty(string text)
    {
        var (invoices, context) = ReadText(text, ProfileIn("utf-8"));

        invoices.ShouldBeEmpty();
        context.Failed.ShouldBeTrue();
        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.EmptyFile);
    }

    [Fact]
    public void Read_BinaryFileRenamedCsv_FailsAsBinary()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x50;
        bytes[1] = 0x4B;
        bytes[100] = 0;

        var (invoices, context) = Read(new MemoryStream(bytes), ProfileIn("windows-1252"));

        invoices.ShouldBeEmpty();
        context.Failed.ShouldBeTrue();
        context.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.BinaryFile);
    }

    [Fact]
    public void Read_FiftyMegabyteLine_IsSkippedWithBoundedMemoryAndReadingGoesOn()
    {
        var stream = new HugeLineStream("Numéro;Client;Montant\nF1;Acme;1\nF2;", 50L * 1024 * 1024, "\nF3;Beta;3\n");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var (invoices, context) = Read(stream, ProfileIn("utf-8"));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.ShouldBeLessThan(16L * 1024 * 1024);
        context.Failed.ShouldBeFalse();
        var problem = context.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.LineTooLong);
        problem.Location.Line.ShouldBe(3);
        invoices.Select(i => i.Invoice.Number).ShouldBe(["F1", "F3"]);
        invoices[1].Invoice.Source.Line.ShouldBe(4);
    }

    [Fact]
    public void Read_ForwardOnlyStream_ReadsLikeAFile()
    {
        var (invoices, context) = Read(new ForwardOnlyStream(new MemoryStream(Encoding.UTF8.GetBytes(Text))), ProfileIn("utf-8"));

        context.Problems.ShouldBeEmpty();
        invoices.Count.ShouldBe(2);
    }

    [Fact]
    public void Read_IsLazy_FirstInvoiceComesBeforeTheRestIsRead()
    {
        var csv = "Numéro;Client;Montant\n" + string.Concat(Enumerable.Range(1, 200_000).Select(i => $"F{i};Acme;1\n"));
        var context = new DocumentReadContext("doc.csv");

        var first = InvoiceDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ProfileIn("utf-8"), "FR01", context).First();

        first.Invoice.Number.ShouldBe("F1");
        context.RowsRead.ShouldBeLessThan(1000);
    }

    [Fact]
    public void Read_Utf16WithoutBom_UsesTheProfileEncoding()
    {
        var (invoices, context) = ReadText(Text, ProfileIn("utf-16"), new UnicodeEncoding(bigEndian: false, byteOrderMark: false));

        context.Problems.ShouldBeEmpty();
        invoices.Select(i => i.Invoice.Customer.Name).ShouldBe(["Société Générale €", "Ærø Ødegård"]);
    }

    [Fact]
    public void Read_WindowsLineEndingsAndQuotes_ReadCleanly()
    {
        const string csv = "Title line\r\nNuméro;Client;Montant\r\nF1;\"Dupont; fils\";\"1 234\"\r\nF2;\"Say \"\"hi\"\"\";2\r\n";
        var profile = Profile(Yaml.Replace("ENCODING", "utf-8", StringComparison.Ordinal).Replace("encoding: utf-8", "encoding: utf-8, skip_rows: 1", StringComparison.Ordinal).Replace("format: csv", "format: csv\nnumbers: { group: \" \" }", StringComparison.Ordinal));

        var (invoices, context) = ReadText(csv, profile);

        context.Problems.ShouldBeEmpty();
        invoices[0].Invoice.Customer.Name.ShouldBe("Dupont; fils");
        invoices[0].Invoice.Lines[0].Amount.ShouldBe(1234m);
        invoices[0].Invoice.Source.Line.ShouldBe(3);
        invoices[1].Invoice.Customer.Name.ShouldBe("Say \"hi\"");
    }

    [Fact]
    public void Read_KindValueThatIsNotAKind_IsUnmappedProblem()
    {
        var profile = Profile("name: p\nformat: csv\nfields:\n  invoice_number: { column: N }\n  kind: { column: T }\n");

        var (invoices, _) = ReadText("N,T\n1,FA\n2,credit_note\n", profile);

        var problem = invoices[0].Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.FieldUnmappedValue);
        problem.Value.ShouldBe("FA");
        invoices[1].Invoice.Kind.ShouldBe(Connector.Mapping.Model.InvoiceKind.CreditNote);
    }
}

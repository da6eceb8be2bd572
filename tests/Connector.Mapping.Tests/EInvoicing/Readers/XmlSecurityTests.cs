using System.Diagnostics;
using System.Globalization;
using System.Text;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Tests.EInvoicing.Readers;

public sealed class XmlSecurityTests
{
    private const string UblNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private const string CbcNs = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    [Fact]
    public void Read_XxeWithFileEntity_IsRefusedAndTheFileIsNeverRead()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), $"einv-secret-{Guid.NewGuid():N}.txt");
        const string secret = "TOP-SECRET-CONTENT-4711";
        File.WriteAllText(secretFile, secret);
        try
        {
            var xml = $"<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"file://{secretFile}\">]>\n"
                + $"<Invoice xmlns=\"{UblNs}\" xmlns:cbc=\"{CbcNs}\"><cbc:ID>&xxe;</cbc:ID></Invoice>";

            var result = ReaderHelper.Read(xml, "xxe.xml");

            result.Invoice.ShouldBeNull();
            var problem = result.Problems.ShouldHaveSingleItem();
            problem.Code.ShouldBe(ProblemCodes.XmlUnsafe);
            problem.Severity.ShouldBe(ProblemSeverity.Error);
            problem.Location.Document.ShouldBe("xxe.xml");
            problem.Location.Line.ShouldBe(2);
            result.Problems.ShouldAllBe(p => !p.Message.Contains(secret) && (p.Value == null || !p.Value.Contains(secret)));
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void Read_BillionLaughs_IsRefusedAtOnceWithoutExpanding()
    {
        var entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            var previous = i == 1 ? "lol" : "lol" + (i - 1).ToString(CultureInfo.InvariantCulture);
            entities.Append(CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&{previous};", 10))}\">");
        }

        var xml = $"<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [{entities}]>\n<Invoice xmlns=\"{UblNs}\" xmlns:cbc=\"{CbcNs}\"><cbc:ID>&lol9;</cbc:ID></Invoice>";
        var watch = Stopwatch.StartNew();

        var result = ReaderHelper.Read(xml, "laughs.xml");

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        result.Invoice.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.XmlUnsafe);
    }

    [Fact]
    public void Read_DoctypeAlone_IsRefusedAsUnsafe()
    {
        var result = ReaderHelper.Read($"<!DOCTYPE Invoice>\n<Invoice xmlns=\"{UblNs}\"/>", "doctype.xml");

        result.Invoice.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.XmlUnsafe);
        problem.Location.ShouldBe(new SourceLocation("doctype.xml", 1, "DOCTYPE"));
    }

    [Fact]
    public void Read_MalformedXml_GivesLineAndPosition()
    {
        var result = ReaderHelper.Read($"<Invoice xmlns=\"{UblNs}\">\n  <ID>1</ID>\n  <Note>open\n</Invoice>", "broken.xml");

        result.Invoice.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.XmlMalformed);
        problem.Location.Line.ShouldBe(4);
        problem.Location.Column.ShouldNotBeNull().ShouldStartWith("position ");
        problem.Message.ShouldContain("line 4");
    }

    [Fact]
    public void Read_LargerThanMaxBytes_IsRefusedUnparsed()
    {
        var xml = $"<Invoice xmlns=\"{UblNs}\"><Note>{new string('a', 5000)}</Note></Invoice>";

        var result = ReaderHelper.Read(xml, limits: new EInvoiceReadLimits(MaxBytes: 1000));

        result.Invoice.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.XmlLimitExceeded);
    }

    [Fact]
    public void Read_NonSeekableStreamLargerThanMaxBytes_IsRefused()
    {
        var bytes = Encoding.UTF8.GetBytes($"<Invoice xmlns=\"{UblNs}\"><Note>{new string('a', 5000)}</Note></Invoice>");
        using var stream = new NonSeekableStream(bytes);

        var result = EInvoiceXml.Read(stream, "pipe.xml", new EInvoiceReadLimits(MaxBytes: 1000));

        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.XmlLimitExceeded);
    }

    [Fact]
    public void Read_MoreCharactersThanTheLimit_IsRefusedAsLimit()
    {
        var xml = $"<Invoice xmlns=\"{UblNs}\"><Note>{new string('a', 5000)}</Note></Invoice>";

        var result = ReaderHelper.Read(xml, limits: new EInvoiceReadLimits(MaxCharactersInDocument: 1000));

        result.Invoice.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.XmlLimitExceeded);
    }

    [Fact]
    public void Read_NestedDeeperThanTheLimit_IsRefused()
    {
        var xml = $"<Invoice xmlns=\"{UblNs}\">{string.Concat(Enumerable.Repeat("<a>", 100))}{string.Concat(Enumerable.Repeat("</a>", 100))}</Invoice>";

        var result = ReaderHelper.Read(xml);

        result.Invoice.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.XmlLimitExceeded);
    }

    [Fact]
    public void Read_NestedHundredThousandLevels_IsRefusedBeforeAnyTreeIsBuilt()
    {
        var xml = $"<Invoice xmlns=\"{UblNs}\">{string.Concat(Enumerable.Repeat("<a>", 100_000))}{string.Concat(Enumerable.Repeat("</a>", 100_000))}</Invoice>";
        var watch = Stopwatch.StartNew();

        var result = ReaderHelper.Read(xml);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.XmlLimitExceeded);
        problem.Location.Column.ShouldBe("element a");
    }

    [Theory]
    [InlineData("")]
    [InlineData("%PDF-1.7\n")]
    [InlineData("Invoice;Amount\n1;2")]
    public void Read_NotAnXmlInvoice_GivesAnErrorNotAnException(string content)
    {
        var result = ReaderHelper.Read(content);

        result.Invoice.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Severity.ShouldBe(ProblemSeverity.Error);
    }

    [Fact]
    public void Read_UnknownEncodingDeclared_IsMalformedNotAnException()
    {
        var result = ReaderHelper.Read($"<?xml version=\"1.0\" encoding=\"no-such-charset\"?><Invoice xmlns=\"{UblNs}\"/>");

        result.Invoice.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.XmlMalformed);
    }

    [Fact]
    public void Read_InvalidUtf8Bytes_IsMalformedNotAnException()
    {
        var bytes = Encoding.UTF8.GetBytes($"<Invoice xmlns=\"{UblNs}\"><Note>x</Note></Invoice>");
        bytes[bytes.Length - 20] = 0xC3;
        bytes[bytes.Length - 19] = 0x28;
        using var stream = new MemoryStream(bytes);

        var result = EInvoiceXml.Read(stream, "bad-utf8.xml");

        result.Invoice.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.XmlMalformed);
    }

    [Fact]
    public void Read_PdfWithJunkBeforeItsHeader_SaysItIsAPdf()
        => ReaderHelper.Read("garbage\n%PDF-1.4\n").Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.UnknownFormat);

    [Fact]
    public void Read_UnknownRoot_NamesTheRootAndNamespace()
    {
        var result = ReaderHelper.Read("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>", "camt.xml");

        result.Invoice.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.EInvoiceUnknownRoot);
        problem.Message.ShouldContain("camt.053.001.02");
        problem.Value.ShouldBe("Document");
    }

    private sealed class NonSeekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}

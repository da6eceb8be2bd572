using System.Text;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.Entities;
using Connector.Mapping.Problems;
using Connector.Mapping.Reading;
using Connector.Mapping.Tests.EInvoicing.Readers;

namespace Connector.Mapping.Tests.EInvoicing;

/// <summary>The e-invoice document: which embedded XML of a PDF is read, what fails the document and what only warns.</summary>
public sealed class EInvoiceDocumentReaderTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% a PDF the fake extractor answers for\n");

    [Fact]
    public void ReadDocument_PdfWithZugferd1AndFacturX_ReadsTheFacturXAndKeepsThePdfAsTheDocument()
    {
        var extractor = new FakeExtractor(new PdfExtraction(PdfExtractionStatus.Ok, [
            new PdfAttachment("ZUGFeRD-invoice.xml", Encoding.UTF8.GetBytes(Zugferd1())),
            new PdfAttachment("Lieferschein.xml", Encoding.UTF8.GetBytes("<delivery/>")),
            new PdfAttachment("factur-x.xml", Encoding.UTF8.GetBytes(CiiSamples.Invoice())),
        ], XmpConformanceLevel: "EXTENDED"));

        var (document, context) = Read(Pdf, extractor);

        context.Failed.ShouldBeFalse();
        document.Format.ShouldBe("pdf");
        document.EmbeddedFile.ShouldBe("factur-x.xml");
        document.Record!.Invoice.Number.ShouldBe("FX-2026-7");
        document.Record.Invoice.Electronic!.Syntax.ShouldBe("CII in PDF");
        document.Record.Invoice.Source.Document.ShouldBe("invoice.pdf");
        document.Record.Problems.ShouldNotContain(p => p.Code == ProblemCodes.EInvoiceProfileMismatch);
    }

    [Fact]
    public void ReadDocument_XmpClaimsAnotherProfile_WarnsAndReadsTheXml()
    {
        var extractor = new FakeExtractor(new PdfExtraction(PdfExtractionStatus.Ok, [new PdfAttachment("factur-x.xml", Encoding.UTF8.GetBytes(CiiSamples.Invoice()))], XmpConformanceLevel: "BASIC"));

        var (document, _) = Read(Pdf, extractor);

        var warning = document.Record!.Problems.Single(p => p.Code == ProblemCodes.EInvoiceProfileMismatch);
        warning.Severity.ShouldBe(ProblemSeverity.Warning);
        warning.Message.ShouldContain("BASIC");
        warning.Message.ShouldContain("EXTENDED");
    }

    [Theory]
    [InlineData(nameof(PdfExtractionStatus.TimedOut), ProblemCodes.PdfTimedOut)]
    [InlineData(nameof(PdfExtractionStatus.Unreadable), ProblemCodes.PdfUnreadable)]
    [InlineData(nameof(PdfExtractionStatus.TooLarge), ProblemCodes.PdfTooLarge)]
    [InlineData(nameof(PdfExtractionStatus.ToolMissing), ProblemCodes.PdfToolMissing)]
    public void ReadDocument_PdfToolFails_DocumentFailsWithTheReason(string status, string code)
    {
        var (document, context) = Read(Pdf, new FakeExtractor(PdfExtraction.Failed(Enum.Parse<PdfExtractionStatus>(status), "poppler said no")));

        context.Failed.ShouldBeTrue();
        context.Problems.Single().Code.ShouldBe(code);
        context.Problems.Single().Message.ShouldContain("poppler said no");
        document.Record.ShouldBeNull();
    }

    [Fact]
    public void ReadDocument_PlainPdf_FailsAsNoEInvoiceNamingWhatItCarries()
    {
        var extractor = new FakeExtractor(new PdfExtraction(PdfExtractionStatus.Ok, [new PdfAttachment("order-x.xml", Encoding.UTF8.GetBytes("<rsm:SCRDMCCBDACIOMessageStructure xmlns:rsm=\"urn:un:unece:uncefact:data:standard:SCRDMCCBDACIOMessageStructure:100\"/>"))]));

        var (_, context) = Read(Pdf, extractor);

        context.Failed.ShouldBeTrue();
        context.Problems.Single().Code.ShouldBe(ProblemCodes.PdfNoEInvoice);
        context.Problems.Single().Message.ShouldContain("order-x.xml");
    }

    [Fact]
    public void ReadDocument_SellerIsAnotherEntity_DocumentFailsNamingIt()
    {
        var de01 = Entity("DE01", ["DE123456789"]);
        var fr01 = Entity("FR01", ["FR13412987653"]);
        var context = new DocumentReadContext("invoice.xml") { EInvoices = new EInvoiceReading(null, new SellerRouter([de01, fr01]), fr01) };

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(CiiSamples.Invoice()));
        var document = EInvoiceDocumentReader.ReadDocument(stream, null, "FR01", context);

        context.Failed.ShouldBeTrue();
        var problem = context.Problems.Single();
        problem.Code.ShouldBe(ProblemCodes.EInvoiceSellerOtherEntity);
        problem.Message.ShouldContain("entity DE01, not FR01");
        document.Route!.Entity.ShouldBe(de01);
    }

    [Fact]
    public void ReadDocument_EntityWithoutIdentifiers_WarnsThatTheSellerWasNotChecked()
    {
        var us01 = Entity("US01", []);
        var context = new DocumentReadContext("invoice.xml") { EInvoices = new EInvoiceReading(null, new SellerRouter([us01]), us01) };

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(CiiSamples.Invoice()));
        var document = EInvoiceDocumentReader.ReadDocument(stream, null, "US01", context);

        context.Failed.ShouldBeFalse();
        context.Problems.Single().Severity.ShouldBe(ProblemSeverity.Warning);
        document.Record.ShouldNotBeNull();
    }

    [Fact]
    public void ReadDocument_XmlWithDoctype_RefusedUnread()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";

        var (_, context) = Read(Encoding.UTF8.GetBytes(xml), null, "evil.xml");

        context.Failed.ShouldBeTrue();
        context.Problems.Single().Code.ShouldBe(ProblemCodes.XmlUnsafe);
        context.Problems.Single().Message.ShouldNotContain("root:");
    }

    [Fact]
    public void ReadDocument_NonSeekableStreamOverTheLimit_FailsAsTooLargeWithoutReadingIt()
    {
        var context = new DocumentReadContext("big.xml", new ReaderLimits(MaxEInvoiceBytes: 1024));
        using var stream = new ForwardOnly(new MemoryStream(new byte[4096]));

        EInvoiceDocumentReader.ReadDocument(stream, null, "FR01", context);

        context.Problems.Single().Code.ShouldBe(ProblemCodes.FileTooLarge);
    }

    private static (EInvoiceDocument Document, DocumentReadContext Context) Read(byte[] content, IPdfAttachmentExtractor? extractor, string name = "invoice.pdf")
    {
        var context = new DocumentReadContext(name) { EInvoices = new EInvoiceReading(extractor, null, null) };
        using var stream = new MemoryStream(content);
        return (EInvoiceDocumentReader.ReadDocument(stream, null, "FR01", context), context);
    }

    private static EntityDefinition Entity(string code, string[] vat) => new()
    {
        Code = code,
        Name = code,
        Currency = "EUR",
        Country = "FR",
        Directory = "/m",
        MasterData = "customers.csv",
        Identifiers = new EntityIdentifiers { VatIds = vat },
        Target = new TargetDefinition { Type = "oracle-fbdi", BusinessUnit = "BU", TransactionSource = "S", TransactionType = "T", CreditMemoType = "C", DefaultTerms = "30 NET" },
    };

    private static string Zugferd1() => """
        <?xml version="1.0" encoding="UTF-8"?>
        <rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"/>
        """;

    private sealed class FakeExtractor(PdfExtraction result) : IPdfAttachmentExtractor
    {
        public PdfExtraction Extract(Stream pdf, CancellationToken cancellationToken = default) => result;
    }

    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

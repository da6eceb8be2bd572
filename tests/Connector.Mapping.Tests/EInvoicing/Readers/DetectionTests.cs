using System.Text;
using Connector.Mapping.EInvoicing.Xml;

namespace Connector.Mapping.Tests.EInvoicing.Readers;

public sealed class DetectionTests
{
    private const string UblInvoice = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><ID>1</ID></Invoice>";

    [Fact]
    public void Detect_PdfHeader_IsPdf()
        => ReaderHelper.Detect("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj").ShouldBe(EInvoiceFormat.Pdf);

    [Fact]
    public void Detect_PdfHeaderAfterJunkWithinOneKilobyte_IsPdf()
        => ReaderHelper.Detect(new string('x', 600) + "%PDF-1.4\n").ShouldBe(EInvoiceFormat.Pdf);

    [Fact]
    public void Detect_PdfHeaderPastOneKilobyte_IsNotXml()
        => ReaderHelper.Detect(new string('x', 2000) + "%PDF-1.4\n").ShouldBe(EInvoiceFormat.NotXml);

    [Fact]
    public void Detect_UblInvoiceWithBomCommentsAndPis_IsUblInvoice()
    {
        var xml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- generated -->\n<?xml-stylesheet href=\"x.xsl\"?>\n" + UblInvoice;
        ReaderHelper.Detect(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(xml[1..])).ToArray()).ShouldBe(EInvoiceFormat.UblInvoice);
    }

    [Fact]
    public void Detect_Utf16Document_IsRead()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + UblInvoice;
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(xml)).ToArray();
        ReaderHelper.Detect(bytes).ShouldBe(EInvoiceFormat.UblInvoice);
    }

    [Theory]
    [InlineData("<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"/>", nameof(EInvoiceFormat.UblCreditNote))]
    [InlineData("<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>", nameof(EInvoiceFormat.Cii))]
    [InlineData("<rsm:CrossIndustryDocument xmlns:rsm=\"urn:ferd:CrossIndustryDocument:invoice:1p0\"/>", nameof(EInvoiceFormat.Zugferd1))]
    [InlineData("<rsm:SCRDMCCBDACIOMessageStructure xmlns:rsm=\"urn:un:unece:uncefact:data:SCRDMCCBDACIOMessageStructure:100\"/>", nameof(EInvoiceFormat.OrderX))]
    [InlineData("<RemittanceAdvice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:RemittanceAdvice-2\"/>", nameof(EInvoiceFormat.OtherXml))]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>", nameof(EInvoiceFormat.OtherXml))]
    [InlineData("<Invoice xmlns=\"urn:example:other\"/>", nameof(EInvoiceFormat.OtherXml))]
    [InlineData("Number;Date;Amount\n1;2026-01-01;10.00", nameof(EInvoiceFormat.NotXml))]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- never closed", nameof(EInvoiceFormat.NotXml))]
    [InlineData("<Invoice><unclosed", nameof(EInvoiceFormat.OtherXml))]
    public void Detect_Root_GivesItsFormat(string text, string expected)
        => ReaderHelper.Detect(text).ShouldBe(Enum.Parse<EInvoiceFormat>(expected));

    [Fact]
    public void Detect_Doctype_IsUnsafe()
        => ReaderHelper.Detect("<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY x \"y\">]>\n" + UblInvoice).ShouldBe(EInvoiceFormat.Unsafe);

    [Fact]
    public void Detect_RootBeyondTheFirstBlockOfComments_IsStillFound()
        => ReaderHelper.Detect("<!--" + new string('c', 20_000) + "-->" + UblInvoice).ShouldBe(EInvoiceFormat.UblInvoice);

    [Fact]
    public void Detect_SeekableStream_RestoresItsPosition()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("junk" + UblInvoice));
        stream.Position = 4;
        EInvoiceXml.Detect(stream).ShouldBe(EInvoiceFormat.UblInvoice);
        stream.Position.ShouldBe(4);
    }
}

using Connector.Adapters.EInvoicing;

namespace Connector.Adapters.Tests.EInvoicing;

public sealed class FacturXXmpTests
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private static string Packet(string description) =>
        "\n<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"" + Rdf + "\">"
        + description + "</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>\n";

    [Theory]
    [InlineData("urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#", "EN 16931", "factur-x.xml")]
    [InlineData("urn:ferd:pdfa:CrossIndustryDocument:invoice:1p0#", "COMFORT", "ZUGFeRD-invoice.xml")]
    [InlineData("urn:zugferd:pdfa:CrossIndustryDocument:invoice:2p0#", "BASIC", "zugferd-invoice.xml")]
    public void Parse_ElementsInEachNamespace_ReadsLevelAndFileName(string ns, string level, string fileName)
    {
        var xmp = FacturXXmp.Parse(Packet($"<rdf:Description rdf:about=\"\" xmlns:fx=\"{ns}\"><fx:DocumentType>INVOICE</fx:DocumentType>"
            + $"<fx:DocumentFileName>{fileName}</fx:DocumentFileName><fx:Version>1.0</fx:Version><fx:ConformanceLevel> {level} </fx:ConformanceLevel></rdf:Description>"));

        xmp.ShouldBe(new FacturXXmp(level, fileName));
    }

    [Fact]
    public void Parse_Attributes_ReadsLevelAndFileName()
    {
        var xmp = FacturXXmp.Parse(Packet("<rdf:Description rdf:about=\"\" xmlns:zf=\"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#\" "
            + "zf:ConformanceLevel=\"BASIC WL\" zf:DocumentFileName=\"factur-x.xml\" zf:DocumentType=\"INVOICE\"/>"));

        xmp.ShouldBe(new FacturXXmp("BASIC WL", "factur-x.xml"));
    }

    [Fact]
    public void Parse_OtherNamespaceWithSameNames_IsIgnored()
    {
        var xmp = FacturXXmp.Parse(Packet("<rdf:Description rdf:about=\"\" xmlns:o=\"urn:example:other\"><o:ConformanceLevel>EXTENDED</o:ConformanceLevel></rdf:Description>"));

        xmp.ShouldBe(FacturXXmp.None);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><fx:ConformanceLevel xmlns:fx=\"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#\">EN 16931")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"EN 16931\">]><x xmlns:fx=\"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#\"><fx:ConformanceLevel>&e;</fx:ConformanceLevel></x>")]
    public void Parse_BrokenOrDtdPacket_GivesNothing(string xmp)
    {
        FacturXXmp.Parse(xmp).ShouldBe(FacturXXmp.None);
    }

    [Fact]
    public void ParseListing_NumberedLines_GivesIndexAndNameOnceEach()
    {
        var entries = PopplerPdfAttachments.ParseListing("3 embedded files\n1: factur-x.xml\n2: Bon de livraison: 12.pdf\r\n2: again.xml\nnot a line\n3: ../../x.xml\n");

        entries.ShouldBe([(1, "factur-x.xml"), (2, "Bon de livraison: 12.pdf"), (3, "../../x.xml")]);
    }
}

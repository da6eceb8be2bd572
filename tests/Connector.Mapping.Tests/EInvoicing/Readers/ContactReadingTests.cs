using Connector.Mapping.EInvoicing;

namespace Connector.Mapping.Tests.EInvoicing.Readers;

/// <summary>BG-6 / BG-9, the parties' contacts, as the XRechnung rules read them.</summary>
public sealed class ContactReadingTests
{
    [Fact]
    public void Read_CiiSellerContact_TakesNamePhoneAndMail()
    {
        var xml = CiiSamples.Invoice().Replace(
            "<ram:Name>Lieferant GmbH</ram:Name>",
            "<ram:Name>Lieferant GmbH</ram:Name><ram:DefinedTradeContact><ram:PersonName>Frau Muster</ram:PersonName><ram:TelephoneUniversalCommunication><ram:CompleteNumber>+49 89 1234</ram:CompleteNumber></ram:TelephoneUniversalCommunication><ram:EmailURIUniversalCommunication><ram:URIID>muster@lieferant.example</ram:URIID></ram:EmailURIUniversalCommunication></ram:DefinedTradeContact>",
            StringComparison.Ordinal);

        ReaderHelper.Invoice(xml).Seller.Contact.ShouldBe(new PartyContact("Frau Muster", "+49 89 1234", "muster@lieferant.example"));
    }

    [Fact]
    public void Read_CiiDepartmentOnly_IsTheContactName()
    {
        var xml = CiiSamples.Invoice().Replace(
            "<ram:Name>Lieferant GmbH</ram:Name>",
            "<ram:Name>Lieferant GmbH</ram:Name><ram:DefinedTradeContact><ram:DepartmentName>Buchhaltung</ram:DepartmentName></ram:DefinedTradeContact>",
            StringComparison.Ordinal);

        ReaderHelper.Invoice(xml).Seller.Contact.ShouldBe(new PartyContact("Buchhaltung", null, null));
    }

    [Fact]
    public void Read_UblSellerContact_TakesNamePhoneAndMail()
    {
        var xml = UblSamples.Invoice().Replace(
            "</cac:Party></cac:AccountingSupplierParty>",
            "<cac:Contact><cbc:Name>Sven</cbc:Name><cbc:Telephone>+46 8 123</cbc:Telephone><cbc:ElectronicMail>sven@seller.example</cbc:ElectronicMail></cac:Contact></cac:Party></cac:AccountingSupplierParty>",
            StringComparison.Ordinal);

        ReaderHelper.Invoice(xml).Seller.Contact.ShouldBe(new PartyContact("Sven", "+46 8 123", "sven@seller.example"));
    }

    [Fact]
    public void Read_NoContactGroup_IsNull()
    {
        ReaderHelper.Invoice(CiiSamples.Invoice()).Seller.Contact.ShouldBeNull();
        ReaderHelper.Invoice(UblSamples.Invoice()).Seller.Contact.ShouldBeNull();
    }
}

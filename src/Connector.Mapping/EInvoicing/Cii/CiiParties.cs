using System.Xml.Linq;
using Connector.Mapping.EInvoicing.Xml;

namespace Connector.Mapping.EInvoicing.Cii;

/// <summary>A CII <c>SellerTradeParty</c>, <c>BuyerTradeParty</c> or <c>PayeeTradeParty</c> as an <see cref="EInvoiceParty"/>.</summary>
internal static class CiiParties
{
    public static EInvoiceParty Read(XElement? party)
    {
        if (party is null)
        {
            return new EInvoiceParty();
        }

        var legal = party.Child("SpecifiedLegalOrganization");
        var address = party.Child("PostalTradeAddress");
        var identifiers = party.All("ID").Concat(party.All("GlobalID")).Select(Schemed).OfType<SchemedId>().ToList();
        return new EInvoiceParty
        {
            Name = party.Child("Name").Text(),
            TradingName = legal.Child("TradingBusinessName").Text(),
            Identifiers = identifiers,
            LegalId = Schemed(legal.Child("ID")),
            VatId = TaxId(party, "VA").Text(),
            TaxRegistrationId = TaxId(party, "FC").Text(),
            ElectronicAddress = Schemed(party.At("URIUniversalCommunication", "URIID")),
            CountryCode = address.Child("CountryID").Text(),
            Address = Address(address),
            HasPostalAddress = address is not null,
            Contact = Contact(party.Child("DefinedTradeContact")),
            Spot = party.Spot(),
        };
    }

    /// <summary>The <c>SpecifiedTaxRegistration/ID</c> with this scheme (VA: VAT id, FC: tax number).</summary>
    public static XElement? TaxId(XElement? party, string scheme)
        => party.All("SpecifiedTaxRegistration")
            .Select(r => r.Child("ID"))
            .FirstOrDefault(id => string.Equals(id.Attr("schemeID"), scheme, StringComparison.OrdinalIgnoreCase));

    public static SchemedId? Schemed(XElement? element)
        => element.Text() is { } value ? new SchemedId(value, element.Attr("schemeID")) : null;

    private static PartyContact? Contact(XElement? contact)
        => contact is null
            ? null
            : new PartyContact(
                contact.Child("PersonName").Text() ?? contact.Child("DepartmentName").Text(),
                contact.At("TelephoneUniversalCommunication", "CompleteNumber").Text(),
                contact.At("EmailURIUniversalCommunication", "URIID").Text());

    private static string? Address(XElement? address)
    {
        if (address is null)
        {
            return null;
        }

        var parts = new[] { "LineOne", "LineTwo", "LineThree", "CityName", "PostcodeCode", "CountrySubDivisionName" }
            .Select(n => address.Child(n).Text())
            .OfType<string>()
            .ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}

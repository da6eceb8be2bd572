using System.Xml.Linq;
using Connector.Mapping.EInvoicing.Xml;

namespace Connector.Mapping.EInvoicing.Ubl;

/// <summary>A UBL <c>cac:Party</c> (seller, buyer) or <c>cac:PayeeParty</c> as an <see cref="EInvoiceParty"/>.</summary>
internal static class UblParties
{
    public static EInvoiceParty Read(XElement? party, bool isPayee)
    {
        if (party is null)
        {
            return new EInvoiceParty();
        }

        var legal = party.Child("PartyLegalEntity");
        var tradingName = party.At("PartyName", "Name").Text();
        var vat = UblReader.VatOf(party);
        var otherTax = party.All("PartyTaxScheme")
            .Select(s => s.Child("CompanyID"))
            .FirstOrDefault(c => c is not null && !ReferenceEquals(c, vat));
        var address = party.Child("PostalAddress");
        var endpoint = party.Child("EndpointID");

        return new EInvoiceParty
        {
            // BT-59 (payee name) is cac:PartyName/cbc:Name; BT-27 / BT-44 is the legal registration name.
            Name = isPayee ? tradingName ?? legal.Child("RegistrationName").Text() : legal.Child("RegistrationName").Text(),
            TradingName = isPayee ? null : tradingName,
            Identifiers = [.. party.All("PartyIdentification").Select(p => Schemed(p.Child("ID"))).OfType<SchemedId>()],
            LegalId = Schemed(legal.Child("CompanyID")),
            VatId = vat.Text(),
            TaxRegistrationId = otherTax.Text(),
            ElectronicAddress = Schemed(endpoint),
            CountryCode = address.At("Country", "IdentificationCode").Text(),
            Address = Address(address),
            HasPostalAddress = address is not null,
            Contact = Contact(party.Child("Contact")),
            Spot = party.Spot(),
        };
    }

    public static SchemedId? Schemed(XElement? element)
        => element.Text() is { } value ? new SchemedId(value, element.Attr("schemeID")) : null;

    private static PartyContact? Contact(XElement? contact)
        => contact is null
            ? null
            : new PartyContact(contact.Child("Name").Text(), contact.Child("Telephone").Text(), contact.Child("ElectronicMail").Text());

    private static string? Address(XElement? address)
    {
        if (address is null)
        {
            return null;
        }

        var parts = new[]
        {
            address.Child("StreetName").Text(),
            address.Child("AdditionalStreetName").Text(),
        }
        .Concat(address.All("AddressLine").Select(l => l.Child("Line").Text()))
        .Concat([address.Child("CityName").Text(), address.Child("PostalZone").Text(), address.Child("CountrySubentity").Text()])
        .OfType<string>()
        .ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}

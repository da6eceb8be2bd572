using Connector.Mapping.EInvoicing;
using Connector.Mapping.EInvoicing.Xml;

namespace Connector.Mapping.Tests.EInvoicing.Readers;

public sealed class ProfileMappingTests
{
    [Theory]
    [InlineData("urn:factur-x.eu:1p0:minimum", nameof(EInvoiceProfile.Minimum))]
    [InlineData("urn:factur-x.eu:1p0:basicwl", nameof(EInvoiceProfile.BasicWl))]
    [InlineData("urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic", nameof(EInvoiceProfile.Basic))]
    [InlineData("urn:cen.eu:en16931:2017", nameof(EInvoiceProfile.En16931))]
    [InlineData("urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended", nameof(EInvoiceProfile.Extended))]
    [InlineData("urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic", nameof(EInvoiceProfile.Basic))]
    [InlineData("urn:cen.eu:en16931:2017:conformant:factur-x.eu:1p0:extended", nameof(EInvoiceProfile.Extended))]
    [InlineData("urn:zugferd.de:2p0:minimum", nameof(EInvoiceProfile.Minimum))]
    [InlineData("urn:zugferd.de:2p0:basic", nameof(EInvoiceProfile.Basic))]
    [InlineData("urn:zugferd.de:2p0:en16931", nameof(EInvoiceProfile.En16931))]
    [InlineData("urn:zugferd.de:2p0:extended", nameof(EInvoiceProfile.Extended))]
    [InlineData("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0", nameof(EInvoiceProfile.PeppolBis))]
    [InlineData("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0", nameof(EInvoiceProfile.XRechnung))]
    [InlineData("urn:cen.eu:en16931:2017#compliant#urn:xoev-de:kosit:standard:xrechnung_1.2", nameof(EInvoiceProfile.XRechnung))]
    [InlineData("urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr", nameof(EInvoiceProfile.ExtendedCtcFr))]
    [InlineData("urn:ferd:CrossIndustryDocument:invoice:1p0:basic", nameof(EInvoiceProfile.Zugferd1Basic))]
    [InlineData("urn:ferd:CrossIndustryDocument:invoice:1p0:comfort", nameof(EInvoiceProfile.Zugferd1Comfort))]
    [InlineData("urn:ferd:CrossIndustryDocument:invoice:1p0:extended", nameof(EInvoiceProfile.Zugferd1Extended))]
    [InlineData("  URN:FACTUR-X.EU:1P0:MINIMUM ", nameof(EInvoiceProfile.Minimum))]
    public void FromSpecificationId_KnownIdentifier_MapsToItsProfile(string id, string expected)
        => EInvoiceProfiles.FromSpecificationId(id).ShouldBe(Enum.Parse<EInvoiceProfile>(expected));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("urn:example:custom:profile")]
    [InlineData("urn:ferd:CrossIndustryDocument:invoice:1p0:premium")]
    public void FromSpecificationId_MissingOrForeignIdentifier_IsUnknown(string? id)
        => EInvoiceProfiles.FromSpecificationId(id).ShouldBe(EInvoiceProfile.Unknown);
}

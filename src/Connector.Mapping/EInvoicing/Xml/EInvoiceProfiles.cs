namespace Connector.Mapping.EInvoicing.Xml;

/// <summary>
/// Maps BT-24 (the specification identifier) to a profile: Peppol BIS, XRechnung and the French CTC extension by their
/// URNs, ZUGFeRD 1.0 by its own, and the Factur-X / ZUGFeRD 2.x profiles by the part after the last '#' and then its
/// last ':' segment (so the colon forms of older files and <c>urn:zugferd.de:2p0:*</c> map too).
/// </summary>
internal static class EInvoiceProfiles
{
    private const string Zugferd1 = "urn:ferd:crossindustrydocument:invoice:1p0";

    public static EInvoiceProfile FromSpecificationId(string? specificationId)
    {
        if (string.IsNullOrWhiteSpace(specificationId))
        {
            return EInvoiceProfile.Unknown;
        }

        var id = specificationId.Trim().ToLowerInvariant();
        if (id.StartsWith(Zugferd1, StringComparison.Ordinal))
        {
            return LastSegment(id) switch
            {
                "basic" => EInvoiceProfile.Zugferd1Basic,
                "comfort" => EInvoiceProfile.Zugferd1Comfort,
                "extended" => EInvoiceProfile.Zugferd1Extended,
                _ => EInvoiceProfile.Unknown,
            };
        }

        if (id.Contains("kosit:xrechnung", StringComparison.Ordinal) || id.Contains("kosit:standard:xrechnung", StringComparison.Ordinal)
            || id.EndsWith(":xrechnung", StringComparison.Ordinal))
        {
            return EInvoiceProfile.XRechnung;
        }

        if (id.Contains("extended-ctc-fr", StringComparison.Ordinal))
        {
            return EInvoiceProfile.ExtendedCtcFr;
        }

        if (id.Contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0", StringComparison.Ordinal))
        {
            return EInvoiceProfile.PeppolBis;
        }

        return LastSegment(id) switch
        {
            "minimum" => EInvoiceProfile.Minimum,
            "basicwl" => EInvoiceProfile.BasicWl,
            "basic" => EInvoiceProfile.Basic,
            "en16931" or "comfort" => EInvoiceProfile.En16931,
            "2017" when id.Contains("en16931", StringComparison.Ordinal) => EInvoiceProfile.En16931,
            "extended" => EInvoiceProfile.Extended,
            _ => EInvoiceProfile.Unknown,
        };
    }

    private static string LastSegment(string id)
    {
        var afterHash = id[(id.LastIndexOf('#') + 1)..];
        return afterHash[(afterHash.LastIndexOf(':') + 1)..];
    }
}

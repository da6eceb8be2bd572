using Connector.Mapping.EInvoicing.Mapping;
using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing;

/// <summary>
/// The XMP metadata of a Factur-X / ZUGFeRD PDF against its XML (formats.md section 7): the PDF must declare the
/// conformance level of its embedded invoice (fx:ConformanceLevel, ZUGFeRD 1.0/2.0 zf: alike), one of the levels that
/// exist, and the one the XML claims. Defects of the container do not change what is posted (the XML is what is
/// read): warnings.
/// </summary>
internal static class XmpRules
{
    private static readonly string[] Known = ["MINIMUM", "BASICWL", "BASIC", "EN16931", "EXTENDED", "XRECHNUNG"];

    /// <summary>The problem with the PDF's XMP conformance level, or null when it is present, known and agrees.</summary>
    public static Problem? Check(string? xmp, EInvoice invoice, string where)
    {
        var at = new SourceLocation(where, invoice.SpotOf("BT-24").Line, invoice.SpotOf("BT-24").Path);
        if (string.IsNullOrWhiteSpace(xmp))
        {
            return Problem.Warning(ProblemCodes.EInvoiceXmpInvalid, "The PDF's XMP metadata declares no Factur-X / ZUGFeRD conformance level (fx:ConformanceLevel): the PDF is not a conforming Factur-X / ZUGFeRD file; the embedded XML is what is read.", at, "XMP", null);
        }

        var claimed = Letters(xmp);
        if (claimed == "COMFORT")
        {
            claimed = "EN16931";
        }

        if (!Known.Contains(claimed, StringComparer.Ordinal))
        {
            return Problem.Warning(ProblemCodes.EInvoiceXmpInvalid, $"The PDF's XMP metadata claims the conformance level '{xmp}', which is none of MINIMUM, BASIC WL, BASIC, EN 16931 (COMFORT), EXTENDED, XRECHNUNG; the embedded XML is what is read.", at, "XMP", xmp);
        }

        var actual = invoice.Profile switch
        {
            EInvoiceProfile.Minimum => "MINIMUM",
            EInvoiceProfile.BasicWl => "BASICWL",
            EInvoiceProfile.Basic or EInvoiceProfile.Zugferd1Basic => "BASIC",
            EInvoiceProfile.En16931 or EInvoiceProfile.PeppolBis or EInvoiceProfile.Zugferd1Comfort => "EN16931",
            EInvoiceProfile.Extended or EInvoiceProfile.ExtendedCtcFr or EInvoiceProfile.Zugferd1Extended => "EXTENDED",
            EInvoiceProfile.XRechnung => "XRECHNUNG",
            _ => null,
        };
        return actual is not null && actual != claimed
            ? Problem.Warning(ProblemCodes.EInvoiceProfileMismatch, $"The PDF's XMP metadata claims the profile {xmp}, its XML {EInvoiceMapper.ProfileName(invoice)} ({invoice.SpecificationId}); the XML is what is read.", at, "BT-24", invoice.SpecificationId)
            : null;
    }

    private static string Letters(string text) => new([.. text.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
}

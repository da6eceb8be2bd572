using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Checks;

/// <summary>
/// Rules that follow from the profile a document claims (BT-24):
/// <list type="bullet">
/// <item>the specification identifier fits the syntax: a ZUGFeRD 1.0 URN belongs to a ZUGFeRD 1.0
/// <c>CrossIndustryDocument</c> only, and a ZUGFeRD 1.0 document carries one (the profile decides which rules
/// apply: a document claiming another syntax's profile is checked as EN 16931). A warning: EN 16931 itself only
/// requires BT-24 to be present, and CEN's own CII examples carry the ZUGFeRD 1.0 COMFORT URN;</item>
/// <item>Factur-X / ZUGFeRD MINIMUM and BASIC WL to a German buyer are booking aids, not invoices, unless typed 751
/// (ZUGFeRD 2.x schematron; UStAE 14.1 (14));</item>
/// <item>XRechnung (the German CIUS): BR-DE-2 the seller contact (BG-6) with BR-DE-5 name, BR-DE-6 telephone,
/// BR-DE-7 e-mail, and BR-DE-15 the buyer reference (BT-10).</item>
/// </list>
/// </summary>
internal static class ProfileRules
{
    public static void Check(CheckContext c)
    {
        var inv = c.Invoice;
        Syntax(c, inv);
        BookingAid(c, inv);
        OutsideProfile(c, inv);
        if (inv.Profile == EInvoiceProfile.XRechnung)
        {
            XRechnung(c, inv);
        }
    }

    private static void Syntax(CheckContext c, EInvoice inv)
    {
        var zugferd1Profile = inv.Profile is EInvoiceProfile.Zugferd1Basic or EInvoiceProfile.Zugferd1Comfort or EInvoiceProfile.Zugferd1Extended;
        string? problem = null;
        if (zugferd1Profile && inv.Syntax != EInvoiceSyntax.Zugferd1)
        {
            problem = $"the specification identifier (BT-24) '{inv.SpecificationId}' is a ZUGFeRD 1.0 profile, but the document is {(inv.Syntax == EInvoiceSyntax.Cii ? "a CII D16B CrossIndustryInvoice (ZUGFeRD 2.x / Factur-X)" : "UBL")}: its profile, and so the rules it follows, are unknown; it is checked as EN 16931";
        }
        else if (!zugferd1Profile && inv.Syntax == EInvoiceSyntax.Zugferd1 && !MandatoryRules.Blank(inv.SpecificationId))
        {
            problem = $"the specification identifier (BT-24) '{inv.SpecificationId}' is not a ZUGFeRD 1.0 profile (urn:ferd:CrossIndustryDocument:invoice:1p0:basic, comfort or extended), but the document is a ZUGFeRD 1.0 CrossIndustryDocument: its profile is unknown";
        }

        if (problem is not null)
        {
            c.Problems.Add(Problem.Warning(ProblemCodes.EInvoiceProfileInvalid, problem, c.At(inv.SpotOf("BT-24")), "BT-24", inv.SpecificationId));
        }
    }

    /// <summary>
    /// Factur-X MINIMUM carries header, parties and totals only (no preceding invoice BG-3, no lines, no document
    /// allowances or charges, no VAT breakdown); BASIC WL no lines. Terms beyond the profile make the XML invalid
    /// against the profile's schema; they are read all the same: a warning.
    /// </summary>
    private static void OutsideProfile(CheckContext c, EInvoice inv)
    {
        var extra = new List<string>();
        if (inv.Profile == EInvoiceProfile.Minimum)
        {
            Add(extra, inv.PrecedingInvoices.Count > 0, "a preceding invoice reference (BG-3)");
            Add(extra, inv.AllowancesCharges.Count > 0, "document allowances or charges (BG-20/BG-21)");
            Add(extra, inv.VatBreakdown.Count > 0, "a VAT breakdown (BG-23)");
        }

        if (inv.Profile is EInvoiceProfile.Minimum or EInvoiceProfile.BasicWl)
        {
            Add(extra, inv.Lines.Count > 0, "invoice lines (BG-25)");
        }

        if (extra.Count > 0)
        {
            var name = inv.Profile == EInvoiceProfile.Minimum ? "MINIMUM" : "BASIC WL";
            c.Problems.Add(Problem.Warning(
                ProblemCodes.EInvoiceProfileTerm,
                $"the document claims the profile {name}, which has no place for {string.Join(", ", extra)}; the XML is not valid for its profile (those terms are read all the same)",
                c.At(inv.SpotOf("BT-24")),
                "BT-24",
                inv.SpecificationId));
        }
    }

    private static void Add(List<string> extra, bool present, string what)
    {
        if (present)
        {
            extra.Add(what);
        }
    }

    private static void BookingAid(CheckContext c, EInvoice inv)
    {
        if (inv.Profile is not (EInvoiceProfile.Minimum or EInvoiceProfile.BasicWl)
            || !string.Equals(inv.Buyer.CountryCode?.Trim(), "DE", StringComparison.OrdinalIgnoreCase)
            || string.Equals(inv.TypeCode?.Trim(), "751", StringComparison.Ordinal))
        {
            return;
        }

        var name = inv.Profile == EInvoiceProfile.Minimum ? "MINIMUM" : "BASIC WL";
        c.Problems.Add(Problem.Error(
            ProblemCodes.EInvoiceBookingAidOnly,
            $"the document claims the profile {name} and its buyer is in Germany: there, MINIMUM and BASIC WL are only booking aids (type code 751), not invoices; its type code (BT-3) is '{inv.TypeCode}'. Ask the seller for an EN 16931 (or higher) invoice",
            c.At(inv.SpotOf("BT-3")),
            "BT-3",
            inv.TypeCode));
    }

    private static void XRechnung(CheckContext c, EInvoice inv)
    {
        var seller = inv.Seller;
        if (seller.Contact is not { } contact)
        {
            Error(c, "BR-DE-2", "the seller contact (BG-6) is missing; an XRechnung must name the seller's contact with name, telephone and e-mail", seller.Spot, "BG-6");
        }
        else
        {
            if (MandatoryRules.Blank(contact.Name))
            {
                Error(c, "BR-DE-5", "the seller contact point (BT-41) is missing", seller.Spot, "BT-41");
            }

            if (MandatoryRules.Blank(contact.Telephone))
            {
                Error(c, "BR-DE-6", "the seller contact telephone number (BT-42) is missing", seller.Spot, "BT-42");
            }

            if (MandatoryRules.Blank(contact.Email))
            {
                Error(c, "BR-DE-7", "the seller contact email address (BT-43) is missing", seller.Spot, "BT-43");
            }
        }

        if (MandatoryRules.Blank(inv.BuyerReference))
        {
            Error(c, "BR-DE-15", "the buyer reference (BT-10, the Leitweg-ID for public buyers) is missing", inv.SpotOf("BT-10"), "BT-10");
        }
    }

    private static void Error(CheckContext c, string rule, string message, XmlSpot spot, string businessTerm)
        => c.Problems.Add(Problem.Error(ProblemCodes.XRechnung(rule), $"{rule} (XRechnung): {message}", c.At(spot), businessTerm, null));
}

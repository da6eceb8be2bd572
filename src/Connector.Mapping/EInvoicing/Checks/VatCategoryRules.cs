using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Checks;

/// <summary>
/// The VAT category rules beyond the amounts, per VAT breakdown entry:
/// <list type="bullet">
/// <item>BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10: an exempt, reverse-charge, intra-community, export or
/// not-subject breakdown gives its exemption reason (BT-120) or code (BT-121);</item>
/// <item>BR-S-10, BR-Z-10: a standard or zero-rated breakdown gives none;</item>
/// <item>the VATEX-EU code fits the category (VATEX-EU-AE is reverse charge, -IC intra-community, -G export, -O not
/// subject; the article codes are exemptions, E): a code of another category leaves the VAT treatment contradictory.
/// A warning: the EN itself states no such rule and a CEN example (XRechnung-O.xml) gives an article code with O;</item>
/// <item>BR-AE-02 / BR-IC-02: reverse charge and intra-community supplies name the seller's VAT
/// identifier (BT-31) and the buyer's VAT identifier (BT-48; for AE its legal registration BT-47 will do);</item>
/// <item>BR-IC-11 / BR-IC-12: an intra-community supply gives its delivery date or period and the deliver-to country.</item>
/// </list>
/// </summary>
internal static class VatCategoryRules
{
    private static readonly Dictionary<string, string> CategoryNames = new(StringComparer.Ordinal)
    {
        ["S"] = "standard rated", ["Z"] = "zero rated", ["E"] = "exempt from VAT", ["AE"] = "reverse charge",
        ["K"] = "intra-community supply", ["G"] = "export outside the EU", ["O"] = "not subject to VAT",
    };

    /// <summary>The VATEX-EU codes that name a category of their own; every other VATEX-EU code is an exemption (E).</summary>
    private static readonly Dictionary<string, string> CategoryCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["VATEX-EU-AE"] = "AE", ["VATEX-EU-IC"] = "K", ["VATEX-EU-G"] = "G", ["VATEX-EU-O"] = "O",
    };

    public static void Check(CheckContext c)
    {
        if (!c.Scope.VatBreakdown)
        {
            return;
        }

        var needsVatIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in c.Invoice.VatBreakdown)
        {
            var category = b.Category?.Trim().ToUpperInvariant();
            if (category is null || !CategoryNames.TryGetValue(category, out var name))
            {
                continue;
            }

            var hasReason = !MandatoryRules.Blank(b.ExemptionReason) || !MandatoryRules.Blank(b.ExemptionReasonCode);
            if (category is "S" or "Z")
            {
                if (hasReason)
                {
                    c.Error($"BR-{category}-10", $"a {name} VAT breakdown (category {category}) gives an exemption reason ('{b.ExemptionReasonCode ?? b.ExemptionReason}'); only exempt, reverse-charge, intra-community, export and not-subject breakdowns may", b.Spot, "BT-121", b.ExemptionReasonCode ?? b.ExemptionReason);
                }

                continue;
            }

            if (!hasReason)
            {
                c.Error($"BR-{Rule(category)}-10", $"a VAT breakdown {name} (category {category}) gives neither an exemption reason text (BT-120) nor code (BT-121)", b.Spot, "BT-121", null);
            }
            else if (b.ExemptionReasonCode?.Trim() is { } code && code.StartsWith("VATEX-EU-", StringComparison.OrdinalIgnoreCase))
            {
                var codeCategory = CategoryCodes.TryGetValue(code, out var own) ? own : "E";
                if (codeCategory != category)
                {
                    c.Problems.Add(Problem.Warning(
                        ProblemCodes.EInvoiceExemptionCategory,
                        $"the exemption reason code (BT-121) {code} means '{CategoryNames[codeCategory]}' (category {codeCategory}), but the VAT breakdown is category {category} ({name}): the VAT treatment is contradictory",
                        c.At(b.Spot),
                        "BT-121",
                        code));
                }
            }

            if (category is "AE" or "K")
            {
                needsVatIds.Add(category);
            }
        }

        foreach (var category in needsVatIds.Order(StringComparer.Ordinal))
        {
            VatIds(c, category);
        }

        if (needsVatIds.Contains("K") && c.Scope.Lines)
        {
            IntraCommunityDelivery(c);
        }
    }

    /// <summary>
    /// BR-IC-11: an intra-community supply gives the actual delivery date (BT-72) or the invoicing period (BG-14);
    /// BR-IC-12: and the deliver-to country (BT-80). Not for MINIMUM and BASIC WL, whose Factur-X rule sets leave them out
    /// (FNFE's correct Facture_UE_BASICWL has neither).
    /// </summary>
    private static void IntraCommunityDelivery(CheckContext c)
    {
        var inv = c.Invoice;
        if (inv.DeliveryDate is null && inv.PeriodStart is null && inv.PeriodEnd is null)
        {
            c.Error("BR-IC-11", "the invoice has intra-community supply (category K) VAT but neither the actual delivery date (BT-72) nor the invoicing period (BG-14)", c.TotalSpot("BT-110"), "BT-72", null);
        }

        if (MandatoryRules.Blank(inv.DeliverToCountry))
        {
            c.Error("BR-IC-12", "the invoice has intra-community supply (category K) VAT but no deliver-to country code (BT-80)", c.TotalSpot("BT-110"), "BT-80", null);
        }
    }

    /// <summary>The EN names the intra-community rules BR-IC-*, the others after their category code.</summary>
    private static string Rule(string category) => category == "K" ? "IC" : category;

    private static void VatIds(CheckContext c, string category)
    {
        var inv = c.Invoice;
        var name = CategoryNames[category];
        if (MandatoryRules.Blank(inv.Seller.VatId) && (category != "AE" || MandatoryRules.Blank(inv.Seller.TaxRegistrationId)))
        {
            c.Error($"BR-{Rule(category)}-02", $"the invoice has {name} (category {category}) VAT but the seller's VAT identifier (BT-31){(category == "AE" ? " or tax registration identifier (BT-32)" : string.Empty)} is missing", inv.Seller.Spot, "BT-31", null);
        }

        var buyerKnown = !MandatoryRules.Blank(inv.Buyer.VatId) || (category == "AE" && inv.Buyer.LegalId is not null);
        if (!buyerKnown)
        {
            var what = category == "AE" ? "VAT identifier (BT-48) or legal registration identifier (BT-47)" : "VAT identifier (BT-48)";
            c.Error($"BR-{Rule(category)}-02", $"the invoice has {name} (category {category}) VAT but the buyer's {what} is missing", inv.Buyer.Spot, "BT-48", null);
        }
    }
}

namespace Connector.Mapping.EInvoicing.Checks;

/// <summary>BR-01..BR-16, BR-CO-18 and BR-CO-26: the business terms every EN 16931 invoice must carry.</summary>
internal static class MandatoryRules
{
    public static void Check(CheckContext c)
    {
        var inv = c.Invoice;
        Require(c, "BR-01", "the specification identifier", "BT-24", inv.SpecificationId);
        Require(c, "BR-02", "the invoice number", "BT-1", inv.Number);
        Require(c, "BR-03", "the issue date", "BT-2", inv.IssueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Require(c, "BR-04", "the invoice type code", "BT-3", inv.TypeCode);
        Require(c, "BR-05", "the invoice currency code", "BT-5", inv.Currency);
        RequireParty(c, "BR-06", "the seller's name", "BT-27", inv.Seller.Name, inv.Seller.Spot);
        RequireParty(c, "BR-07", "the buyer's name", "BT-44", inv.Buyer.Name, inv.Buyer.Spot);

        if (!inv.Seller.HasPostalAddress)
        {
            c.Error("BR-08", "the seller's postal address (BG-5) is missing", inv.Seller.Spot, "BG-5", null);
        }

        RequireParty(c, "BR-09", "the seller's country code", "BT-40", inv.Seller.CountryCode, inv.Seller.Spot);
        if (c.Scope.BuyerAddress)
        {
            if (!inv.Buyer.HasPostalAddress)
            {
                c.Error("BR-10", "the buyer's postal address (BG-8) is missing", inv.Buyer.Spot, "BG-8", null);
            }

            RequireParty(c, "BR-11", "the buyer's country code", "BT-55", inv.Buyer.CountryCode, inv.Buyer.Spot);
        }

        var t = inv.Totals;
        if (c.Scope.LineTotal)
        {
            RequireTotal(c, "BR-12", "the sum of invoice line net amounts", "BT-106", t.LineTotal);
        }

        RequireTotal(c, "BR-13", "the invoice total without VAT", "BT-109", t.TaxExclusive);
        RequireTotal(c, "BR-14", "the invoice total with VAT", "BT-112", t.TaxInclusive);
        if (c.Scope.Payable)
        {
            RequireTotal(c, "BR-15", "the amount due for payment", "BT-115", t.Payable);
        }

        if (c.Scope.Lines && inv.Lines.Count == 0)
        {
            c.Error("BR-16", "the invoice has no line (BG-25); it must have at least one", XmlSpot.Root, "BG-25", null);
        }

        if (c.Scope.VatBreakdown && inv.VatBreakdown.Count == 0)
        {
            c.Error("BR-CO-18", "the invoice has no VAT breakdown (BG-23); it must have at least one", c.TotalSpot("BT-110"), "BG-23", null);
        }

        var s = inv.Seller;
        if (s.Identifiers.Count == 0 && s.LegalId is null && Blank(s.VatId) && Blank(s.TaxRegistrationId))
        {
            c.Error("BR-CO-26", "the seller has no identifier (BT-29), legal registration identifier (BT-30), VAT identifier (BT-31) or tax registration identifier (BT-32); one of them must be present", s.Spot, "BT-31", null);
        }
    }

    private static void Require(CheckContext c, string rule, string what, string bt, string? value)
    {
        if (Blank(value))
        {
            c.Error(rule, $"{what} ({bt}) is missing", c.Invoice.SpotOf(bt), bt, value);
        }
    }

    private static void RequireParty(CheckContext c, string rule, string what, string bt, string? value, XmlSpot spot)
    {
        if (Blank(value))
        {
            c.Error(rule, $"{what} ({bt}) is missing", spot, bt, value);
        }
    }

    private static void RequireTotal(CheckContext c, string rule, string what, string bt, decimal? value)
    {
        if (value is null)
        {
            c.Error(rule, $"{what} ({bt}) is missing", c.TotalSpot(bt), bt, null);
        }
    }

    public static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}

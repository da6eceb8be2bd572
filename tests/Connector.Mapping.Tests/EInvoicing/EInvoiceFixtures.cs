using Connector.Mapping.EInvoicing;

namespace Connector.Mapping.Tests.EInvoicing;

/// <summary>
/// A compliant EN 16931 invoice: two standard-rated lines (2 x 100.00, 1 x 50.00 at 20 %), one exempt line
/// (3 x 10.00), a document allowance of 10.00 and a charge of 5.00 at 20 %. BT-106 280.00, BT-109 275.00, VAT S 20 %
/// 245.00 -> 49.00, E 30.00 -> 0.00, BT-110 49.00, BT-112 324.00, BT-115 324.00.
/// </summary>
internal static class EInvoiceFixtures
{
    public static EInvoiceLine Line(string id, decimal qty, decimal price, string category = "S", decimal? rate = 20m, int xmlLine = 100) => new()
    {
        Id = id,
        Quantity = qty,
        UnitCode = "C62",
        NetAmount = qty * price,
        NetPrice = price,
        ItemName = "Item " + id,
        SellerItemId = "SKU-" + id,
        VatCategory = category,
        VatRate = rate,
        Spot = new XmlSpot("cac:InvoiceLine", xmlLine),
    };

    public static EInvoice Valid() => new()
    {
        Syntax = EInvoiceSyntax.Ubl,
        SpecificationId = "urn:cen.eu:en16931:2017",
        Profile = EInvoiceProfile.En16931,
        Number = "INV-2026-001",
        TypeCode = "380",
        IssueDate = new DateOnly(2026, 3, 2),
        DueDate = new DateOnly(2026, 4, 1),
        Currency = "EUR",
        BuyerReference = "C-1001",
        PurchaseOrderReference = "PO-77",
        PaymentTerms = "30 jours net",
        PaymentReference = "RF18539007547034",
        PayeeAccount = "FR7630006000011234567890189",
        Notes = ["  Merci pour votre commande  ", "second note"],
        Seller = new EInvoiceParty
        {
            Name = "Dupont Distribution SAS",
            VatId = "FR40303265045",
            CountryCode = "FR",
            HasPostalAddress = true,
            Address = "1 rue de la Paix, Paris, 75002",
            Spot = new XmlSpot("cac:AccountingSupplierParty", 20),
        },
        Buyer = new EInvoiceParty
        {
            Name = "ACME SARL",
            Identifiers = [new SchemedId("C-1001", null), new SchemedId("4012345000009", "0088")],
            LegalId = new SchemedId("12345678900012", "0009"),
            VatId = "FR12345678901",
            ElectronicAddress = new SchemedId("123456789", "0225"),
            CountryCode = "FR",
            HasPostalAddress = true,
            Spot = new XmlSpot("cac:AccountingCustomerParty", 40),
        },
        Lines = [Line("1", 2m, 100m, xmlLine: 101), Line("2", 1m, 50m, xmlLine: 121), Line("3", 3m, 10m, "E", 0m, 141)],
        AllowancesCharges =
        [
            new AllowanceCharge { IsCharge = false, Amount = 10m, VatCategory = "S", VatRate = 20m, Reason = "Remise fidélité", Spot = new XmlSpot("cac:AllowanceCharge", 60) },
            new AllowanceCharge { IsCharge = true, Amount = 5m, VatCategory = "S", VatRate = 20m, ReasonCode = "FC", Spot = new XmlSpot("cac:AllowanceCharge", 66) },
        ],
        VatBreakdown =
        [
            new VatBreakdown { Category = "S", Rate = 20m, TaxableAmount = 245m, TaxAmount = 49m, Spot = new XmlSpot("cac:TaxTotal/cac:TaxSubtotal", 72) },
            new VatBreakdown { Category = "E", Rate = 0m, TaxableAmount = 30m, TaxAmount = 0m, ExemptionReasonCode = "VATEX-EU-132", Spot = new XmlSpot("cac:TaxTotal/cac:TaxSubtotal", 80) },
        ],
        Totals = new DocumentTotals
        {
            LineTotal = 280m,
            AllowanceTotal = 10m,
            ChargeTotal = 5m,
            TaxExclusive = 275m,
            TaxTotal = 49m,
            TaxInclusive = 324m,
            Payable = 324m,
            Spots = new Dictionary<string, XmlSpot>(StringComparer.Ordinal)
            {
                ["BT-106"] = new("cac:LegalMonetaryTotal/cbc:LineExtensionAmount", 90),
                ["BT-109"] = new("cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", 91),
                ["BT-110"] = new("cac:TaxTotal/cbc:TaxAmount", 70),
                ["BT-112"] = new("cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount", 92),
                ["BT-115"] = new("cac:LegalMonetaryTotal/cbc:PayableAmount", 93),
            },
        },
        Spots = new Dictionary<string, XmlSpot>(StringComparer.Ordinal)
        {
            ["BT-1"] = new("cbc:ID", 4),
            ["BT-2"] = new("cbc:IssueDate", 5),
            ["BT-3"] = new("cbc:InvoiceTypeCode", 7),
            ["BT-5"] = new("cbc:DocumentCurrencyCode", 9),
            ["BT-24"] = new("cbc:CustomizationID", 2),
        },
    };
}

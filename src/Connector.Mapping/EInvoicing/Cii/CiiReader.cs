using System.Xml.Linq;
using Connector.Mapping.EInvoicing.Xml;

namespace Connector.Mapping.EInvoicing.Cii;

/// <summary>
/// Reads a CII D16B <c>CrossIndustryInvoice</c> (Factur-X, ZUGFeRD 2.x, XRechnung CII) or a ZUGFeRD 1.0
/// <c>CrossIndustryDocument</c> into the EN 16931 model, every term as written.
/// </summary>
internal static class CiiReader
{
    public static EInvoice Read(XElement root, CiiNames names, XmlReadContext context)
    {
        var documentContext = root.Child(names.Context);
        var document = root.Child(names.Document);
        var transaction = root.Child(names.Transaction);
        var agreement = transaction.Child(names.Agreement);
        var delivery = transaction.Child(names.Delivery);
        var settlement = transaction.Child(names.Settlement);
        var seller = agreement.Child("SellerTradeParty");
        var buyer = agreement.Child("BuyerTradeParty");
        var payee = settlement.Child("PayeeTradeParty");
        var paymentMeans = settlement.Child("SpecifiedTradeSettlementPaymentMeans");
        var terms = settlement.All("SpecifiedTradePaymentTerms").ToList();
        var currency = context.HeaderText(settlement.Child("InvoiceCurrencyCode"), "BT-5");
        var specificationId = context.HeaderText(documentContext.At("GuidelineSpecifiedDocumentContextParameter", "ID"), "BT-24");
        context.MarkHeader(seller.Child("Name"), "BT-27");
        context.MarkHeader(buyer.Child("Name"), "BT-44");
        context.MarkHeader(CiiParties.TaxId(seller, "VA"), "BT-31");
        context.MarkHeader(CiiParties.TaxId(buyer, "VA"), "BT-48");
        var dueElement = terms.Select(t => t.Child("DueDateDateTime")).FirstOrDefault(d => d is not null);
        context.MarkHeader(dueElement.Child("DateTimeString"), "BT-9");
        context.MarkHeader(document.Child("IssueDateTime").Child("DateTimeString"), "BT-2");
        var period = settlement.Child("BillingSpecifiedPeriod");

        return new EInvoice
        {
            Syntax = names.Syntax,
            SpecificationId = specificationId,
            Profile = EInvoiceProfiles.FromSpecificationId(specificationId),
            BusinessProcess = context.HeaderText(documentContext.At("BusinessProcessSpecifiedDocumentContextParameter", "ID"), "BT-23"),
            Number = context.HeaderText(document.Child("ID"), "BT-1"),
            TypeCode = context.HeaderText(document.Child("TypeCode"), "BT-3"),
            IssueDate = context.CiiDate(document.Child("IssueDateTime"), "BT-2"),
            DueDate = context.CiiDate(dueElement, "BT-9"),
            DeliveryDate = context.CiiDate(delivery.At("ActualDeliverySupplyChainEvent", "OccurrenceDateTime"), "BT-72"),
            DeliverToCountry = delivery.At("ShipToTradeParty", "PostalTradeAddress", "CountryID").Text(),
            PeriodStart = context.CiiDate(period.Child("StartDateTime"), "BT-73"),
            PeriodEnd = context.CiiDate(period.Child("EndDateTime"), "BT-74", endOfPeriod: true),
            Currency = currency,
            TaxCurrency = context.HeaderText(settlement.Child("TaxCurrencyCode"), "BT-6"),
            BuyerReference = context.HeaderText(agreement.Child("BuyerReference"), "BT-10"),
            ProjectReference = context.HeaderText(agreement.At("SpecifiedProcuringProject", "ID"), "BT-11"),
            ContractReference = context.HeaderText(agreement.At("ContractReferencedDocument", names.ReferencedId), "BT-12"),
            PurchaseOrderReference = context.HeaderText(agreement.At("BuyerOrderReferencedDocument", names.ReferencedId), "BT-13"),
            SalesOrderReference = context.HeaderText(agreement.At("SellerOrderReferencedDocument", names.ReferencedId), "BT-14"),
            BuyerAccountingReference = context.HeaderText(settlement.At("ReceivableSpecifiedTradeAccountingAccount", "ID"), "BT-19"),
            PrecedingInvoices = [.. settlement.All("InvoiceReferencedDocument").Select(d => d.Child(names.ReferencedId).Text()).OfType<string>()],
            Notes = [.. document.All("IncludedNote").Select(n => n.Child("Content").Text()).OfType<string>()],
            Seller = CiiParties.Read(seller),
            Buyer = CiiParties.Read(buyer),
            Payee = payee is null ? null : CiiParties.Read(payee),
            PaymentMeansCode = context.HeaderText(paymentMeans.Child("TypeCode"), "BT-81"),
            PaymentReference = context.HeaderText(settlement.Child("PaymentReference"), "BT-83"),
            PayeeAccount = context.HeaderText(
                paymentMeans.At("PayeePartyCreditorFinancialAccount", "IBANID") ?? paymentMeans.At("PayeePartyCreditorFinancialAccount", "ProprietaryID"),
                "BT-84"),
            PaymentTerms = JoinTexts(terms.Select(t => t.Child("Description"))),
            Lines = CiiLines.Read(transaction.All("IncludedSupplyChainTradeLineItem"), names, context),
            AllowancesCharges = CiiLines.DocumentAllowancesCharges(settlement, names, context),
            VatBreakdown = [.. settlement.All("ApplicableTradeTax").Select(t => Breakdown(t, names, context))],
            Totals = Totals(settlement.Child(names.HeaderSummation), currency, context),
            Spots = context.HeaderSpots,
        };
    }

    private static VatBreakdown Breakdown(XElement tax, CiiNames names, XmlReadContext context) => new()
    {
        TaxAmount = context.Decimal(tax.Child("CalculatedAmount"), "BT-117"),
        TaxableAmount = context.Decimal(tax.Child("BasisAmount"), "BT-116"),
        Category = tax.Child("CategoryCode").Text(),
        Rate = context.Decimal(tax.Child(names.RatePercent) ?? tax.Child("RateApplicablePercent") ?? tax.Child("ApplicablePercent"), "BT-119"),
        ExemptionReason = tax.Child("ExemptionReason").Text(),
        ExemptionReasonCode = tax.Child("ExemptionReasonCode").Text(),
        Spot = tax.Spot(),
    };

    private static DocumentTotals Totals(XElement? summation, string? currency, XmlReadContext context)
    {
        var taxTotals = summation.All("TaxTotalAmount").ToList();
        var main = taxTotals.FirstOrDefault(t => t.Attr("currencyID") is not { } c || currency is null || string.Equals(c, currency, StringComparison.OrdinalIgnoreCase));
        var other = taxTotals.FirstOrDefault(t => !ReferenceEquals(t, main));
        var totals = new DocumentTotals
        {
            LineTotal = context.Total(summation.Child("LineTotalAmount"), "BT-106"),
            AllowanceTotal = context.Total(summation.Child("AllowanceTotalAmount"), "BT-107"),
            ChargeTotal = context.Total(summation.Child("ChargeTotalAmount"), "BT-108"),
            TaxExclusive = context.Total(summation.Child("TaxBasisTotalAmount"), "BT-109"),
            TaxTotal = context.Total(main, "BT-110"),
            TaxTotalInTaxCurrency = context.Total(other, "BT-111"),
            TaxInclusive = context.Total(summation.Child("GrandTotalAmount"), "BT-112"),
            Prepaid = context.Total(summation.Child("TotalPrepaidAmount"), "BT-113"),
            Rounding = context.Total(summation.Child("RoundingAmount"), "BT-114"),
            Payable = context.Total(summation.Child("DuePayableAmount"), "BT-115"),
        };
        return totals with { Spots = context.TotalSpots };
    }

    private static string? JoinTexts(IEnumerable<XElement?> elements)
    {
        var texts = elements.Select(e => e.Text()).OfType<string>().ToList();
        return texts.Count == 0 ? null : string.Join('\n', texts);
    }
}

using System.Xml.Linq;
using Connector.Mapping.EInvoicing.Xml;

namespace Connector.Mapping.EInvoicing.Ubl;

/// <summary>
/// Reads a UBL 2.1 <c>Invoice</c> or <c>CreditNote</c> (EN 16931 UBL syntax binding, Peppol BIS 3, XRechnung UBL)
/// into the EN 16931 model, every term as written.
/// </summary>
internal static class UblReader
{
    public static EInvoice Read(XElement root, bool creditNote, XmlReadContext context)
    {
        var currency = context.HeaderText(root.Child("DocumentCurrencyCode"), "BT-5");
        var taxCurrency = context.HeaderText(root.Child("TaxCurrencyCode"), "BT-6");
        var specificationId = context.HeaderText(root.Child("CustomizationID"), "BT-24");
        var paymentMeans = root.Child("PaymentMeans");
        var seller = root.At("AccountingSupplierParty", "Party");
        var buyer = root.At("AccountingCustomerParty", "Party");
        var payee = root.Child("PayeeParty");
        context.MarkHeader(seller.At("PartyLegalEntity", "RegistrationName"), "BT-27");
        context.MarkHeader(buyer.At("PartyLegalEntity", "RegistrationName"), "BT-44");
        context.MarkHeader(VatOf(seller), "BT-31");
        context.MarkHeader(VatOf(buyer), "BT-48");

        var dueElement = creditNote ? paymentMeans.Child("PaymentDueDate") ?? root.Child("DueDate") : root.Child("DueDate");
        context.MarkHeader(dueElement, "BT-9");
        var (taxTotal, taxTotalInTaxCurrency, breakdown) = UblTaxes.Read(root, currency, taxCurrency, context);
        var lineName = creditNote ? "CreditNoteLine" : "InvoiceLine";

        return new EInvoice
        {
            Syntax = EInvoiceSyntax.Ubl,
            IsUblCreditNote = creditNote,
            SpecificationId = specificationId,
            Profile = EInvoiceProfiles.FromSpecificationId(specificationId),
            BusinessProcess = context.HeaderText(root.Child("ProfileID"), "BT-23"),
            Number = context.HeaderText(root.Child("ID"), "BT-1"),
            TypeCode = context.HeaderText(root.Child(creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode"), "BT-3"),
            IssueDate = Date(root.Child("IssueDate"), "BT-2", context),
            DueDate = Date(dueElement, "BT-9", context),
            DeliveryDate = Date(root.At("Delivery", "ActualDeliveryDate"), "BT-72", context),
            DeliverToCountry = root.At("Delivery", "DeliveryLocation", "Address", "Country", "IdentificationCode").Text(),
            PeriodStart = Date(root.At("InvoicePeriod", "StartDate"), "BT-73", context),
            PeriodEnd = Date(root.At("InvoicePeriod", "EndDate"), "BT-74", context),
            Currency = currency,
            TaxCurrency = taxCurrency,
            BuyerReference = context.HeaderText(root.Child("BuyerReference"), "BT-10"),
            ProjectReference = context.HeaderText(root.At("ProjectReference", "ID"), "BT-11"),
            ContractReference = context.HeaderText(root.At("ContractDocumentReference", "ID"), "BT-12"),
            PurchaseOrderReference = context.HeaderText(root.At("OrderReference", "ID"), "BT-13"),
            SalesOrderReference = context.HeaderText(root.At("OrderReference", "SalesOrderID"), "BT-14"),
            BuyerAccountingReference = context.HeaderText(root.Child("AccountingCost"), "BT-19"),
            PrecedingInvoices = [.. root.All("BillingReference").Select(b => b.At("InvoiceDocumentReference", "ID").Text()).OfType<string>()],
            Notes = [.. root.All("Note").Select(n => n.Text()).OfType<string>()],
            Seller = UblParties.Read(seller, isPayee: false),
            Buyer = UblParties.Read(buyer, isPayee: false),
            Payee = payee is null ? null : UblParties.Read(payee, isPayee: true),
            PaymentMeansCode = context.HeaderText(paymentMeans.Child("PaymentMeansCode"), "BT-81"),
            PaymentReference = context.HeaderText(paymentMeans.Child("PaymentID"), "BT-83"),
            PayeeAccount = context.HeaderText(paymentMeans.At("PayeeFinancialAccount", "ID"), "BT-84"),
            PaymentTerms = JoinTexts(root.All("PaymentTerms").Select(t => t.Child("Note"))),
            Lines = UblLines.Read(root.All(lineName), creditNote, context),
            AllowancesCharges = [.. root.All("AllowanceCharge").Select(a => UblLines.AllowanceCharge(a, documentLevel: true, context)).OfType<AllowanceCharge>()],
            VatBreakdown = breakdown,
            Totals = Totals(root.Child("LegalMonetaryTotal"), taxTotal, taxTotalInTaxCurrency, context),
            Spots = context.HeaderSpots,
        };
    }

    /// <summary>A header date, remembering where it was read.</summary>
    public static DateOnly? Date(XElement? element, string businessTerm, XmlReadContext context)
    {
        context.MarkHeader(element, businessTerm);
        return context.UblDate(element, businessTerm);
    }

    public static XElement? VatOf(XElement? party)
    {
        var schemes = party.All("PartyTaxScheme").ToList();
        var vat = schemes.FirstOrDefault(s => string.Equals(s.At("TaxScheme", "ID").Text(), "VAT", StringComparison.OrdinalIgnoreCase))
            ?? schemes.FirstOrDefault(s => s.At("TaxScheme", "ID").Text() is null);
        return vat.Child("CompanyID");
    }

    private static string? JoinTexts(IEnumerable<XElement?> elements)
    {
        var texts = elements.Select(e => e.Text()).OfType<string>().ToList();
        return texts.Count == 0 ? null : string.Join('\n', texts);
    }

    private static DocumentTotals Totals(XElement? total, (decimal? Value, XElement? Element) taxTotal, decimal? taxTotalInTaxCurrency, XmlReadContext context)
    {
        var values = new DocumentTotals
        {
            LineTotal = context.Total(total.Child("LineExtensionAmount"), "BT-106"),
            AllowanceTotal = context.Total(total.Child("AllowanceTotalAmount"), "BT-107"),
            ChargeTotal = context.Total(total.Child("ChargeTotalAmount"), "BT-108"),
            TaxExclusive = context.Total(total.Child("TaxExclusiveAmount"), "BT-109"),
            TaxTotal = taxTotal.Value,
            TaxTotalInTaxCurrency = taxTotalInTaxCurrency,
            TaxInclusive = context.Total(total.Child("TaxInclusiveAmount"), "BT-112"),
            Prepaid = context.Total(total.Child("PrepaidAmount"), "BT-113"),
            Rounding = context.Total(total.Child("PayableRoundingAmount"), "BT-114"),
            Payable = context.Total(total.Child("PayableAmount"), "BT-115"),
        };
        if (taxTotal.Element is { } element)
        {
            context.TotalSpots["BT-110"] = element.Spot();
        }

        return values with { Spots = context.TotalSpots };
    }
}

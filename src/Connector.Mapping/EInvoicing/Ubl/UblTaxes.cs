using System.Xml.Linq;
using Connector.Mapping.EInvoicing.Xml;

namespace Connector.Mapping.EInvoicing.Ubl;

/// <summary>
/// The UBL <c>cac:TaxTotal</c>s: BT-110 is the one whose <c>TaxAmount/@currencyID</c> is the document currency (or
/// that names none), BT-111 the one in the tax currency; the VAT breakdown (BG-23) is the subtotals of the BT-110 one.
/// </summary>
internal static class UblTaxes
{
    public static ((decimal? Value, XElement? Element) TaxTotal, decimal? TaxTotalInTaxCurrency, IReadOnlyList<VatBreakdown> Breakdown) Read(
        XElement root, string? currency, string? taxCurrency, XmlReadContext context)
    {
        XElement? main = null;
        XElement? inTaxCurrency = null;
        foreach (var taxTotal in root.All("TaxTotal"))
        {
            var amountCurrency = taxTotal.Child("TaxAmount").Attr("currencyID");
            var isDocument = amountCurrency is null || currency is null || string.Equals(amountCurrency, currency, StringComparison.OrdinalIgnoreCase);
            if (isDocument && main is null)
            {
                main = taxTotal;
            }
            else if (inTaxCurrency is null && (taxCurrency is null || string.Equals(amountCurrency, taxCurrency, StringComparison.OrdinalIgnoreCase)))
            {
                inTaxCurrency = taxTotal;
            }
        }

        var mainAmount = main.Child("TaxAmount");
        var value = context.Decimal(mainAmount, "BT-110");
        var other = context.Decimal(inTaxCurrency.Child("TaxAmount"), "BT-111");
        var breakdown = main.All("TaxSubtotal").Select(s => Subtotal(s, context)).ToList();
        return ((value, mainAmount), other, breakdown);
    }

    private static VatBreakdown Subtotal(XElement subtotal, XmlReadContext context)
    {
        var category = subtotal.Child("TaxCategory");
        return new VatBreakdown
        {
            TaxableAmount = context.Decimal(subtotal.Child("TaxableAmount"), "BT-116"),
            TaxAmount = context.Decimal(subtotal.Child("TaxAmount"), "BT-117"),
            Category = category.Child("ID").Text(),
            Rate = context.Decimal(category.Child("Percent") ?? subtotal.Child("Percent"), "BT-119"),
            ExemptionReason = category.Child("TaxExemptionReason").Text(),
            ExemptionReasonCode = category.Child("TaxExemptionReasonCode").Text(),
            Spot = subtotal.Spot(),
        };
    }
}

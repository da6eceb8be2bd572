using System.Xml.Linq;
using Connector.Mapping.EInvoicing.Ubl;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Cii;

/// <summary>
/// CII lines (<c>IncludedSupplyChainTradeLineItem</c>, BG-25) with their role in an EXTENDED document
/// (<c>LineStatusReasonCode</c> GROUP / DETAIL / INFORMATION, <c>ParentLineID</c>), and the allowances and charges of
/// the document and of each line.
/// </summary>
internal static class CiiLines
{
    public static IReadOnlyList<EInvoiceLine> Read(IEnumerable<XElement> items, CiiNames names, XmlReadContext context)
        => [.. items.Select(item => Line(item, names, context))];

    private static EInvoiceLine Line(XElement item, CiiNames names, XmlReadContext context)
    {
        var document = item.Child("AssociatedDocumentLineDocument");
        var agreement = item.Child(names.LineAgreement);
        var delivery = item.Child(names.LineDelivery);
        var settlement = item.Child(names.LineSettlement);
        var product = item.Child("SpecifiedTradeProduct");
        var tax = settlement.Child("ApplicableTradeTax");
        var quantity = delivery.Child("BilledQuantity");
        var net = agreement.Child("NetPriceProductTradePrice");
        var gross = agreement.Child("GrossPriceProductTradePrice");
        var lineTotal = settlement.At(names.LineSummation, "LineTotalAmount");
        var period = settlement.Child("BillingSpecifiedPeriod");
        return new EInvoiceLine
        {
            Id = document.Child("LineID").Text() ?? string.Empty,
            ParentId = document.Child("ParentLineID").Text(),
            Role = Role(document.Child("LineStatusReasonCode").Text(), names, product, lineTotal),
            Note = document.Child("IncludedNote").Child("Content").Text(),
            Quantity = context.Decimal(quantity, "BT-129"),
            UnitCode = quantity.Attr("unitCode"),
            NetAmount = context.Decimal(lineTotal, "BT-131"),
            NetPrice = context.Decimal(net.Child("ChargeAmount"), "BT-146"),
            GrossPrice = context.Decimal(gross.Child("ChargeAmount"), "BT-148"),
            PriceBaseQuantity = context.Decimal(net.Child("BasisQuantity") ?? gross.Child("BasisQuantity"), "BT-149"),
            ItemName = product.Child("Name").Text(),
            ItemDescription = product.Child("Description").Text(),
            SellerItemId = product.Child("SellerAssignedID").Text(),
            StandardItemId = CiiParties.Schemed(product.Child("GlobalID")),
            VatCategory = tax.Child("CategoryCode").Text(),
            VatRate = context.Decimal(tax.Child(names.RatePercent), "BT-152"),
            OrderLineReference = agreement.At("BuyerOrderReferencedDocument", "LineID").Text(),
            BuyerAccountingReference = settlement.At("ReceivableSpecifiedTradeAccountingAccount", "ID").Text(),
            AllowancesCharges = [.. settlement.All("SpecifiedTradeAllowanceCharge").Select(a => AllowanceCharge(a, documentLevel: false, names, context)).OfType<AllowanceCharge>()],
            PeriodStart = context.CiiDate(period.Child("StartDateTime"), "BT-134"),
            PeriodEnd = context.CiiDate(period.Child("EndDateTime"), "BT-135", endOfPeriod: true),
            Spot = item.Spot(),
        };
    }

    private static LineRole Role(string? statusReason, CiiNames names, XElement? product, XElement? lineTotal)
    {
        if (string.Equals(statusReason, "GROUP", StringComparison.OrdinalIgnoreCase))
        {
            return LineRole.Group;
        }

        if (string.Equals(statusReason, "INFORMATION", StringComparison.OrdinalIgnoreCase))
        {
            return LineRole.Information;
        }

        // ZUGFeRD 1.0 allows a text-only line item (a note, no product, no amount): it carries information only.
        return names.Syntax == EInvoiceSyntax.Zugferd1 && product is null && lineTotal is null ? LineRole.Information : LineRole.Detail;
    }

    /// <summary>BG-20 / BG-21: the settlement's allowances and charges, and ZUGFeRD 1.0's logistics service charges.</summary>
    public static IReadOnlyList<AllowanceCharge> DocumentAllowancesCharges(XElement? settlement, CiiNames names, XmlReadContext context)
    {
        var result = settlement.All("SpecifiedTradeAllowanceCharge")
            .Select(a => AllowanceCharge(a, documentLevel: true, names, context))
            .OfType<AllowanceCharge>()
            .ToList();
        foreach (var logistics in settlement.All("SpecifiedLogisticsServiceCharge"))
        {
            if (context.Decimal(logistics.Child("AppliedAmount"), "BT-99") is { } amount)
            {
                var tax = logistics.Child("AppliedTradeTax");
                result.Add(new AllowanceCharge
                {
                    IsCharge = true,
                    Amount = amount,
                    Reason = logistics.Child("Description").Text(),
                    VatCategory = tax.Child("CategoryCode").Text(),
                    VatRate = context.Decimal(tax.Child(names.RatePercent), "BT-103"),
                    Spot = logistics.Spot(),
                });
            }
        }

        return result;
    }

    private static AllowanceCharge? AllowanceCharge(XElement element, bool documentLevel, CiiNames names, XmlReadContext context)
    {
        var indicator = element.Child("ChargeIndicator");
        var isCharge = UblLines.Indicator(indicator.Child("Indicator") ?? indicator, context);
        if (indicator is null)
        {
            context.Error(ProblemCodes.FieldRequired, "An allowance or charge has no ChargeIndicator: it cannot be told apart.", element, "ChargeIndicator");
        }

        var charge = isCharge == true;
        var amountTerm = documentLevel ? (charge ? "BT-99" : "BT-92") : (charge ? "BT-141" : "BT-136");
        var amount = context.Decimal(element.Child("ActualAmount"), amountTerm);
        if (isCharge is null || amount is null)
        {
            if (isCharge is not null && element.Child("ActualAmount").Text() is null)
            {
                context.Error(ProblemCodes.FieldRequired, $"An allowance or charge has no amount ({amountTerm}).", element, amountTerm);
            }

            return null;
        }

        var tax = element.Child("CategoryTradeTax");
        return new AllowanceCharge
        {
            IsCharge = charge,
            Amount = amount.Value,
            BaseAmount = context.Decimal(element.Child("BasisAmount"), documentLevel ? (charge ? "BT-100" : "BT-93") : (charge ? "BT-142" : "BT-137")),
            Percent = context.Decimal(element.Child("CalculationPercent"), documentLevel ? (charge ? "BT-101" : "BT-94") : (charge ? "BT-143" : "BT-138")),
            VatCategory = tax.Child("CategoryCode").Text(),
            VatRate = context.Decimal(tax.Child(names.RatePercent), charge ? "BT-103" : "BT-96"),
            Reason = element.Child("Reason").Text(),
            ReasonCode = element.Child("ReasonCode").Text(),
            Spot = element.Spot(),
        };
    }
}

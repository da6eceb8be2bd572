using System.Xml.Linq;
using Connector.Mapping.EInvoicing.Xml;
using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Ubl;

/// <summary>
/// UBL invoice or credit note lines (BG-25), with their allowances and charges (BG-27 / BG-28); sub-invoice lines
/// (<c>cac:SubInvoiceLine</c>) follow their parent, flattened, with <see cref="EInvoiceLine.ParentId"/> set. In UBL the
/// parent's amount is the one that counts in BT-106, so sub-lines are <see cref="LineRole.Information"/>.
/// </summary>
internal static class UblLines
{
    public static IReadOnlyList<EInvoiceLine> Read(IEnumerable<XElement> lines, bool creditNote, XmlReadContext context)
    {
        var result = new List<EInvoiceLine>();
        foreach (var line in lines)
        {
            Add(line, parentId: null, creditNote, context, result);
        }

        return result;
    }

    private static void Add(XElement line, string? parentId, bool creditNote, XmlReadContext context, List<EInvoiceLine> result)
    {
        var read = Line(line, creditNote, context) with
        {
            ParentId = parentId,
            Role = parentId is null ? LineRole.Detail : LineRole.Information,
        };
        result.Add(read);
        foreach (var sub in line.All("SubInvoiceLine").Concat(line.All("SubCreditNoteLine")))
        {
            Add(sub, read.Id, creditNote, context, result);
        }
    }

    private static EInvoiceLine Line(XElement line, bool creditNote, XmlReadContext context)
    {
        var quantity = line.Child(creditNote ? "CreditedQuantity" : "InvoicedQuantity") ?? line.Child("InvoicedQuantity") ?? line.Child("CreditedQuantity");
        var item = line.Child("Item");
        var price = line.Child("Price");
        var tax = item.Child("ClassifiedTaxCategory");
        var grossPrice = price.All("AllowanceCharge").Select(a => a.Child("BaseAmount")).FirstOrDefault(b => b is not null);
        return new EInvoiceLine
        {
            Id = line.Child("ID").Text() ?? string.Empty,
            Note = line.Child("Note").Text(),
            Quantity = context.Decimal(quantity, "BT-129"),
            UnitCode = quantity.Attr("unitCode"),
            NetAmount = context.Decimal(line.Child("LineExtensionAmount"), "BT-131"),
            NetPrice = context.Decimal(price.Child("PriceAmount"), "BT-146"),
            GrossPrice = context.Decimal(grossPrice, "BT-148"),
            PriceBaseQuantity = context.Decimal(price.Child("BaseQuantity"), "BT-149"),
            ItemName = item.Child("Name").Text(),
            ItemDescription = item.Child("Description").Text(),
            SellerItemId = item.At("SellersItemIdentification", "ID").Text(),
            StandardItemId = UblParties.Schemed(item.At("StandardItemIdentification", "ID")),
            VatCategory = tax.Child("ID").Text(),
            VatRate = context.Decimal(tax.Child("Percent"), "BT-152"),
            OrderLineReference = line.At("OrderLineReference", "LineID").Text(),
            BuyerAccountingReference = line.Child("AccountingCost").Text(),
            AllowancesCharges = [.. line.All("AllowanceCharge").Select(a => AllowanceCharge(a, documentLevel: false, context)).OfType<AllowanceCharge>()],
            PeriodStart = context.UblDate(line.At("InvoicePeriod", "StartDate"), "BT-134"),
            PeriodEnd = context.UblDate(line.At("InvoicePeriod", "EndDate"), "BT-135"),
            Spot = line.Spot(),
        };
    }

    /// <summary>A <c>cac:AllowanceCharge</c>; null (with a problem) when its indicator or amount cannot be read.</summary>
    public static AllowanceCharge? AllowanceCharge(XElement element, bool documentLevel, XmlReadContext context)
    {
        var indicator = element.Child("ChargeIndicator");
        var isCharge = Indicator(indicator, context);
        if (indicator is null)
        {
            context.Error(ProblemCodes.FieldRequired, "An allowance or charge has no ChargeIndicator: it cannot be told apart.", element, "ChargeIndicator");
        }

        var amountTerm = documentLevel ? (isCharge == true ? "BT-99" : "BT-92") : (isCharge == true ? "BT-141" : "BT-136");
        var amount = context.Decimal(element.Child("Amount"), amountTerm);
        if (isCharge is null || amount is null)
        {
            if (isCharge is not null && element.Child("Amount").Text() is null)
            {
                context.Error(ProblemCodes.FieldRequired, $"An allowance or charge has no amount ({amountTerm}).", element, amountTerm);
            }

            return null;
        }

        var category = element.Child("TaxCategory");
        return new AllowanceCharge
        {
            IsCharge = isCharge.Value,
            Amount = amount.Value,
            BaseAmount = context.Decimal(element.Child("BaseAmount"), documentLevel ? (isCharge.Value ? "BT-100" : "BT-93") : (isCharge.Value ? "BT-142" : "BT-137")),
            Percent = context.Decimal(element.Child("MultiplierFactorNumeric"), documentLevel ? (isCharge.Value ? "BT-101" : "BT-94") : (isCharge.Value ? "BT-143" : "BT-138")),
            VatCategory = category.Child("ID").Text(),
            VatRate = context.Decimal(category.Child("Percent"), isCharge.Value ? "BT-103" : "BT-96"),
            Reason = element.Child("AllowanceChargeReason").Text(),
            ReasonCode = element.Child("AllowanceChargeReasonCode").Text(),
            Spot = element.Spot(),
        };
    }

    /// <summary>A true/false indicator; null with a problem when missing or neither.</summary>
    public static bool? Indicator(XElement? element, XmlReadContext context)
    {
        var text = element.Text();
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || text == "1")
        {
            return true;
        }

        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) || text == "0")
        {
            return false;
        }

        if (element is not null)
        {
            context.Error(ProblemCodes.FieldInvalidNumber, $"ChargeIndicator '{text}' is neither true nor false.", element, "ChargeIndicator", text);
        }

        return null;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Adapters.Targets.OracleFusion;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Targets.OracleFusionRest;

/// <summary>
/// The entity's open items from receivablesInvoices: every transaction of the business unit, paged, with its
/// installments expanded; one open item per installment whose balance due is not zero (a credit memo's is negative).
/// Incomplete transactions are not receivables yet and are left out. The payment terms' discount (<c>2/10 NET 30</c>) is
/// read from the terms name.
/// </summary>
internal sealed class FusionOpenItems(FusionHttp http, int pageSize)
{
    public async Task<IReadOnlyList<OpenItem>> LoadAsync(EntityDefinition entity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var q = FusionQuery.AllEqual(http.FrameworkVersion, ("BusinessUnit", entity.Target.BusinessUnit));
        var items = await new FusionReceiptReader(http, pageSize).PagedAsync(
            $"{FusionInvoiceItem.Resource}?q={q}&onlyData=true&expand={FusionInstallments.Child}",
            $"GET {FusionInvoiceItem.Resource} open items of {entity.Code}", ct).ConfigureAwait(false);
        var result = new List<OpenItem>();
        foreach (var item in items)
        {
            if (string.Equals(Text(item, "InvoiceStatus"), "Incomplete", StringComparison.OrdinalIgnoreCase)
                || Text(item, "TransactionNumber") is not { } number || Text(item, "BillToCustomerNumber") is not { } account)
            {
                continue;
            }

            var installments = FusionInstallments.Read(item[FusionInstallments.Child]);
            foreach (var installment in installments.Where(i => i.BalanceDue != 0))
            {
                result.Add(Map(entity, item, number, account, installment, installments.Count));
            }
        }

        return result;
    }

    private static OpenItem Map(EntityDefinition entity, JsonObject item, string number, string account, FusionInstallment installment, int installments)
    {
        var terms = Text(item, "PaymentTerms");
        var (percent, days) = PaymentTermsDiscount.Parse(terms);
        var original = installments == 1 ? FusionReceiptReader.Decimal(item["EnteredAmount"]) ?? installment.Original : installment.Original;
        return new OpenItem
        {
            EntityCode = entity.Code,
            Number = number,
            Kind = installment.BalanceDue < 0 || original < 0 ? InvoiceKind.CreditNote : InvoiceKind.Invoice,
            CustomerAccount = account,
            CustomerName = Text(item, "BillToCustomerName"),
            Currency = Text(item, "InvoiceCurrencyCode") ?? entity.Currency,
            InvoiceDate = Date(Text(item, "TransactionDate")),
            DueDate = installment.DueDate ?? Date(Text(item, "DueDate")),
            OriginalAmount = original,
            OpenAmount = installment.BalanceDue,
            PaymentTerms = terms,
            DiscountPercent = percent,
            DiscountDays = days,
            PurchaseOrder = Text(item, "PurchaseOrder"),
            ErpId = Text(item, "CustomerTransactionId"),
            InstallmentId = installment.InstallmentId,
            Origin = "erp",
        };
    }

    private static string? Text(JsonObject item, string name) => FusionReceiptReader.Text(item[name]) is { Length: > 0 } text ? text : null;

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Tests.Targets.OracleFusionRest;

/// <summary>Receipts for the emulator's sample entities.</summary>
internal static class FusionReceiptTestData
{
    public static readonly DateOnly Date = new(2026, 11, 24);

    public static ReceiptPosting Receipt(EntityDefinition entity, string account, decimal amount, params ReceiptApplication[] applications)
    {
        var number = "CHK" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        return new ReceiptPosting(entity, $"{entity.Code}|RCPT|-|{number}|20261124|{amount:0.00}|{entity.Currency}|{account}|1", number, Date,
            amount, entity.Currency, account, PaymentMethod.CreditTransfer, null, "Payer " + account, applications, null);
    }

    public static ReceiptApplication Apply(string invoice, decimal amount, decimal discount = 0m) =>
        new(invoice, null, null, amount, discount, 0m, null);

    /// <summary>Posts an invoice through the target and gives its number.</summary>
    public static async Task<string> InvoiceAsync(IPerInvoiceTarget target, EntityDefinition entity, string account,
        InvoiceKind kind = InvoiceKind.Invoice)
    {
        var invoice = FusionRestTestData.Invoice(entity, account, kind: kind);
        return (await target.PostAsync(entity, invoice, CancellationToken.None)).Number;
    }
}

using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>The contract of a ready record (a bug upstream when broken), as the FBDI writer checks it.</summary>
internal static class EbsReadiness
{
    public static void Check(EntityDefinition entity, PostableInvoice postable)
    {
        var invoice = postable.Invoice;
        var bug = invoice.ResolvedCustomer is null ? "has no resolved customer"
            : invoice.IssueDate is null ? "has no issue date"
            : string.IsNullOrWhiteSpace(invoice.Currency) ? "has no currency"
            : invoice.Lines.Count == 0 ? "has no lines"
            : !string.Equals(invoice.EntityCode, entity.Code, StringComparison.Ordinal) ? $"belongs to entity {invoice.EntityCode}, not {entity.Code}"
            : postable.IdempotencyKey != IdempotencyKey.ForInvoice(entity.Code, invoice.Kind, invoice.Number) ? "carries a key that does not match entity, kind and number"
            : null;
        if (bug is not null)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Record {postable.RecordId} ({postable.IdempotencyKey}) is not ready to post: it {bug}."), nameof(postable));
        }
    }
}

using Connector.Adapters.Targets;
using Connector.Host.Store;
using Connector.Mapping.Model;

namespace Connector.Host.Pipeline;

/// <summary>
/// The open items cash application applies payments to, as far as the store knows them: the invoices the Connector
/// posted itself, and what stored payments already took from the items (so that a payment of a later run does not
/// take an invoice an earlier one was applied to).
/// </summary>
internal static class ConnectorOpenItems
{
    /// <summary>
    /// Payments whose applications hold their items: applied (to post, being posted, posted, or kept for want of a
    /// target that takes receipts) and partly applied (what was applied waits for the operator with the rest); not
    /// unapplied, refused or duplicates.
    /// </summary>
    public static readonly IReadOnlyList<RemittanceState> Holding = [RemittanceState.Applied, RemittanceState.PartlyApplied, RemittanceState.Posting, RemittanceState.NoTarget, RemittanceState.Confirmed];

    /// <summary>
    /// What cash application applies payments to: the target's open items (when it reads them), and the invoices the
    /// Connector posted, less what stored payments hold (<see cref="LessTaken"/>).
    /// </summary>
    public static IReadOnlyList<OpenItem> ForCashApplication(IConnectorStore store, string entity, IEnumerable<OpenItem> fromTarget)
        => LessTaken([.. fromTarget, .. PostedByConnector(store, entity)], store.RemittancesInStates(entity, Holding));

    /// <summary>
    /// The invoices the Connector posted itself (Posted or Confirmed in the store) as open items, for their gross amount:
    /// the store does not know what was paid since, so an ERP's own open items, when its target reads them, come first.
    /// </summary>
    public static IReadOnlyList<OpenItem> PostedByConnector(IConnectorStore store, string entity, int limit = 200_000)
        => [.. store.PostedRecords(entity, limit).Select(r => r.Invoice).Where(i => i.ResolvedCustomer is not null).Select(i => Item(entity, i))];

    /// <summary>
    /// The items less what stored payments took: every holding payment for items the Connector posted (the ERP has not
    /// said what it holds of them), and for the ERP's own items those not yet Confirmed (a confirmed receipt is in the
    /// ERP's open amount already). Items with nothing left stay, at zero: the book leaves them out.
    /// </summary>
    public static IReadOnlyList<OpenItem> LessTaken(IReadOnlyList<OpenItem> items, IReadOnlyList<RemittanceInfo> holding)
    {
        var taken = new Dictionary<(string Number, string Customer, bool Erp), decimal>();
        foreach (var remittance in holding)
        {
            foreach (var a in remittance.Applications)
            {
                var key = (Key(a.InvoiceNumber), Key(a.Customer));
                taken[(key.Item1, key.Item2, false)] = taken.GetValueOrDefault((key.Item1, key.Item2, false)) + a.Closed;
                if (remittance.State != RemittanceState.Confirmed)
                {
                    taken[(key.Item1, key.Item2, true)] = taken.GetValueOrDefault((key.Item1, key.Item2, true)) + a.Closed;
                }
            }
        }

        if (taken.Count == 0)
        {
            return items;
        }

        return [.. items.Select(i =>
        {
            var less = taken.GetValueOrDefault((Key(i.Number), Key(i.CustomerAccount), i.Origin == "erp"));
            if (less == 0m)
            {
                return i;
            }

            var left = i.OpenAmount - less;
            return i with { OpenAmount = Math.Sign(left) == Math.Sign(i.OpenAmount) ? left : 0m };
        })];
    }

    private static string Key(string text) => text.Trim().ToUpperInvariant();

    private static OpenItem Item(string entity, Invoice i)
    {
        var (percent, days) = PaymentTermsDiscount.Parse(i.PaymentTerms);
        return new OpenItem
        {
            EntityCode = entity,
            Number = i.Number,
            Kind = i.Kind,
            CustomerAccount = i.ResolvedCustomer!.AccountNumber,
            CustomerName = i.ResolvedCustomer.Name,
            Currency = i.Currency ?? string.Empty,
            InvoiceDate = i.IssueDate,
            DueDate = i.DueDate,
            OriginalAmount = i.GrossTotal,
            OpenAmount = i.Electronic?.Payable ?? i.GrossTotal,
            PaymentTerms = i.PaymentTerms,
            PaymentReference = i.Electronic?.PaymentReference,
            PurchaseOrder = i.PurchaseOrder,
            DiscountPercent = percent,
            DiscountDays = days,
            Origin = "connector",
        };
    }
}

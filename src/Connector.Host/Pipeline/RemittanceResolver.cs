using System.Globalization;
using Connector.Host.Store;
using Connector.Mapping.Model;

namespace Connector.Host.Pipeline;

/// <summary>An invoice an operator applies a payment to, with the amount (null: what is open on it, at most what is left of the payment).</summary>
internal sealed record InvoiceChoice(string Number, decimal? Amount);

/// <summary>
/// An operator's decision on a payment that waits (Unapplied or PartlyApplied): apply it to the invoices named, in
/// order, each for what is open on it (less what stored payments hold) or the amount given, and put any rest on the
/// payer's account when asked. The payment becomes Applied, posted as a receipt by the next run. What the decision
/// cannot do (an invoice not open, an amount beyond what is open or left, money left over) is refused with the reason,
/// and nothing changes.
/// </summary>
internal sealed class RemittanceResolver(IConnectorStore store, TimeProvider clock)
{
    /// <summary>
    /// Applies the payment as decided. With <c>remember</c>, the decision is learnt: the payer's bank account and name,
    /// as the bank wrote them, become aliases of the customer, so that the next payment from that account or under that
    /// name finds the customer by itself.
    /// </summary>
    public RemittanceInfo Apply(EntityRuntime entity, long remittanceId, IReadOnlyList<OpenItem> openItems, IReadOnlyList<InvoiceChoice> invoices, bool restOnAccount, string? customer, string actor, bool remember = false, string? deductionReason = null)
    {
        var payment = Waiting(entity, remittanceId);

        if (invoices.Count == 0 && !restOnAccount)
        {
            throw new ArgumentException("Name the invoices the payment pays (--invoice), or put it on the payer's account (--on-account).");
        }

        var payer = customer ?? payment.PayerAccount;
        if (customer is not null && entity.Matcher.FindByAccount(customer) is null)
        {
            throw new ArgumentException($"Entity {entity.Code} has no customer {customer}.");
        }

        var currency = payment.Currency ?? entity.Definition.Currency;
        var applications = payment.Applications.ToList();
        var left = payment.Unapplied;
        foreach (var choice in invoices)
        {
            var item = Find(openItems, choice.Number, currency, payer);
            var amount = choice.Amount ?? Math.Min(item.OpenAmount, left);
            var deduction = deductionReason is null ? 0m : item.OpenAmount - amount;
            if (amount <= 0m || amount > item.OpenAmount)
            {
                throw new ArgumentException(Text($"{item.Number} has {item.OpenAmount:0.00} open: {amount:0.00} cannot be applied to it."));
            }

            if (amount > left)
            {
                throw new ArgumentException(Text($"Only {left:0.00} of the payment is left: {amount:0.00} cannot be applied to {item.Number}."));
            }

            applications.Add(new StoredApplication(item.Number, item.CustomerAccount, item.ErpId, item.InstallmentId, item.Origin, amount, 0m, deduction, deduction > 0m ? deductionReason : null, "operator", deduction > 0m ? Text($"applied by {actor}, the short {deduction:0.00} accepted as a deduction ({deductionReason})") : $"applied by {actor}", null));
            payer ??= item.CustomerAccount;
            left -= amount;
        }

        var onAccount = payment.OnAccount;
        if (left > 0m && restOnAccount)
        {
            if (payer is null)
            {
                throw new ArgumentException("The payer is not identified: money on account needs a customer (--customer).");
            }

            onAccount += left;
            left = 0m;
        }

        if (left > 0m)
        {
            throw new ArgumentException(Text($"{left:0.00} of the payment would be left unapplied: name more invoices, or put the rest on account (--on-account)."));
        }

        var applied = applications.Sum(a => a.Amount);
        var reason = Text($"resolved by {actor}: ") + string.Join(", ", applications.Select(a => Text($"{a.InvoiceNumber} {a.Amount:0.00}")))
            + (onAccount > 0m ? Text($"; on account of {payer}: {onAccount:0.00}") : string.Empty);
        var move = new RemittanceMove(payment.Id, payment.State, RemittanceState.Applied, reason, actor)
        {
            Decision = new RemittanceDecision(payer, applications, applied, onAccount, 0m),
        };
        if (!store.MoveRemittance(move, clock.GetUtcNow()))
        {
            throw new InvalidOperationException($"Payment {remittanceId} changed while it was being resolved; look at it again.");
        }

        if (remember && payer is not null)
        {
            var bank = payment.Remittance.Payer;
            foreach (var written in new[] { bank.BankAccount, bank.Name }.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim()))
            {
                var alias = new CustomerAlias(written, payer);
                store.AddAlias(entity.Code, alias, actor, clock.GetUtcNow());
                entity.Matcher.AddAlias(alias);
            }
        }

        return store.GetRemittance(payment.Id)!;
    }

    /// <summary>
    /// An operator's decision that the payment is not applied to invoices here (a refund, a transfer between the
    /// entity's own accounts, a payment for another entity), with the reason: it becomes Skipped, holds nothing, is
    /// never posted, and the decision is in the audit log.
    /// </summary>
    public RemittanceInfo Skip(EntityRuntime entity, long remittanceId, string reason, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var payment = Waiting(entity, remittanceId);
        var move = new RemittanceMove(payment.Id, payment.State, RemittanceState.Skipped, Text($"skipped by {actor}: {reason}"), actor)
        {
            Decision = new RemittanceDecision(payment.PayerAccount, [], 0m, 0m, payment.Amount),
        };
        if (!store.MoveRemittance(move, clock.GetUtcNow()))
        {
            throw new InvalidOperationException($"Payment {remittanceId} changed while it was being skipped; look at it again.");
        }

        return store.GetRemittance(payment.Id)!;
    }

    private RemittanceInfo Waiting(EntityRuntime entity, long remittanceId)
    {
        var payment = store.GetRemittance(remittanceId) ?? throw new ArgumentException($"There is no payment {remittanceId}.");
        if (payment.Entity != entity.Code)
        {
            throw new ArgumentException($"Payment {remittanceId} is of entity {payment.Entity}, not {entity.Code}.");
        }

        if (payment.State is not (RemittanceState.Unapplied or RemittanceState.PartlyApplied) || payment.Direction != EntryDirection.Credit)
        {
            throw new ArgumentException($"Payment {remittanceId} is {payment.State}: only unapplied or partly applied customer payments wait for a decision.");
        }

        return payment;
    }

    /// <summary>The open item with this number in the payment's currency: the payer's when the payer is known, else the only one.</summary>
    private static OpenItem Find(IReadOnlyList<OpenItem> items, string number, string currency, string? payer)
    {
        var open = items.Where(i => string.Equals(i.Number.Trim(), number.Trim(), StringComparison.OrdinalIgnoreCase) && i.OpenAmount > 0m
                                    && string.Equals(i.Currency, currency, StringComparison.OrdinalIgnoreCase))
            .OrderBy(i => i.Origin == "erp" ? 0 : 1)
            .ToList();
        var mine = payer is null ? open : [.. open.Where(i => string.Equals(i.CustomerAccount, payer, StringComparison.OrdinalIgnoreCase))];
        var customers = mine.Select(i => i.CustomerAccount).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return customers.Count switch
        {
            0 => throw new ArgumentException($"No invoice {number} in {currency} is open{(payer is null ? string.Empty : $" for customer {payer}")} (it may be paid, or taken by another payment)."),
            1 => mine[0],
            _ => throw new ArgumentException($"Invoice {number} is open for several customers ({string.Join(", ", customers)}): name the payer with --customer."),
        };
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

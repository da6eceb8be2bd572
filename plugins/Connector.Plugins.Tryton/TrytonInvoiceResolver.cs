using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Plugins.Tryton;

/// <summary>
/// Finds the Tryton ids an invoice refers to. Everything missing is gathered into one refusal naming each value (and
/// the line, for taxes), except the entity's default payment term, whose absence is a setup error.
/// Taxes: a line's tax code is translated by the <c>taxes</c> option when it lists the code, else taken as the Tryton
/// tax name itself (profiles can map the source's codes straight onto Tryton's names), and must name a parent tax. A
/// line without tax code but with a non-zero rate takes the one parent sale tax at that rate on the invoice date; when
/// the chart has several (the French chart has goods and services taxes at each rate) the line is refused with their
/// names, to be told apart by a tax code. A line without code and with no or a zero rate carries no tax.
/// </summary>
internal static class TrytonInvoiceResolver
{
    public static async Task<TrytonInvoiceRefs> ResolveAsync(EntityDefinition entity, PostableInvoice postable, TrytonLookups lookups, TrytonOptions options, DateOnly date, CancellationToken cancellationToken)
    {
        var invoice = postable.Invoice;
        var errors = new List<TargetError>();
        var basics = await lookups.BasicsAsync(cancellationToken).ConfigureAwait(false);

        var code = invoice.ResolvedCustomer?.AccountNumber;
        var party = code is null ? null : await lookups.PartyAsync(code, cancellationToken).ConfigureAwait(false);
        if (party is null)
        {
            errors.Add(new TargetError(code is null ? "The invoice has no resolved customer." : $"Tryton has no party with code '{code}'.", "PARTY_UNKNOWN", InvalidValue: code));
        }
        else if (party.Address is null)
        {
            errors.Add(new TargetError($"The party '{code}' has no address in Tryton to invoice to.", "PARTY_NO_ADDRESS", InvalidValue: code));
        }

        var receivable = party?.Receivable ?? basics.DefaultReceivable;
        if (receivable is null && party is not null)
        {
            errors.Add(new TargetError($"Neither the party '{code}' nor the accounting configuration has a receivable account.", "NO_RECEIVABLE_ACCOUNT"));
        }

        var currencyCode = invoice.Currency ?? entity.Currency;
        var currency = await lookups.CurrencyAsync(currencyCode, cancellationToken).ConfigureAwait(false);
        if (currency is null)
        {
            errors.Add(new TargetError($"Tryton has no currency '{currencyCode}'.", "CURRENCY_UNKNOWN", InvalidValue: currencyCode));
        }

        var termName = string.IsNullOrWhiteSpace(invoice.PaymentTerms) ? entity.Target.DefaultTerms : invoice.PaymentTerms;
        var term = await lookups.PaymentTermAsync(termName, cancellationToken).ConfigureAwait(false);
        if (term is null)
        {
            if (string.IsNullOrWhiteSpace(invoice.PaymentTerms))
            {
                throw new TargetSetupException($"Entity {entity.Code}: the default_terms '{termName}' is not a payment term in {options.Description}.");
            }

            errors.Add(new TargetError($"Tryton has no payment term '{termName}'.", "PAYMENT_TERM_UNKNOWN", InvalidValue: termName));
        }

        var taxes = new List<int?>();
        foreach (var line in invoice.Lines)
        {
            taxes.Add(await LineTaxAsync(line, lookups, options, date, errors, cancellationToken).ConfigureAwait(false));
        }

        if (errors.Count > 0)
        {
            throw new RefusedByTargetException($"Tryton cannot take {postable.IdempotencyKey}: {string.Join("; ", errors)}", errors);
        }

        return new TrytonInvoiceRefs(basics, party!, receivable!.Value, currency!.Value, term!.Value, taxes);
    }

    private static async Task<int?> LineTaxAsync(Mapping.Model.InvoiceLine line, TrytonLookups lookups, TrytonOptions options, DateOnly date, List<TargetError> errors, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(line.TaxCode))
        {
            var name = options.TaxNames.TryGetValue(line.TaxCode, out var mapped) ? mapped : line.TaxCode;
            var tax = await lookups.TaxAsync(name, cancellationToken).ConfigureAwait(false);
            if (tax is null)
            {
                errors.Add(new TargetError($"Tryton has no parent tax named '{name}' (tax code {line.TaxCode}).", "TAX_UNKNOWN", line.LineNumber, line.TaxCode));
            }

            return tax;
        }

        if (line.TaxRate is not { } rate || rate == 0)
        {
            return null;
        }

        var candidates = await lookups.SaleTaxesAtRateAsync(rate, date, cancellationToken).ConfigureAwait(false);
        var percent = rate.ToString(CultureInfo.InvariantCulture) + " %";
        switch (candidates.Count)
        {
            case 1:
                return candidates[0].Id;
            case 0:
                errors.Add(new TargetError($"Tryton has no sale tax at {percent} on {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.", "TAX_UNKNOWN", line.LineNumber, percent));
                return null;
            default:
                errors.Add(new TargetError($"Tryton has {candidates.Count} sale taxes at {percent} ({string.Join(", ", candidates.Select(c => c.Name))}): give the line a tax code.", "TAX_AMBIGUOUS", line.LineNumber, percent));
                return null;
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Model;

namespace Connector.Plugins.Tryton;

/// <summary>
/// Receipts (contract 1.1) through Tryton's pay wizard, one payment move per application. Tryton keeps no receipt of its
/// own, so the receipt's identity is the wizard's description, <c>{ReceiptNumber} ({IdempotencyKey})</c>, which Tryton
/// stores on each payment move (origin: the invoice). Before paying an invoice the moves of that invoice with that
/// description are read: what they already paid is not paid again, so a retry after a lost answer or a crash completes
/// the receipt instead of paying twice (each wizard step is one server transaction: a move is there entirely or not).
/// Tryton records cash only against invoices: a receipt must be applied in full, to posted customer invoices, with
/// positive amounts; discounts and deductions are not written off (they stay due on the invoice).
/// </summary>
internal sealed class TrytonReceiptPoster(TrytonRpc rpc, TrytonLookups lookups, TrytonOptions options)
{
    private static readonly string[] InvoiceFields = ["id", "number", "reference", "account", "state", "amount_to_pay", "currency.code"];

    public async Task<ErpReceipt> PostAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        var method = options.PaymentMethodName ?? throw new TargetSetupException(
            $"Entity {receipt.Entity.Code}: target.options: {TrytonOptions.PaymentMethod} is required to post receipts (a Tryton invoice payment method, e.g. 'Bank').");
        var problems = Check(receipt);
        var invoices = new List<(ReceiptApplication Application, JsonNode Invoice)>();
        foreach (var application in receipt.Applications)
        {
            if (await InvoiceAsync(receipt, application, ct).ConfigureAwait(false) is { } invoice)
            {
                invoices.Add((application, invoice));
            }
            else
            {
                problems.Add(new TargetError($"Tryton holds no customer invoice {application.InvoiceNumber} to apply the receipt to.", "CONNECTOR_INVOICE_NOT_FOUND", null, application.InvoiceNumber));
            }
        }

        if (problems.Count > 0)
        {
            throw new RefusedByTargetException($"Tryton cannot take receipt {receipt.ReceiptNumber} ({receipt.IdempotencyKey}): {string.Join("; ", problems)}", problems);
        }

        var description = Description(receipt);
        foreach (var (application, invoice) in invoices)
        {
            var id = TrytonJson.ToId(invoice["id"])!.Value;
            var already = (await PaymentsAsync(invoice, description, ct).ConfigureAwait(false)).Sum(p => p.Amount);
            var remaining = application.AmountApplied - already;
            if (remaining > 0)
            {
                await new TrytonReceipts(rpc, lookups).PayAsync(id, remaining, receipt.ReceiptDate, method, description, ct).ConfigureAwait(false);
            }
        }

        return await FindAsync(receipt, ct).ConfigureAwait(false)
            ?? throw new TransientTargetException($"{options.Description}: receipt {receipt.ReceiptNumber} was paid but its moves cannot be read back.");
    }

    /// <summary>The receipt as Tryton holds it: its payment moves on the applications' invoices; null when there is none.</summary>
    public async Task<ErpReceipt?> FindAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        var description = Description(receipt);
        var applications = new List<ErpReceiptApplication>();
        var moves = new List<int>();
        foreach (var application in receipt.Applications)
        {
            if (await InvoiceAsync(receipt, application, ct).ConfigureAwait(false) is not { } invoice)
            {
                continue;
            }

            var payments = await PaymentsAsync(invoice, description, ct).ConfigureAwait(false);
            if (payments.Count > 0)
            {
                applications.Add(new ErpReceiptApplication(application.InvoiceNumber, payments.Sum(p => p.Amount), 0m,
                    string.Join(",", payments.Select(p => p.Move.ToString(CultureInfo.InvariantCulture)))));
                moves.AddRange(payments.Select(p => p.Move));
            }
        }

        if (applications.Count == 0)
        {
            return null;
        }

        var unapplied = receipt.Amount - applications.Sum(a => a.AmountApplied);
        return new ErpReceipt(moves.Min().ToString(CultureInfo.InvariantCulture), receipt.ReceiptNumber, receipt.Amount, unapplied,
            unapplied == 0 ? "posted" : "partially posted", applications);
    }

    /// <summary>The description carried by the receipt's payment moves.</summary>
    public static string Description(ReceiptPosting receipt) => $"{receipt.ReceiptNumber} ({receipt.IdempotencyKey})";

    private static List<TargetError> Check(ReceiptPosting receipt)
    {
        var problems = new List<TargetError>();
        if (receipt.Applications.Count == 0 || receipt.AppliedTotal != receipt.Amount)
        {
            problems.Add(new TargetError(string.Create(CultureInfo.InvariantCulture,
                $"Tryton's pay wizard books cash only against invoices: the receipt of {receipt.Amount} is applied for {receipt.AppliedTotal}, and the rest could not be recorded; apply it in full or enter it in Tryton by hand."),
                "CONNECTOR_TRYTON_UNAPPLIED", null, receipt.ReceiptNumber));
        }

        problems.AddRange(receipt.Applications.Where(a => a.AmountApplied <= 0).Select(a => new TargetError(
            string.Create(CultureInfo.InvariantCulture, $"An application of {a.AmountApplied} (a credit note offset) cannot go through Tryton's pay wizard."),
            "CONNECTOR_TRYTON_NEGATIVE_APPLICATION", null, a.InvoiceNumber)));
        return problems;
    }

    /// <summary>The posted (or paid) customer invoice of an application: by id, else by the Connector's key, else by Tryton's number.</summary>
    private async Task<JsonNode?> InvoiceAsync(ReceiptPosting receipt, ReceiptApplication application, CancellationToken ct)
    {
        var basics = await lookups.BasicsAsync(ct).ConfigureAwait(false);
        JsonArray Domain(JsonArray clause) => [TrytonJson.Clause("company", "=", basics.Company), TrytonJson.Clause("type", "=", "out"),
            TrytonJson.Clause("state", "in", TrytonJson.Array("posted", "paid")), clause];
        if (application.ErpInvoiceId is { } erpId && int.TryParse(erpId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (await rpc.SearchReadAsync("account.invoice", Domain(TrytonJson.Clause("id", "=", id)), 1, InvoiceFields, ct).ConfigureAwait(false)).FirstOrDefault();
        }

        var keys = TrytonJson.Array(IdempotencyKey.ForInvoice(receipt.Entity.Code, InvoiceKind.Invoice, application.InvoiceNumber),
            IdempotencyKey.ForInvoice(receipt.Entity.Code, InvoiceKind.CreditNote, application.InvoiceNumber));
        var byKey = await rpc.SearchReadAsync("account.invoice", Domain(TrytonJson.Clause("reference", "in", keys)), 2, InvoiceFields, ct).ConfigureAwait(false);
        if (byKey.Count > 0)
        {
            return byKey[0];
        }

        return (await rpc.SearchReadAsync("account.invoice", Domain(TrytonJson.Clause("number", "=", application.InvoiceNumber)), 1, InvoiceFields, ct).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>The invoice's payment moves with the description: the amount each took off the receivable.</summary>
    private async Task<IReadOnlyList<(int Move, decimal Amount)>> PaymentsAsync(JsonNode invoice, string description, CancellationToken ct)
    {
        var id = TrytonJson.ToId(invoice["id"])!.Value;
        JsonArray domain =
        [
            TrytonJson.Clause("move.description", "=", description),
            TrytonJson.Clause("move.origin", "=", "account.invoice," + id.ToString(CultureInfo.InvariantCulture)),
            TrytonJson.Clause("account", "=", TrytonJson.ToId(invoice["account"])),
        ];
        var lines = await rpc.SearchReadAsync("account.move.line", domain, null, ["id", "move", "debit", "credit"], ct).ConfigureAwait(false);
        return [.. lines.Where(l => l is not null).Select(l => (TrytonJson.ToId(l!["move"]) ?? 0, (TrytonJson.ToDecimal(l["credit"]) ?? 0m) - (TrytonJson.ToDecimal(l["debit"]) ?? 0m)))];
    }
}

using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;

namespace Connector.Plugins.Tryton;

/// <summary>What Tryton says of an invoice after a payment: its state (<c>paid</c> when settled) and what is still due.</summary>
internal sealed record TrytonPaymentResult(string State, decimal AmountToPay, bool Partial);

/// <summary>
/// A customer receipt recorded against one posted invoice through Tryton's own pay wizard (<c>account.invoice.pay</c>:
/// there is no plain pay method over RPC): create, execute <c>start</c> for the form's defaults, execute <c>choice</c>
/// with the whole form sent back (the server keeps nothing of the defaults it gave), and when the amount is below what
/// is due, execute <c>pay</c> with the <c>ask</c> form as a partial payment; then delete the wizard. The payment is a move
/// in the payment method's journal (debit bank, credit receivable) reconciled with the invoice when it settles it.
/// Not idempotent by itself: <see cref="TrytonReceiptPoster"/> looks the receipt's moves up by their description
/// before every payment, which is what makes receipts exactly once.
/// </summary>
internal sealed class TrytonReceipts(TrytonRpc rpc, TrytonLookups lookups)
{
    public async Task<TrytonPaymentResult> PayAsync(int invoice, decimal amount, DateOnly date, string paymentMethod, string description, CancellationToken cancellationToken)
    {
        await lookups.BasicsAsync(cancellationToken).ConfigureAwait(false);
        var before = await ReadAsync(invoice, cancellationToken).ConfigureAwait(false);
        if (before.State != "posted")
        {
            throw Refused($"invoice {invoice} is {before.State}, not posted: nothing to pay", invoice);
        }

        if (amount <= 0 || amount > before.AmountToPay)
        {
            throw Refused($"{amount} cannot be paid on invoice {invoice}: {before.AmountToPay} is due", invoice);
        }

        var methods = await rpc.SearchReadAsync("account.invoice.payment.method", [TrytonJson.Clause("name", "=", paymentMethod)], 1, ["id"], cancellationToken).ConfigureAwait(false);
        var method = methods.Count > 0 ? TrytonJson.ToId(methods[0]?["id"]) : null;
        if (method is null)
        {
            throw new TargetSetupException($"Tryton has no invoice payment method '{paymentMethod}'.");
        }

        var context = (JsonObject)rpc.Context.DeepClone();
        context["active_model"] = "account.invoice";
        context["active_id"] = invoice;
        context["active_ids"] = TrytonJson.Array(invoice);
        var created = await CallAsync("create", [context.DeepClone()], cancellationToken).ConfigureAwait(false);
        var session = TrytonJson.ToId(created?[0]) ?? throw new TransientTargetException($"the pay wizard answered {created?.ToJsonString()}");
        var partial = false;
        try
        {
            var startView = await CallAsync("execute", [session, new JsonObject(), "start", context.DeepClone()], cancellationToken).ConfigureAwait(false);
            var start = Form(startView?["view"]?["defaults"]);
            start["amount"] = TrytonJson.Decimal(amount);
            start["date"] = TrytonJson.Date(date);
            start["payment_method"] = method;
            start["description"] = description;
            var choice = await CallAsync("execute", [session, new JsonObject { ["start"] = start }, "choice", context.DeepClone()], cancellationToken).ConfigureAwait(false);
            if (choice?["view"] is JsonObject view && TrytonJson.ToText(view["state"]) == "ask")
            {
                var ask = Form(view["defaults"]);
                ask["type"] = "partial";
                await CallAsync("execute", [session, new JsonObject { ["ask"] = ask }, "pay", context.DeepClone()], cancellationToken).ConfigureAwait(false);
                partial = true;
            }
        }
        finally
        {
            await CallAsync("delete", [session, context.DeepClone()], CancellationToken.None).ConfigureAwait(false);
        }

        var after = await ReadAsync(invoice, cancellationToken).ConfigureAwait(false);
        return after with { Partial = partial };
    }

    private Task<JsonNode?> CallAsync(string method, JsonNode?[] args, CancellationToken cancellationToken)
        => rpc.CallAsync("wizard.account.invoice.pay." + method, new JsonArray(args), cancellationToken);

    private async Task<TrytonPaymentResult> ReadAsync(int invoice, CancellationToken cancellationToken)
    {
        var found = await rpc.SearchReadAsync("account.invoice", [TrytonJson.Clause("id", "=", invoice)], 1, ["state", "amount_to_pay"], cancellationToken).ConfigureAwait(false);
        return found.Count == 1
            ? new TrytonPaymentResult(TrytonJson.ToText(found[0]?["state"]) ?? string.Empty, TrytonJson.ToDecimal(found[0]?["amount_to_pay"]) ?? 0m, false)
            : throw Refused($"there is no invoice {invoice}", invoice);
    }

    /// <summary>The defaults of a wizard view, without the <c>"x."</c> rec_name entries the server does not take back.</summary>
    private static JsonObject Form(JsonNode? defaults)
    {
        var form = new JsonObject();
        foreach (var (key, value) in defaults as JsonObject ?? [])
        {
            if (!key.EndsWith('.'))
            {
                form[key] = value?.DeepClone();
            }
        }

        return form;
    }

    private static RefusedByTargetException Refused(string message, int invoice)
        => new($"Tryton cannot take the payment: {message}", [new TargetError(message, "PAYMENT_REFUSED", InvalidValue: invoice.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
}

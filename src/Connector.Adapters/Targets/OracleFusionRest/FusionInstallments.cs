using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFusion;

namespace Connector.Adapters.Targets.OracleFusionRest;

/// <summary>An installment (payment schedule) of an invoice and what is still due on it.</summary>
internal sealed record FusionInstallment(string InstallmentId, DateOnly? DueDate, decimal Original, decimal BalanceDue);

/// <summary>
/// Finds the installments a receipt's applications go to: the given installment, else the invoice's
/// receivablesInvoiceInstallments (by its CustomerTransactionId, else by TransactionNumber in the business unit).
/// </summary>
internal sealed class FusionInstallments(FusionHttp http)
{
    public const string Child = "receivablesInvoiceInstallments";

    /// <summary>The installments of every invoice the receipt applies to, keyed by invoice number; an unknown invoice refuses the receipt.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FusionInstallment>>> ResolveAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        var plan = new Dictionary<string, IReadOnlyList<FusionInstallment>>(StringComparer.Ordinal);
        var missing = new List<TargetError>();
        foreach (var application in receipt.Applications)
        {
            if (plan.ContainsKey(application.InvoiceNumber))
            {
                continue;
            }

            if (application.InstallmentId is { } given)
            {
                plan[application.InvoiceNumber] = [new FusionInstallment(given, null, application.AmountApplied, application.AmountApplied)];
                continue;
            }

            var installments = await FindAsync(receipt, application, ct).ConfigureAwait(false);
            if (installments is null)
            {
                missing.Add(new TargetError($"Oracle holds no transaction {application.InvoiceNumber} in business unit {receipt.Entity.Target.BusinessUnit} to apply the receipt to.",
                    "CONNECTOR_INVOICE_NOT_FOUND", null, application.InvoiceNumber));
                continue;
            }

            plan[application.InvoiceNumber] = installments;
        }

        return missing.Count == 0
            ? plan
            : throw new RefusedByTargetException($"Receipt {receipt.ReceiptNumber} ({receipt.IdempotencyKey}) not posted: {string.Join("; ", missing)}", missing);
    }

    /// <summary>
    /// Splits <paramref name="amount"/> over the installments in due-date order, each up to its balance due; what exceeds
    /// them all goes to the last one (for Oracle to refuse as over-application).
    /// </summary>
    public static IReadOnlyList<(string InstallmentId, decimal Amount)> Allocate(IReadOnlyList<FusionInstallment> installments, decimal amount)
    {
        var open = installments.Where(i => i.BalanceDue != 0 && Math.Sign(i.BalanceDue) == Math.Sign(amount)).OrderBy(i => i.DueDate).ToList();
        if (open.Count == 0)
        {
            return [(installments.OrderBy(i => i.DueDate).Last().InstallmentId, amount)];
        }

        var result = new List<(string, decimal)>();
        var left = amount;
        for (var i = 0; i < open.Count && left != 0; i++)
        {
            var take = i == open.Count - 1 ? left : Math.Sign(left) * Math.Min(Math.Abs(left), Math.Abs(open[i].BalanceDue));
            result.Add((open[i].InstallmentId, take));
            left -= take;
        }

        return result;
    }

    public static IReadOnlyList<FusionInstallment> Read(JsonNode? child) =>
        [.. (child switch
        {
            JsonArray array => array,
            JsonObject collection => collection["items"] as JsonArray ?? [],
            _ => [],
        }).OfType<JsonObject>().Select(i => new FusionInstallment(
            FusionReceiptReader.Text(i["InstallmentId"]) ?? string.Empty,
            DateOnly.TryParseExact(FusionReceiptReader.Text(i["InstallmentDueDate"]), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
            FusionReceiptReader.Decimal(i["OriginalAmount"]) ?? 0m,
            FusionReceiptReader.Decimal(i["InstallmentBalanceDue"]) ?? 0m)).Where(i => i.InstallmentId.Length > 0)];

    private async Task<IReadOnlyList<FusionInstallment>?> FindAsync(ReceiptPosting receipt, ReceiptApplication application, CancellationToken ct)
    {
        var what = $"GET {FusionInvoiceItem.Resource} {application.InvoiceNumber}";
        if (application.ErpInvoiceId is { } id)
        {
            var page = await http.JsonAsync(HttpMethod.Get, $"{FusionInvoiceItem.Resource}/{Uri.EscapeDataString(id)}/child/{Child}?onlyData=true", null, what, ct).ConfigureAwait(false);
            return Read(page);
        }

        var q = FusionQuery.AllEqual(http.FrameworkVersion, ("TransactionNumber", application.InvoiceNumber), ("BusinessUnit", receipt.Entity.Target.BusinessUnit));
        var answer = await http.JsonAsync(HttpMethod.Get, $"{FusionInvoiceItem.Resource}?q={q}&onlyData=true&expand={Child}&limit=2", null, what, ct).ConfigureAwait(false);
        var items = (answer["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return items.Count switch
        {
            0 => null,
            1 => Read(items[0][Child]),
            _ => throw new RefusedByTargetException($"Oracle holds {items.Count} transactions numbered {application.InvoiceNumber} in business unit {receipt.Entity.Target.BusinessUnit}: give the application its ErpInvoiceId.",
                [new TargetError($"Transaction number {application.InvoiceNumber} is not unique in the business unit.", "CONNECTOR_INVOICE_AMBIGUOUS", null, application.InvoiceNumber)]),
        };
    }
}

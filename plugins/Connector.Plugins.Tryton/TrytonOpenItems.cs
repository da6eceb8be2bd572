using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Plugins.Tryton;

/// <summary>
/// Open items (contract 1.1): the company's posted customer invoices whose amount to pay is not zero (Tryton cannot
/// search on it, so every posted invoice is read), the party's code as the customer account. An invoice the Connector
/// posted carries its key in <c>reference</c>: its number is the source's; any other keeps Tryton's number. A credit
/// note (negative total) is open for a negative amount. The due date is the earliest maturity of its lines to pay.
/// </summary>
internal sealed class TrytonOpenItems(TrytonRpc rpc, TrytonLookups lookups)
{
    private static readonly string[] Fields =
    [
        "id", "number", "reference", "party.code", "party.name", "currency.code", "invoice_date", "total_amount", "amount_to_pay",
        "payment_term.name", "lines_to_pay",
    ];

    public async Task<IReadOnlyList<OpenItem>> LoadAsync(EntityDefinition entity, CancellationToken ct)
    {
        var basics = await lookups.BasicsAsync(ct).ConfigureAwait(false);
        JsonArray domain = [TrytonJson.Clause("company", "=", basics.Company), TrytonJson.Clause("type", "=", "out"), TrytonJson.Clause("state", "=", "posted")];
        var invoices = (await rpc.SearchReadAsync("account.invoice", domain, null, Fields, ct).ConfigureAwait(false))
            .OfType<JsonObject>()
            .Where(i => (TrytonJson.ToDecimal(i["amount_to_pay"]) ?? 0m) != 0m)
            .ToList();
        var maturities = await MaturitiesAsync(invoices, ct).ConfigureAwait(false);
        return [.. invoices.Select(i => Map(entity, i, maturities)).OfType<OpenItem>()];
    }

    private static OpenItem? Map(EntityDefinition entity, JsonObject invoice, IReadOnlyDictionary<int, DateOnly> maturities)
    {
        if (TrytonJson.ToText(TrytonJson.Dotted(invoice, "party", "code")) is not { Length: > 0 } account)
        {
            return null;
        }

        var total = TrytonJson.ToDecimal(invoice["total_amount"]) ?? 0m;
        var toPay = TrytonJson.ToDecimal(invoice["amount_to_pay"]) ?? 0m;
        var open = total < 0 && toPay > 0 ? -toPay : toPay;
        var terms = TrytonJson.ToText(TrytonJson.Dotted(invoice, "payment_term", "name"));
        var (percent, days) = DiscountOf(terms);
        var due = (invoice["lines_to_pay"] as JsonArray ?? []).Select(l => TrytonJson.ToId(l) is { } id && maturities.TryGetValue(id, out var d) ? d : (DateOnly?)null)
            .Where(d => d is not null).Min();
        return new OpenItem
        {
            EntityCode = entity.Code,
            Number = SourceNumber(entity, TrytonJson.ToText(invoice["reference"])) ?? TrytonJson.ToText(invoice["number"]) ?? string.Empty,
            Kind = total < 0 ? InvoiceKind.CreditNote : InvoiceKind.Invoice,
            CustomerAccount = account,
            CustomerName = TrytonJson.ToText(TrytonJson.Dotted(invoice, "party", "name")),
            Currency = TrytonJson.ToText(TrytonJson.Dotted(invoice, "currency", "code")) ?? entity.Currency,
            InvoiceDate = TrytonJson.ToDate(invoice["invoice_date"]),
            DueDate = due,
            OriginalAmount = total,
            OpenAmount = open,
            PaymentTerms = terms,
            DiscountPercent = percent,
            DiscountDays = days,
            PaymentReference = TrytonJson.ToText(invoice["number"]),
            ErpId = TrytonJson.ToId(invoice["id"])?.ToString(CultureInfo.InvariantCulture),
            Origin = "erp",
        };
    }

    /// <summary>The source's number of an invoice whose reference is this entity's key (<c>FR02|INV|F-1</c>), else null.</summary>
    internal static string? SourceNumber(EntityDefinition entity, string? reference)
    {
        var parts = reference?.Split('|', 3);
        return parts is { Length: 3 } && parts[0] == entity.Code && parts[1] is "INV" or "CM" && parts[2].Length > 0 ? parts[2] : null;
    }

    /// <summary>A discount in the terms name (<c>2/10 Net 30</c>: 2 % within 10 days).</summary>
    internal static (decimal? Percent, int? Days) DiscountOf(string? terms)
    {
        var slash = terms?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0)
        {
            return (null, null);
        }

        var daysText = new string([.. terms![(slash + 1)..].TakeWhile(char.IsAsciiDigit)]);
        return decimal.TryParse(terms[..slash].Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
               && percent is > 0 and < 100
               && int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            ? (percent, days)
            : (null, null);
    }

    private async Task<IReadOnlyDictionary<int, DateOnly>> MaturitiesAsync(List<JsonObject> invoices, CancellationToken ct)
    {
        var ids = invoices.SelectMany(i => i["lines_to_pay"] as JsonArray ?? []).Select(TrytonJson.ToId).OfType<int>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, DateOnly>();
        }

        var lines = await rpc.SearchReadAsync("account.move.line", [TrytonJson.Clause("id", "in", new JsonArray([.. ids.Select(i => (JsonNode)i)]))], null,
            ["id", "maturity_date"], ct).ConfigureAwait(false);
        return lines.Where(l => TrytonJson.ToId(l?["id"]) is not null && TrytonJson.ToDate(l?["maturity_date"]) is not null)
            .ToDictionary(l => TrytonJson.ToId(l!["id"])!.Value, l => TrytonJson.ToDate(l!["maturity_date"])!.Value);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;

namespace Connector.Adapters.Targets.OracleFusionFbdi;

/// <summary>Finds an invoice by transaction number, business unit and source through GET receivablesInvoices (v1 q).</summary>
internal sealed class FusionInvoiceLookup(FusionHttp http)
{
    public async Task<ErpInvoice?> FindAsync(EntityDefinition entity, string number, CancellationToken cancellationToken)
    {
        var target = entity.Target;
        var q = "TransactionNumber=" + Value(number) + ";BusinessUnit=" + Value(target.BusinessUnit) + ";TransactionSource=" + Value(target.TransactionSource);
        var relative = "receivablesInvoices?onlyData=true&expand=receivablesInvoiceLines&limit=2&q=" + Uri.EscapeDataString(q);
        using var request = new HttpRequestMessage(HttpMethod.Get, http.Resource(relative));
        var body = await http.SendAsync(request, $"Looking up invoice {number}", cancellationToken).ConfigureAwait(false);
        var item = (body["items"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        if (item is null)
        {
            return null;
        }

        decimal? amount = null;
        if (item["receivablesInvoiceLines"] is JsonArray lines)
        {
            amount = lines.OfType<JsonObject>().Sum(l => decimal.TryParse(OracleFusionFbdiTarget.Text(l["LineAmount"]),
                NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : 0m);
        }

        return new ErpInvoice(OracleFusionFbdiTarget.Text(item["CustomerTransactionId"]) ?? string.Empty,
            OracleFusionFbdiTarget.Text(item["TransactionNumber"]) ?? number, amount,
            OracleFusionFbdiTarget.Text(item["InvoiceCurrencyCode"]), OracleFusionFbdiTarget.Text(item["InvoiceStatus"]));
    }

    /// <summary>A query-by-example value, quoted when it holds a separator or a quote.</summary>
    private static string Value(string text) =>
        text.AsSpan().IndexOfAny(";'=") >= 0 ? "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'" : text;
}

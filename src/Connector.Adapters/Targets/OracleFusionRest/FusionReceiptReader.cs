using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFusion;

namespace Connector.Adapters.Targets.OracleFusionRest;

/// <summary>
/// Reads standard receipts and their applications: the receipt by ReceiptNumber and BusinessUnit (then date, amount and
/// customer, Oracle's duplicate rule), its applications from receivablesCustomerAccountActivities (the customer account,
/// then its standardReceiptApplications child filtered on StandardReceiptId, paged).
/// </summary>
internal sealed class FusionReceiptReader(FusionHttp http, int pageSize = FusionReceiptReader.DefaultPageSize)
{
    public const int DefaultPageSize = 500;

    public const string ReceiptsResource = "standardReceipts";
    public const string ActivitiesResource = "receivablesCustomerAccountActivities";
    public const string ApplicationsChild = "standardReceiptApplications";

    /// <summary>The receipt's item, or null when Oracle holds none with its number, date, amount and customer.</summary>
    public async Task<JsonObject?> FindItemAsync(ReceiptPosting receipt, CancellationToken ct)
    {
        var what = $"GET {ReceiptsResource} {receipt.ReceiptNumber}";
        var q = FusionQuery.AllEqual(http.FrameworkVersion, ("ReceiptNumber", receipt.ReceiptNumber), ("BusinessUnit", receipt.Entity.Target.BusinessUnit));
        var items = await PagedAsync($"{ReceiptsResource}?q={q}&onlyData=true", what, ct).ConfigureAwait(false);
        var date = receipt.ReceiptDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return items.FirstOrDefault(i => string.Equals(Text(i["ReceiptDate"]), date, StringComparison.Ordinal)
            && Decimal(i["Amount"]) == receipt.Amount
            && string.Equals(Text(i["CustomerAccountNumber"]), receipt.CustomerAccount, StringComparison.Ordinal));
    }

    /// <summary>The receipt as Oracle holds it, with the applications read back.</summary>
    public async Task<ErpReceipt> ReadAsync(JsonObject item, string? customerAccount, CancellationToken ct)
    {
        var id = Text(item["StandardReceiptId"]) ?? throw new TransientTargetException("Oracle's receipt has no StandardReceiptId; it may or may not exist.");
        var amount = Decimal(item["Amount"]) ?? 0m;
        var unapplied = Decimal(item["UnappliedAmount"]) ?? amount;
        var applications = customerAccount is null ? [] : await ApplicationsAsync(id, customerAccount, ct).ConfigureAwait(false);
        var status = Text(item["Status"]) ?? (unapplied == 0 ? "Applied" : applications.Count > 0 ? "Partially applied" : "Unapplied");
        return new ErpReceipt(id, Text(item["ReceiptNumber"]) ?? string.Empty, amount, unapplied, status, applications);
    }

    /// <summary>The receipt's applications; none when the customer account is unknown to Oracle's account activities.</summary>
    public async Task<IReadOnlyList<ErpReceiptApplication>> ApplicationsAsync(string receiptId, string customerAccount, CancellationToken ct)
    {
        var what = $"GET {ActivitiesResource} {customerAccount}";
        var q = FusionQuery.AllEqual(http.FrameworkVersion, ("AccountNumber", customerAccount));
        var accounts = await PagedAsync($"{ActivitiesResource}?q={q}&onlyData=true", what, ct).ConfigureAwait(false);
        if (accounts.Count == 0 || Text(accounts[0]["CustomerAccountId"]) is not { } accountId)
        {
            return [];
        }

        var qApplications = FusionQuery.AllEqual(http.FrameworkVersion, ("StandardReceiptId", receiptId));
        var items = await PagedAsync($"{ActivitiesResource}/{Uri.EscapeDataString(accountId)}/child/{ApplicationsChild}?q={qApplications}&onlyData=true",
            $"GET {ApplicationsChild} of receipt {receiptId}", ct).ConfigureAwait(false);
        return [.. items
            .Where(a => !string.Equals(Text(a["ApplicationStatus"]), "UNAPP", StringComparison.OrdinalIgnoreCase))
            .Select(a => new ErpReceiptApplication(Text(a["ReferenceTransactionNumber"]) ?? string.Empty, Decimal(a["ApplicationAmount"]) ?? 0m,
                Decimal(a["DiscountAmount"]) ?? 0m, Text(a["ApplicationId"])))];
    }

    /// <summary>Every item of a collection, page by page (limit/offset until hasMore is false).</summary>
    public async Task<List<JsonObject>> PagedAsync(string relativeUrl, string what, CancellationToken ct)
    {
        var result = new List<JsonObject>();
        for (var offset = 0; ; offset += pageSize)
        {
            var url = string.Create(CultureInfo.InvariantCulture, $"{relativeUrl}&limit={pageSize}&offset={offset}");
            var page = await http.JsonAsync(HttpMethod.Get, url, null, what, ct).ConfigureAwait(false);
            var items = page["items"] as JsonArray ?? throw new TransientTargetException($"{what}: Oracle's answer has no items.");
            result.AddRange(items.OfType<JsonObject>());
            if (page["hasMore"] is not JsonValue more || more.GetValueKind() != JsonValueKind.True || items.Count == 0)
            {
                return result;
            }
        }
    }

    public static string? Text(JsonNode? node) => FusionInvoiceItem.Text(node);

    public static decimal? Decimal(JsonNode? node) =>
        Text(node) is { } text && decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}

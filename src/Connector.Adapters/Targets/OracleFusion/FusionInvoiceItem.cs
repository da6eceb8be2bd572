using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Targets.OracleFusion;

/// <summary>Reads a receivablesInvoices item (the 201 answer of a POST, or an item found by number).</summary>
internal static class FusionInvoiceItem
{
    public const string Resource = "receivablesInvoices";
    public const string LinesChild = "receivablesInvoiceLines";

    public static JsonObject Parse(string body, string what)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject item)
            {
                return item;
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        throw new TransientTargetException($"{what}: Oracle's answer is not a JSON object; the invoice may or may not exist.");
    }

    /// <summary>The invoice as Oracle holds it: id, number, total of its lines when they are in the item, currency, status.</summary>
    public static ErpInvoice Read(JsonObject item, string what)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = Text(item["CustomerTransactionId"])
            ?? throw new TransientTargetException($"{what}: Oracle's answer has no CustomerTransactionId; the invoice may or may not exist.");
        return new ErpInvoice(id, Text(item["TransactionNumber"]) ?? string.Empty, Amount(item),
            Text(item["InvoiceCurrencyCode"]), Text(item["InvoiceStatus"]));
    }

    public static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    /// <summary>The sum of the lines' LineAmount (lines as an array, or as a v3+ collection with items); null without lines.</summary>
    public static decimal? Amount(JsonObject item)
    {
        var lines = item[LinesChild] switch
        {
            JsonArray array => array,
            JsonObject collection => collection["items"] as JsonArray,
            _ => null,
        };
        if (lines is null || lines.Count == 0)
        {
            return null;
        }

        var total = 0m;
        foreach (var line in lines)
        {
            if (line?["LineAmount"] is not JsonValue value || !TryDecimal(value, out var amount))
            {
                return null;
            }

            total += amount;
        }

        return total;
    }

    private static bool TryDecimal(JsonValue value, out decimal amount)
    {
        if (value.GetValueKind() == JsonValueKind.Number)
        {
            return value.TryGetValue(out amount);
        }

        amount = 0;
        return value.GetValueKind() == JsonValueKind.String
            && decimal.TryParse(value.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out amount);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

internal sealed record ValidatedLine(JsonObject Json, int LineNumber, decimal Quantity, decimal UnitSellingPrice, decimal LineAmount);

/// <summary>Validates the nested receivablesInvoiceLines of a POST.</summary>
internal sealed class LineValidator
{
    /// <summary>Writable line attributes; every one is echoed (null when not sent) in the created line.</summary>
    public static readonly string[] LineAttributes =
    [
        "LineNumber", "Description", "Quantity", "UnitSellingPrice", "LineAmount", "UnitOfMeasure", "ItemNumber",
        "MemoLine", "TaxClassificationCode", "SalesOrder", "SalesOrderLine", "SalesOrderDate", "Warehouse",
    ];

    private static readonly HashSet<string> Known = new(LineAttributes, StringComparer.Ordinal);

    public IReadOnlyList<ValidatedLine> Validate(JsonNode? node, int precision, List<OracleError> errors)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            errors.Add(new OracleError("AR_TRX_LINES_REQ", "You must provide at least one transaction line.",
                InvoiceValidator.LinesChild));
            return [];
        }

        var lines = new List<ValidatedLine>();
        var numbers = new HashSet<int>();
        for (var i = 0; i < array.Count; i++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{InvoiceValidator.LinesChild}[{i}].");
            if (array[i] is not JsonObject json)
            {
                errors.Add(new OracleError(JsonFields.InvalidValueCode, "A transaction line must be an object.", prefix));
                continue;
            }

            var line = ValidateLine(new JsonFields(json, prefix, errors), json, precision, numbers);
            if (line is not null)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static ValidatedLine? ValidateLine(JsonFields f, JsonObject json, int precision, HashSet<int> numbers)
    {
        var before = f.Errors.Count;
        f.RefuseUnknown(InvoiceValidator.LinesChild, Known);
        var lineNumber = f.Number("LineNumber", required: true);
        if (lineNumber is { } n && (n != decimal.Truncate(n) || n < 1 || n > int.MaxValue))
        {
            f.Add(JsonFields.InvalidValueCode, $"The line number {n} isn't a positive whole number.", "LineNumber");
        }
        else if (lineNumber is { } m && !numbers.Add((int)m))
        {
            f.Add("AR_DUP_LINE_NUMBER", $"The line number {m} is used more than once in the transaction.", "LineNumber");
        }

        var description = f.Text("Description", 240);
        var item = f.Text("ItemNumber", 300);
        var memoLine = f.Text("MemoLine", 50);
        if (description is null && item is null && memoLine is null)
        {
            f.Add("AR_LINE_ATTR_OPT_REQ", "You must provide the item, memo line, or description for the line.", "Description");
        }

        // The emulated setup has no item master and no memo lines, so any value is unknown.
        if (item is not null)
        {
            f.Add("AR_ITEM_NOT_FOUND", $"The item {item} isn't valid.", "ItemNumber");
        }

        if (memoLine is not null)
        {
            f.Add("AR_MEMO_LINE_NOT_FOUND", $"The memo line {memoLine} isn't valid.", "MemoLine");
        }

        foreach (var name in new[] { "UnitOfMeasure", "TaxClassificationCode", "SalesOrder", "SalesOrderLine", "Warehouse" })
        {
            f.Text(name, 50);
        }

        f.Date("SalesOrderDate");
        var quantity = f.Number("Quantity", required: true);
        var price = f.Number("UnitSellingPrice", required: true);
        var sentAmount = f.Number("LineAmount");
        if (quantity == 0)
        {
            f.Add(JsonFields.InvalidValueCode, "The quantity of a line must not be zero.", "Quantity");
        }

        if (f.Errors.Count > before || quantity is null || price is null || lineNumber is null)
        {
            return null;
        }

        var amount = Math.Round(quantity.Value * price.Value, precision, MidpointRounding.AwayFromZero);
        if (sentAmount is { } sent && sent != amount)
        {
            f.Add("AR_LINE_AMOUNT_MISMATCH",
                string.Create(CultureInfo.InvariantCulture,
                    $"The line amount {sent} doesn't equal the quantity times the unit selling price ({amount})."),
                "LineAmount");
            return null;
        }

        var stored = new JsonObject();
        foreach (var name in LineAttributes)
        {
            stored[name] = json[name]?.DeepClone();
        }

        stored["LineAmount"] = amount;
        return new ValidatedLine(stored, (int)lineNumber.Value, quantity.Value, price.Value, amount);
    }
}

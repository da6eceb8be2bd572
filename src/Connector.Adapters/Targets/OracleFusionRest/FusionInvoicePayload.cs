using System.Globalization;
using System.Text.Json;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFusion;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Targets.OracleFusionRest;

/// <summary>
/// The POST body of one invoice or credit memo for <c>receivablesInvoices</c>, written with a
/// <see cref="Utf8JsonWriter"/> so that every decimal goes out exactly as held (no float, invariant culture).
/// A credit memo is a transaction of the entity's credit memo type whose lines total a negative amount: each line
/// keeps a positive unit price and takes a negative quantity, as in the AutoInvoice file, and carries no terms.
/// </summary>
internal static class FusionInvoicePayload
{
    public const int DescriptionMaxLength = 240;

    /// <summary>The JSON bytes, and the invoice line number of each sent line in order (to map error paths back).</summary>
    public static (byte[] Json, IReadOnlyList<int> LineNumbers) Build(EntityDefinition entity, PostableInvoice postable, bool itemNumbers)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(postable);
        CheckReady(entity, postable);
        var invoice = postable.Invoice;
        var target = entity.Target;
        var creditMemo = invoice.Kind == InvoiceKind.CreditNote;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("BusinessUnit", target.BusinessUnit);
            json.WriteString("TransactionSource", target.TransactionSource);
            json.WriteString("TransactionType", creditMemo ? target.CreditMemoType : target.TransactionType);
            json.WriteString("TransactionNumber", invoice.Number);
            json.WriteString("TransactionDate", Iso(invoice.IssueDate!.Value));
            json.WriteString("BillToCustomerNumber", invoice.ResolvedCustomer!.AccountNumber);
            Optional(json, "BillToSite", invoice.ResolvedCustomer.BillToSiteNumber);
            if (!creditMemo)
            {
                json.WriteString("PaymentTerms", invoice.PaymentTerms ?? target.DefaultTerms);
            }

            json.WriteString("InvoiceCurrencyCode", invoice.Currency);
            if (!string.Equals(invoice.Currency, entity.Currency, StringComparison.OrdinalIgnoreCase))
            {
                // Oracle converts at the daily Corporate rate of the transaction date.
                json.WriteString("ConversionRateType", "Corporate");
                json.WriteString("ConversionDate", Iso(invoice.IssueDate.Value));
            }

            Optional(json, "PurchaseOrder", invoice.PurchaseOrder);
            Optional(json, "Comments", invoice.Comments);
            json.WriteString("InternalNotes", postable.IdempotencyKey);
            json.WriteStartArray(FusionInvoiceItem.LinesChild);
            foreach (var line in invoice.Lines)
            {
                WriteLine(json, line, itemNumbers);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return (buffer.ToArray(), [.. invoice.Lines.Select(l => l.LineNumber)]);
    }

    /// <summary>
    /// The quantity and unit price Oracle multiplies into the line amount: a line without quantity (the source gave only
    /// an amount) is one unit at the amount; otherwise the quantity takes the sign that makes quantity x price carry
    /// the amount's sign, so a credit memo line is a negative quantity at a positive price.
    /// </summary>
    public static (decimal Quantity, decimal UnitSellingPrice) QuantityAndPrice(InvoiceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Quantity == 0)
        {
            return (1m, line.Amount);
        }

        var quantity = Math.Abs(line.Quantity);
        var price = Math.Abs(line.UnitPrice);
        return line.Amount < 0 || (line.Amount == 0 && line.Quantity * line.UnitPrice < 0) ? (-quantity, price) : (quantity, price);
    }

    private static void WriteLine(Utf8JsonWriter json, InvoiceLine line, bool itemNumbers)
    {
        var (quantity, price) = QuantityAndPrice(line);
        json.WriteStartObject();
        json.WriteNumber("LineNumber", line.LineNumber);
        var description = string.IsNullOrWhiteSpace(line.Description) ? line.ItemCode : line.Description.Trim();
        Optional(json, "Description", description is { Length: > DescriptionMaxLength } ? description[..DescriptionMaxLength] : description);
        json.WriteNumber("Quantity", quantity);
        json.WriteNumber("UnitSellingPrice", price);
        if (itemNumbers)
        {
            Optional(json, "ItemNumber", line.ItemCode);
        }

        Optional(json, "UnitOfMeasure", line.UnitOfMeasure);
        Optional(json, "TaxClassificationCode", line.TaxCode);
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json.WriteString(name, value.Trim());
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void CheckReady(EntityDefinition entity, PostableInvoice postable)
    {
        var invoice = postable.Invoice;
        var bug = invoice.ResolvedCustomer is null ? "has no resolved customer"
            : invoice.IssueDate is null ? "has no issue date"
            : string.IsNullOrWhiteSpace(invoice.Currency) ? "has no currency"
            : invoice.Lines.Count == 0 ? "has no lines"
            : !string.Equals(invoice.EntityCode, entity.Code, StringComparison.Ordinal) ? $"belongs to entity {invoice.EntityCode}, not {entity.Code}"
            : null;
        if (bug is not null)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Record {postable.RecordId} ({postable.IdempotencyKey}) is not ready to post: it {bug}."), nameof(postable));
        }
    }
}

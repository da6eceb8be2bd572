using System.Globalization;
using System.Text;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Targets.OracleFbdi;

/// <summary>
/// Turns an <see cref="InvoiceBatch"/> into the rows of <c>RaInterfaceLinesAll.csv</c>: one row per invoice line, no
/// header, comma-separated, CRLF, UTF-8 without BOM. The line transaction flexfield carries the record's idempotency
/// key (context + entity code, INV/CM, invoice number, line number), which AutoInvoice refuses to import twice.
/// </summary>
internal static class AutoInvoiceLineWriter
{
    /// <summary>LINE_TYPE of every row: the Connector sends invoice lines; tax is calculated by Oracle from the tax code.</summary>
    public const string LineTypeLine = "LINE";

    /// <summary>CONVERSION_TYPE for the functional currency (with rate 1).</summary>
    public const string ConversionUser = "User";

    /// <summary>CONVERSION_TYPE for other currencies: Oracle takes the daily rate of the conversion date.</summary>
    public const string ConversionCorporate = "Corporate";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The CSV bytes (UTF-8, no BOM) of the batch.</summary>
    /// <exception cref="ArgumentException">The batch breaks the contract of a ready batch (a bug upstream).</exception>
    /// <exception cref="RefusedByTargetException">A record cannot be expressed in AutoInvoice's fields.</exception>
    public static byte[] ToBytes(InvoiceBatch batch)
    {
        using var buffer = new MemoryStream();
        WriteTo(batch, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the CSV bytes (UTF-8, no BOM) of the batch to a stream, invoice by invoice.</summary>
    public static void WriteTo(InvoiceBatch batch, Stream output)
    {
        using var writer = new StreamWriter(output, Utf8NoBom, 1 << 16, leaveOpen: true);
        Write(batch, writer);
    }

    /// <summary>The CSV text of the batch.</summary>
    public static string ToText(InvoiceBatch batch)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(batch, writer);
        return writer.ToString();
    }

    /// <summary>
    /// Writes the rows invoice by invoice, so that only one invoice's rows (of 372 fields each) are held at a time, never
    /// the rows of a whole batch; a bad record still fails the whole batch, since nothing is returned before the end.
    /// </summary>
    private static void Write(InvoiceBatch batch, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var postable in batch.Invoices)
        {
            if (!keys.Add(postable.IdempotencyKey))
            {
                throw new ArgumentException(
                    $"Batch {batch.BatchId} holds the idempotency key '{postable.IdempotencyKey}' twice.", nameof(batch));
            }

            foreach (var row in BuildRows(batch.Entity, postable))
            {
                row.AppendTo(builder);
            }

            writer.Write(builder);
            builder.Clear();
        }
    }

    /// <summary>The rows of the batch, in batch order and line order.</summary>
    public static IReadOnlyList<FbdiRow> BuildRows(InvoiceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var rows = new List<FbdiRow>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var postable in batch.Invoices)
        {
            if (!keys.Add(postable.IdempotencyKey))
            {
                throw new ArgumentException(
                    $"Batch {batch.BatchId} holds the idempotency key '{postable.IdempotencyKey}' twice.", nameof(batch));
            }

            rows.AddRange(BuildRows(batch.Entity, postable));
        }

        return rows;
    }

    private static IEnumerable<FbdiRow> BuildRows(EntityDefinition entity, PostableInvoice postable)
    {
        var invoice = postable.Invoice;
        CheckReady(entity, postable);
        var typeCode = IdempotencyKey.TypeCode(invoice.Kind);
        var lineNumbers = new HashSet<int>();
        var rows = new List<FbdiRow>(invoice.Lines.Count);
        foreach (var line in invoice.Lines)
        {
            if (!lineNumbers.Add(line.LineNumber))
            {
                throw Refused(postable, $"line number {line.LineNumber.ToString(CultureInfo.InvariantCulture)} occurs twice; "
                    + "the transaction flexfield of each line must be unique");
            }

            var row = NewRow(entity, postable);
            row.SetText(FbdiLinesLayout.Description, Truncate(line.Description, FbdiLinesLayout.DescriptionMaxLength));
            row.SetNumber(FbdiLinesLayout.Amount, line.Amount);
            SetQuantityAndPrice(row, line);
            SetFlexfield(row, postable, entity.Target.FlexfieldContext,
                [entity.Code, typeCode, invoice.Number, line.LineNumber.ToString(CultureInfo.InvariantCulture)]);
            row.SetText(FbdiLinesLayout.TaxClassificationCode, line.TaxCode);
            // UOM_CODE holds Oracle's unit code (3 characters); a unit name such as "Each" is not a code and is left out
            // (map source units to Oracle's codes in the profile's value maps to send them).
            row.SetText(FbdiLinesLayout.UomCode, line.UnitOfMeasure is { Length: <= FbdiLinesLayout.UomCodeMaxLength } unit ? unit : null);
            rows.Add(row);
        }

        return rows;
    }

    private static FbdiRow NewRow(EntityDefinition entity, PostableInvoice postable)
    {
        var invoice = postable.Invoice;
        var target = entity.Target;
        var creditNote = invoice.Kind == InvoiceKind.CreditNote;
        var currency = invoice.Currency!;
        var row = new FbdiRow(FbdiLinesLayout.FieldCount);
        row.SetText(FbdiLinesLayout.OrgId, target.BusinessUnitId);
        row.SetText(FbdiLinesLayout.BatchSourceName, target.TransactionSource);
        row.SetText(FbdiLinesLayout.CustTrxTypeName, creditNote ? target.CreditMemoType : target.TransactionType);

        // Oracle refuses payment terms on a credit memo.
        row.SetText(FbdiLinesLayout.TermName, creditNote ? null : invoice.PaymentTerms ?? target.DefaultTerms);
        row.SetDate(FbdiLinesLayout.TrxDate, invoice.IssueDate);
        row.SetDate(FbdiLinesLayout.GlDate, invoice.IssueDate);
        row.SetText(FbdiLinesLayout.TrxNumber, invoice.Number);
        row.SetText(FbdiLinesLayout.BillCustomerAccountNumber, invoice.ResolvedCustomer!.AccountNumber);
        row.SetText(FbdiLinesLayout.BillCustomerSiteNumber, invoice.ResolvedCustomer.BillToSiteNumber);
        row.SetText(FbdiLinesLayout.LineType, LineTypeLine);
        row.SetText(FbdiLinesLayout.CurrencyCode, currency);
        if (string.Equals(currency, entity.Currency, StringComparison.OrdinalIgnoreCase))
        {
            row.SetText(FbdiLinesLayout.ConversionType, ConversionUser);
            row.SetNumber(FbdiLinesLayout.ConversionRate, 1m);
        }
        else
        {
            row.SetText(FbdiLinesLayout.ConversionType, ConversionCorporate);
            row.SetDate(FbdiLinesLayout.ConversionDate, invoice.IssueDate);
        }

        row.SetText(FbdiLinesLayout.PurchaseOrder, invoice.PurchaseOrder);
        row.SetText(FbdiLinesLayout.BuName, target.BusinessUnit);
        row.SetText(FbdiLinesLayout.Comments, invoice.Comments);

        // A distinct INTERNAL_NOTES per source invoice keeps AutoInvoice from grouping two invoices into one.
        row.SetText(FbdiLinesLayout.InternalNotes, postable.IdempotencyKey);
        row.SetLiteral(FbdiLinesLayout.End, FbdiLinesLayout.EndMarker);
        return row;
    }

    /// <summary>
    /// Quantity and unit price are optional in AutoInvoice. A line without quantity (0: the source gave only an
    /// amount) sends the amount alone. Otherwise the quantity takes the sign that makes quantity x price carry the
    /// amount's sign (a credit memo line is a negative quantity at a positive price).
    /// </summary>
    private static void SetQuantityAndPrice(FbdiRow row, InvoiceLine line)
    {
        if (line.Quantity == 0)
        {
            return;
        }

        var quantity = line.Quantity;
        if (line.Amount != 0 && Math.Sign(quantity * line.UnitPrice) == -Math.Sign(line.Amount))
        {
            quantity = -quantity;
        }

        row.SetNumber(FbdiLinesLayout.Quantity, quantity);
        row.SetNumber(FbdiLinesLayout.UnitSellingPrice, line.UnitPrice);
    }

    private static void SetFlexfield(FbdiRow row, PostableInvoice postable, string context, string[] segments)
    {
        CheckFlexfieldLength(postable, "INTERFACE_LINE_CONTEXT", context);
        row.SetText(FbdiLinesLayout.InterfaceLineContext, context);
        for (var i = 0; i < segments.Length; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"INTERFACE_LINE_ATTRIBUTE{i + 1}");
            CheckFlexfieldLength(postable, name, segments[i]);
            row.SetText(FbdiLinesLayout.InterfaceLineAttribute(i + 1), segments[i]);
        }
    }

    private static void CheckFlexfieldLength(PostableInvoice postable, string field, string value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > FbdiLinesLayout.FlexfieldMaxLength || FbdiRow.OneLine(value) != value)
        {
            throw Refused(postable, string.Create(CultureInfo.InvariantCulture,
                $"{field} '{value}' must be 1 to {FbdiLinesLayout.FlexfieldMaxLength} characters on one line (it has {value.Length})"));
        }
    }

    private static void CheckReady(EntityDefinition entity, PostableInvoice postable)
    {
        var invoice = postable.Invoice;
        string? bug = null;
        if (invoice.ResolvedCustomer is null)
        {
            bug = "has no resolved customer";
        }
        else if (invoice.IssueDate is null)
        {
            bug = "has no issue date";
        }
        else if (string.IsNullOrWhiteSpace(invoice.Currency))
        {
            bug = "has no currency";
        }
        else if (invoice.Lines.Count == 0)
        {
            bug = "has no lines";
        }
        else if (!string.Equals(invoice.EntityCode, entity.Code, StringComparison.Ordinal))
        {
            bug = $"belongs to entity {invoice.EntityCode}, not {entity.Code}";
        }
        else if (postable.IdempotencyKey != IdempotencyKey.ForInvoice(entity.Code, invoice.Kind, invoice.Number))
        {
            bug = $"carries a key that does not match entity, kind and number ({IdempotencyKey.ForInvoice(entity.Code, invoice.Kind, invoice.Number)})";
        }

        if (bug is not null)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Record {postable.RecordId} ({postable.IdempotencyKey}) is not ready to post: it {bug}."), nameof(postable));
        }
    }

    private static RefusedByTargetException Refused(PostableInvoice postable, string reason)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"record {postable.RecordId} ({postable.IdempotencyKey}): {reason}");
        return new RefusedByTargetException($"AutoInvoice cannot take {text}.", [new TargetError(text)]);
    }

    private static string Truncate(string value, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        // Never cut a surrogate pair in half.
        var length = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..length];
    }
}

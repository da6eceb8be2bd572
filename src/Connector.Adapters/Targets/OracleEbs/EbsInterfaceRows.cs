using System.Globalization;
using Connector.Adapters.Abstractions;
using Connector.Adapters.Targets.OracleFbdi;
using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Targets.OracleEbs;

/// <summary>A column the adapter writes: its name, the largest text it takes (null: not text), and its parameter type.</summary>
internal sealed record EbsColumn(string Name, int? MaxLength, Type Type);

/// <summary>One row for an interface table, with the record and invoice line it comes from (for error messages).</summary>
internal sealed record EbsRow(PostableInvoice Record, int LineNumber, object?[] Values);

/// <summary>
/// The RA_INTERFACE_LINES_ALL rows of a batch: one LINE row per invoice line, with the same line transaction flexfield
/// as the FBDI writer (context; entity, INV/CM, invoice number, line number), TRX_NUMBER = the source number (a manual
/// numbering source), the bill-to references, and the WHO columns. No TAX rows: tax is calculated by EBS (E-Business
/// Tax) from TAX_CODE, as it is for FBDI, so the amounts stay what the source invoice says per line and the tax setup
/// stays in one place. A unit of measure of up to 3 characters goes to UOM_CODE, a longer one (a name such as
/// "Each") to UOM_NAME. Optional REV distributions when the entity does not use AutoAccounting.
/// </summary>
internal static class EbsInterfaceRows
{
    public const string LineType = "LINE";

    public static readonly EbsColumn[] LineColumns =
    [
        new("INTERFACE_LINE_CONTEXT", 30, typeof(string)),
        new("INTERFACE_LINE_ATTRIBUTE1", 30, typeof(string)),
        new("INTERFACE_LINE_ATTRIBUTE2", 30, typeof(string)),
        new("INTERFACE_LINE_ATTRIBUTE3", 30, typeof(string)),
        new("INTERFACE_LINE_ATTRIBUTE4", 30, typeof(string)),
        new("BATCH_SOURCE_NAME", 50, typeof(string)),
        new("ORG_ID", null, typeof(long)),
        new("LINE_TYPE", 20, typeof(string)),
        new("DESCRIPTION", 240, typeof(string)),
        new("CURRENCY_CODE", 15, typeof(string)),
        new("CONVERSION_TYPE", 30, typeof(string)),
        new("CONVERSION_DATE", null, typeof(DateTime)),
        new("CONVERSION_RATE", null, typeof(decimal)),
        new("AMOUNT", null, typeof(decimal)),
        new("QUANTITY", null, typeof(decimal)),
        new("UNIT_SELLING_PRICE", null, typeof(decimal)),
        new("CUST_TRX_TYPE_NAME", 20, typeof(string)),
        new("TERM_NAME", 15, typeof(string)),
        new("ORIG_SYSTEM_BILL_CUSTOMER_REF", 240, typeof(string)),
        new("ORIG_SYSTEM_BILL_ADDRESS_REF", 240, typeof(string)),
        new("TRX_DATE", null, typeof(DateTime)),
        new("GL_DATE", null, typeof(DateTime)),
        new("TRX_NUMBER", 20, typeof(string)),
        new("UOM_CODE", 3, typeof(string)),
        new("UOM_NAME", 25, typeof(string)),
        new("TAX_CODE", 50, typeof(string)),
        new("PURCHASE_ORDER", 50, typeof(string)),
        new("COMMENTS", 240, typeof(string)),
        new("INTERNAL_NOTES", 240, typeof(string)),
        new("CREATED_BY", null, typeof(long)),
        new("LAST_UPDATED_BY", null, typeof(long)),
    ];

    public static readonly EbsColumn[] DistributionColumns =
    [
        new("INTERFACE_LINE_CONTEXT", 30, typeof(string)),
        new("INTERFACE_LINE_ATTRIBUTE1", 30, typeof(string)),
        new("INTERFACE_LINE_ATTRIBUTE2", 30, typeof(string)),
        new("INTERFACE_LINE_ATTRIBUTE3", 30, typeof(string)),
        new("INTERFACE_LINE_ATTRIBUTE4", 30, typeof(string)),
        new("ACCOUNT_CLASS", 20, typeof(string)),
        new("AMOUNT", null, typeof(decimal)),
        new("PERCENT", null, typeof(decimal)),
        new("ORG_ID", null, typeof(long)),
        new("CREATED_BY", null, typeof(long)),
        new("LAST_UPDATED_BY", null, typeof(long)),
    ];

    /// <summary>The WHO dates come from the database clock, as EBS's own programs set them.</summary>
    public static readonly string[] DatabaseDateColumns = ["CREATION_DATE", "LAST_UPDATE_DATE"];

    /// <summary>The LINE rows of one invoice (checked against the column sizes).</summary>
    public static IEnumerable<EbsRow> Lines(EntityDefinition entity, OracleEbsOptions options, PostableInvoice postable)
    {
        var invoice = postable.Invoice;
        var target = entity.Target;
        var creditNote = invoice.Kind == InvoiceKind.CreditNote;
        var functional = string.Equals(invoice.Currency, entity.Currency, StringComparison.OrdinalIgnoreCase);
        var date = invoice.IssueDate!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var lineNumbers = new HashSet<int>();
        foreach (var line in invoice.Lines)
        {
            var lineNumber = line.LineNumber.ToString(CultureInfo.InvariantCulture);
            if (!lineNumbers.Add(line.LineNumber))
            {
                throw Refused(postable, line.LineNumber, "INTERFACE_LINE_ATTRIBUTE4", $"line number {lineNumber} occurs twice; the transaction flexfield of each line must be unique");
            }

            // AutoInvoice requires a description (and Oracle stores an empty text as null): the item code stands in.
            var description = OneLine(string.IsNullOrWhiteSpace(line.Description) ? line.ItemCode ?? string.Empty : line.Description).Trim();
            if (description.Length == 0)
            {
                throw Refused(postable, line.LineNumber, "DESCRIPTION", "the line has neither a description nor an item code; AutoInvoice requires a description");
            }

            var (quantity, price) = QuantityAndPrice(line);
            object?[] values =
            [
                target.FlexfieldContext, entity.Code, IdempotencyKey.TypeCode(invoice.Kind), invoice.Number, lineNumber,
                target.TransactionSource, options.OrgId, LineType, Truncate(description, 240), invoice.Currency!.ToUpperInvariant(),
                functional ? AutoInvoiceLineWriter.ConversionUser : AutoInvoiceLineWriter.ConversionCorporate,
                functional ? null : date, functional ? 1m : null,
                line.Amount, quantity, price,
                creditNote ? target.CreditMemoType : target.TransactionType,
                creditNote ? null : invoice.PaymentTerms ?? target.DefaultTerms,
                invoice.ResolvedCustomer!.AccountNumber, invoice.ResolvedCustomer.BillToSiteNumber,
                date, date, invoice.Number,
                line.UnitOfMeasure is { Length: <= 3 } code ? code : null,
                line.UnitOfMeasure is { Length: > 3 } name ? name : null,
                line.TaxCode, invoice.PurchaseOrder,
                invoice.Comments is null ? null : Truncate(OneLine(invoice.Comments), 240),
                postable.IdempotencyKey, options.UserId, options.UserId,
            ];
            Check(postable, line.LineNumber, LineColumns, values);
            yield return new EbsRow(postable, line.LineNumber, values);
        }
    }

    /// <summary>One REV distribution (100 % of the line to the configured account) per line.</summary>
    public static EbsRow Distribution(OracleEbsOptions options, EbsRow line)
    {
        object?[] values =
        [
            line.Values[0], line.Values[1], line.Values[2], line.Values[3], line.Values[4],
            "REV", line.Values[13], 100m, options.OrgId, options.UserId, options.UserId,
        ];
        return new EbsRow(line.Record, line.LineNumber, [.. values, .. options.RevenueAccount]);
    }

    /// <summary>The INSERT statement of a table for the given columns (plus the WHO dates), with <c>:pN</c> marks.</summary>
    public static string InsertSql(string table, IReadOnlyList<string> columns)
        => $"INSERT INTO {table} ({string.Join(", ", columns.Concat(DatabaseDateColumns))}) VALUES ("
           + string.Join(", ", columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $":p{i}")).Concat(DatabaseDateColumns.Select(_ => "CURRENT_TIMESTAMP")))
           + ")";

    public static IReadOnlyList<EbsColumn> DistributionColumnsFor(OracleEbsOptions options)
        => [.. DistributionColumns, .. options.RevenueAccount.Select((_, i) => new EbsColumn(string.Create(CultureInfo.InvariantCulture, $"SEGMENT{i + 1}"), 25, typeof(string)))];

    /// <summary>As the FBDI writer: the quantity takes the sign that makes quantity x price carry the amount's sign.</summary>
    private static (decimal? Quantity, decimal? Price) QuantityAndPrice(InvoiceLine line)
    {
        if (line.Quantity == 0)
        {
            return (null, null);
        }

        var quantity = line.Quantity;
        if (line.Amount != 0 && Math.Sign(quantity * line.UnitPrice) == -Math.Sign(line.Amount))
        {
            quantity = -quantity;
        }

        return (quantity, line.UnitPrice);
    }

    private static void Check(PostableInvoice postable, int lineNumber, EbsColumn[] columns, object?[] values)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].MaxLength is { } max && values[i] is string text && (text.Length > max || (i <= 4 && (text.Length == 0 || OneLine(text) != text))))
            {
                throw Refused(postable, lineNumber, columns[i].Name,
                    string.Create(CultureInfo.InvariantCulture, $"'{text}' does not fit {columns[i].Name} (1 to {max} characters on one line; it has {text.Length})"));
            }
        }
    }

    public static RefusedByTargetException Refused(PostableInvoice postable, int? lineNumber, string column, string reason)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"record {postable.RecordId} ({postable.IdempotencyKey}){(lineNumber is null ? string.Empty : $" line {lineNumber}")}, {column}: {reason}");
        return new RefusedByTargetException($"RA_INTERFACE_LINES_ALL cannot take {text}.", [new TargetError(text, LineNumber: lineNumber)]);
    }

    private static string OneLine(string value) => FbdiRow.OneLine(value);

    private static string Truncate(string value, int max)
        => value.Length <= max ? value : value[..(char.IsHighSurrogate(value[max - 1]) ? max - 1 : max)];
}

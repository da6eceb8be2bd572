namespace Connector.Mapping.Profiles;

/// <summary>The canonical fields a profile can fill. Header fields repeat on every row of an invoice.</summary>
internal enum CanonicalField
{
    InvoiceNumber,
    Kind,
    IssueDate,
    DueDate,
    Currency,
    PaymentTerms,
    CustomerAccount,
    CustomerTaxId,
    CustomerName,
    PurchaseOrder,
    OriginalInvoiceNumber,
    Comments,
    TotalNet,
    TotalTax,
    TotalGross,
    LineNumber,
    ItemCode,
    Description,
    Quantity,
    Unit,
    UnitPrice,
    Amount,
    TaxCode,
    TaxRate,
    TaxAmount,
}

/// <summary>How a canonical field's text is interpreted.</summary>
internal enum FieldType
{
    Text,
    Date,
    Number,
}

internal static class CanonicalFields
{
    public const int Count = (int)CanonicalField.TaxAmount + 1;

    private static readonly string[] Names =
    [
        "invoice_number", "kind", "issue_date", "due_date", "currency", "payment_terms", "customer_account",
        "customer_tax_id", "customer_name", "purchase_order", "original_invoice_number", "comments", "total_net",
        "total_tax", "total_gross", "line_number", "item_code", "description", "quantity", "unit", "unit_price",
        "amount", "tax_code", "tax_rate", "tax_amount",
    ];

    public static IReadOnlyList<string> AllNames => Names;

    public static string Name(CanonicalField field) => Names[(int)field];

    public static bool TryParse(string name, out CanonicalField field)
    {
        var index = Array.IndexOf(Names, name);
        field = (CanonicalField)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Header fields (the invoice, not the line) are taken from the first row of an invoice.</summary>
    public static bool IsHeader(CanonicalField field) => field <= CanonicalField.TotalGross;

    public static FieldType TypeOf(CanonicalField field) => field switch
    {
        CanonicalField.IssueDate or CanonicalField.DueDate => FieldType.Date,
        CanonicalField.TotalNet or CanonicalField.TotalTax or CanonicalField.TotalGross or CanonicalField.LineNumber
            or CanonicalField.Quantity or CanonicalField.UnitPrice or CanonicalField.Amount or CanonicalField.TaxRate
            or CanonicalField.TaxAmount => FieldType.Number,
        _ => FieldType.Text,
    };
}

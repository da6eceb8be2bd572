namespace Connector.Mapping.Profiles;

/// <summary>
/// The canonical fields a profile can fill. Header fields repeat on every row of a record. An invoice profile maps
/// the fields from <see cref="InvoiceNumber"/> to <see cref="TaxAmount"/>; a remittance profile (<c>record: remittance</c>)
/// those from <see cref="PaymentNumber"/> on, and <see cref="Currency"/> (see <see cref="CanonicalFields.Of"/>).
/// </summary>
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

    // Remittance advices: the payment (header) fields, then the line fields.
    PaymentNumber,
    PaymentDate,
    PaymentMethod,
    PaymentAmount,
    PayerName,
    PayerAccount,
    PayerBankAccount,
    PayerBankId,
    PayerTaxId,
    ReceivingAccount,
    FreeText,
    InvoiceReference,
    ReferenceKind,
    AmountPaid,
    InvoiceAmount,
    Discount,
    Deduction,
    DeductionReason,
    LineText,
}

/// <summary>What one record of a profile's documents is: an invoice (the default) or a remittance advice's payment.</summary>
internal enum ProfileRecord
{
    Invoice,
    Remittance,
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
    public const int Count = (int)CanonicalField.LineText + 1;

    private static readonly string[] Names =
    [
        "invoice_number", "kind", "issue_date", "due_date", "currency", "payment_terms", "customer_account",
        "customer_tax_id", "customer_name", "purchase_order", "original_invoice_number", "comments", "total_net",
        "total_tax", "total_gross", "line_number", "item_code", "description", "quantity", "unit", "unit_price",
        "amount", "tax_code", "tax_rate", "tax_amount",
        "payment_number", "payment_date", "payment_method", "payment_amount", "payer_name", "payer_account",
        "payer_bank_account", "payer_bank_id", "payer_tax_id", "receiving_account", "free_text", "invoice_reference",
        "reference_kind", "amount_paid", "invoice_amount", "discount", "deduction", "deduction_reason", "line_text",
    ];

    private static readonly CanonicalField[] InvoiceFields = [.. Enumerable.Range(0, (int)CanonicalField.TaxAmount + 1).Select(i => (CanonicalField)i)];

    private static readonly CanonicalField[] RemittanceFields =
    [
        CanonicalField.PaymentNumber, CanonicalField.PaymentDate, CanonicalField.PaymentMethod, CanonicalField.PaymentAmount,
        CanonicalField.Currency, CanonicalField.PayerName, CanonicalField.PayerAccount, CanonicalField.PayerBankAccount,
        CanonicalField.PayerBankId, CanonicalField.PayerTaxId, CanonicalField.ReceivingAccount, CanonicalField.FreeText,
        CanonicalField.InvoiceReference, CanonicalField.ReferenceKind, CanonicalField.AmountPaid, CanonicalField.InvoiceAmount,
        CanonicalField.Discount, CanonicalField.Deduction, CanonicalField.DeductionReason, CanonicalField.LineText,
    ];

    /// <summary>The fields a profile of that record maps, in documentation order.</summary>
    public static IReadOnlyList<CanonicalField> Of(ProfileRecord record) => record == ProfileRecord.Remittance ? RemittanceFields : InvoiceFields;

    public static IReadOnlyList<string> NamesOf(ProfileRecord record) => [.. Of(record).Select(Name)];

    public static bool Belongs(CanonicalField field, ProfileRecord record) => Array.IndexOf(record == ProfileRecord.Remittance ? RemittanceFields : InvoiceFields, field) >= 0;

    /// <summary>The field that groups rows into records, required in every profile of that record.</summary>
    public static CanonicalField Key(ProfileRecord record) => record == ProfileRecord.Remittance ? CanonicalField.PaymentNumber : CanonicalField.InvoiceNumber;

    public static string RecordName(ProfileRecord record) => record == ProfileRecord.Remittance ? "remittance" : "invoice";

    public static string Name(CanonicalField field) => Names[(int)field];

    public static bool TryParse(string name, out CanonicalField field)
    {
        var index = Array.IndexOf(Names, name);
        field = (CanonicalField)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Refuses a name that is no field of the profile's record, listing those it has (and saying where the name belongs).</summary>
    public static string NotAField(string name, ProfileRecord record)
    {
        var allowed = string.Join(", ", NamesOf(record));
        if (!TryParse(name, out _))
        {
            return record == ProfileRecord.Remittance
                ? $"'{name}' is not a canonical field of a remittance profile: {allowed}"
                : $"'{name}' is not a canonical field: {allowed}";
        }

        return record == ProfileRecord.Remittance
            ? $"'{name}' is an invoice field; a remittance profile (record: remittance) maps: {allowed}"
            : $"'{name}' is a remittance field (profiles with record: remittance); an invoice profile maps: {allowed}";
    }

    /// <summary>Header fields (the invoice or the payment, not the line) are taken from the first row of a record.</summary>
    public static bool IsHeader(CanonicalField field)
        => field <= CanonicalField.TotalGross || field is >= CanonicalField.PaymentNumber and <= CanonicalField.FreeText;

    public static FieldType TypeOf(CanonicalField field) => field switch
    {
        CanonicalField.IssueDate or CanonicalField.DueDate or CanonicalField.PaymentDate => FieldType.Date,
        CanonicalField.TotalNet or CanonicalField.TotalTax or CanonicalField.TotalGross or CanonicalField.LineNumber
            or CanonicalField.Quantity or CanonicalField.UnitPrice or CanonicalField.Amount or CanonicalField.TaxRate
            or CanonicalField.TaxAmount or CanonicalField.PaymentAmount or CanonicalField.AmountPaid or CanonicalField.InvoiceAmount
            or CanonicalField.Discount or CanonicalField.Deduction => FieldType.Number,
        _ => FieldType.Text,
    };
}

using Connector.Mapping.Problems;

namespace Connector.Mapping.Model;

/// <summary>How a payment was made.</summary>
public enum PaymentMethod
{
    Unknown,

    /// <summary>A paper cheque (check), also through a lockbox.</summary>
    Cheque,

    /// <summary>A US ACH credit (CCD, CTX, PPD).</summary>
    Ach,

    /// <summary>A wire / domestic or international transfer (Fedwire, SWIFT).</summary>
    Wire,

    /// <summary>A credit transfer, e.g. SEPA SCT, a French virement.</summary>
    CreditTransfer,

    /// <summary>A direct debit the entity collected (SEPA SDD, prélèvement).</summary>
    DirectDebit,

    Card,
    Cash,
    Other,
}

/// <summary>Whether a bank entry brought money in (a customer's payment) or took it out.</summary>
public enum EntryDirection
{
    Credit,
    Debit,
}

/// <summary>What an application's reference is, as far as the document says.</summary>
public enum ReferenceKind
{
    /// <summary>Not said: a number found in a remittance line or free text, to be tried as an invoice number.</summary>
    Unknown,

    Invoice,
    CreditNote,
    DebitNote,
    PurchaseOrder,

    /// <summary>A structured creditor reference (ISO 11649 RF, a Swiss ISR/QR reference, a French RUM...).</summary>
    CreditorReference,

    /// <summary>The customer's account number with the entity.</summary>
    CustomerAccount,
    Other,
}

/// <summary>The payer as the bank or the remittance advice names it.</summary>
public sealed record PayerReference
{
    public static PayerReference Empty { get; } = new();

    /// <summary>The name as written (debtor name, remitter, N1*PR name, NPY complement).</summary>
    public string? Name { get; init; }

    /// <summary>The payer's account with the entity (customer number), when the document gives it.</summary>
    public string? CustomerAccount { get; init; }

    /// <summary>The payer's bank account: IBAN, or a domestic account number (DDA).</summary>
    public string? BankAccount { get; init; }

    /// <summary>The payer's bank: BIC, or a routing / transit number (ABA), or a French bank code.</summary>
    public string? BankId { get; init; }

    /// <summary>A tax or company id of the payer (TRN03 EIN/DUNS, a party id of camt).</summary>
    public string? TaxId { get; init; }

    public bool IsEmpty => Name is null && CustomerAccount is null && BankAccount is null && BankId is null && TaxId is null;

    public override string ToString()
        => string.Join(" / ", new[] { CustomerAccount, Name, BankAccount, TaxId }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>
/// One application the payer says it makes: the invoice reference as written, the amount paid, and any discount or
/// deduction it took. Amounts are positive as the payer writes them; a credit note the payer offsets is an
/// application with <see cref="ReferenceKind.CreditNote"/> and its amount (positive, subtracted).
/// </summary>
public sealed record RemittanceLine
{
    public required int LineNumber { get; init; }

    /// <summary>The reference as written (an invoice number with its prefixes, leading zeros and typing errors).</summary>
    public string? Reference { get; init; }

    public ReferenceKind Kind { get; init; }

    /// <summary>What the payer pays for this reference (RMR04, RmtdAmt, Amount Applied n).</summary>
    public decimal? AmountPaid { get; init; }

    /// <summary>The invoice's amount as the payer knows it (RMR05, DuePyblAmt), when given.</summary>
    public decimal? InvoiceAmount { get; init; }

    /// <summary>Early-payment discount taken (RMR06, DscntApldAmt).</summary>
    public decimal? DiscountTaken { get; init; }

    /// <summary>Other deduction (short payment) with its reason, as the payer gives it (ADX, RMR07/08, AdjstmntAmtAndRsn).</summary>
    public decimal? Deduction { get; init; }

    public string? DeductionReason { get; init; }

    /// <summary>Free text of this line (an NTE, an Ustrd block), kept for the matcher and the operator.</summary>
    public string? Text { get; init; }

    /// <summary>Where in the document this line was: line or record number, XPath or segment.</summary>
    public required SourceLocation Source { get; init; }
}

/// <summary>
/// The canonical remittance: one payment (a bank credit, a cheque, an EFT) with the applications the payer announces.
/// Amounts are positive in <see cref="Currency"/>. A bank statement's debits come out too (direction Debit) so that
/// nothing in a file goes unaccounted; only credits are applied to invoices.
/// </summary>
public sealed record Remittance
{
    public required string EntityCode { get; init; }

    /// <summary>The payment's own number: cheque number, TRN02 trace, EndToEndId, bank reference; may be null (then the key uses the bank reference and occurrence).</summary>
    public string? PaymentNumber { get; init; }

    public PaymentMethod Method { get; init; }

    public EntryDirection Direction { get; init; } = EntryDirection.Credit;

    /// <summary>
    /// An advice only: the payer says what it pays (an X12 820 with BPR01 = I, a customer's remittance spreadsheet)
    /// but the money arrives separately, as a bank credit the advice must be matched to. Not itself a receipt.
    /// </summary>
    public bool AdviceOnly { get; init; }

    /// <summary>The date of the payment as the payer made it (cheque date, BPR16, requested execution).</summary>
    public DateOnly? PaymentDate { get; init; }

    /// <summary>The date the bank booked or deposited it (BookgDt, BAI2 as-of date, lockbox deposit date, CFONB operation date).</summary>
    public DateOnly? BookingDate { get; init; }

    /// <summary>The value date (ValDt, CFONB value date).</summary>
    public DateOnly? ValueDate { get; init; }

    public required decimal Amount { get; init; }

    /// <summary>ISO 4217, upper case.</summary>
    public string? Currency { get; init; }

    public PayerReference Payer { get; init; } = PayerReference.Empty;

    /// <summary>The entity's account the money arrived on (IBAN, account number, lockbox number).</summary>
    public string? ReceivingAccount { get; init; }

    /// <summary>The bank's reference of the entry (AcctSvcrRef, NtryRef, BAI2 bank reference, CFONB reference).</summary>
    public string? BankReference { get; init; }

    /// <summary>The bank's transaction code as written (BAI2 type code 301, camt PMNT/RCDT/ESCT, CFONB operation code).</summary>
    public string? BankTransactionCode { get; init; }

    /// <summary>Unstructured remittance information and bank text, joined with " | ".</summary>
    public string? FreeText { get; init; }

    public IReadOnlyList<RemittanceLine> Lines { get; init; } = [];

    /// <summary>The document and first line (or record, or element) this payment came from.</summary>
    public required SourceLocation Source { get; init; }
}

/// <summary>
/// An open receivable of an entity: an invoice (or a credit note, negative) with an amount still due, read from the
/// target ERP or from what the Connector posted itself. What cash application applies payments to.
/// </summary>
public sealed record OpenItem
{
    public required string EntityCode { get; init; }

    /// <summary>The transaction number as the ERP holds it (the source's invoice number).</summary>
    public required string Number { get; init; }

    public InvoiceKind Kind { get; init; } = InvoiceKind.Invoice;

    public required string CustomerAccount { get; init; }

    public string? CustomerName { get; init; }

    public required string Currency { get; init; }

    public DateOnly? InvoiceDate { get; init; }

    public DateOnly? DueDate { get; init; }

    /// <summary>The invoice's gross amount (negative for a credit note).</summary>
    public decimal OriginalAmount { get; init; }

    /// <summary>What is still due (negative for an unused credit note).</summary>
    public required decimal OpenAmount { get; init; }

    /// <summary>Payment terms as the ERP names them (e.g. <c>2/10 NET 30</c>), with the discount they allow, if any.</summary>
    public string? PaymentTerms { get; init; }

    /// <summary>The early-payment discount: this percent (2 means 2 %) of the amount when paid within <see cref="DiscountDays"/> of the invoice date.</summary>
    public decimal? DiscountPercent { get; init; }

    public int? DiscountDays { get; init; }

    /// <summary>The remittance information the invoice asked the payer to quote (an e-invoice's BT-83, a creditor reference).</summary>
    public string? PaymentReference { get; init; }

    /// <summary>The purchase order the invoice was for.</summary>
    public string? PurchaseOrder { get; init; }

    /// <summary>The ERP's id of the transaction (and, for Fusion, of its installment), used when applying.</summary>
    public string? ErpId { get; init; }

    public string? InstallmentId { get; init; }

    /// <summary>Where the item comes from: <c>erp</c> (read from the target) or <c>connector</c> (posted by the Connector, not yet seen in the ERP).</summary>
    public string Origin { get; init; } = "erp";
}

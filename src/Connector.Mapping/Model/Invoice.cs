using Connector.Mapping.Problems;

namespace Connector.Mapping.Model;

/// <summary>Whether a record is a sales invoice or a credit note (credit memo in Oracle's words).</summary>
public enum InvoiceKind
{
    Invoice,
    CreditNote,
}

/// <summary>
/// The canonical sales invoice or credit note. Amounts are signed as they will be booked: an invoice is positive, a
/// credit note negative (as Oracle AutoInvoice expects a credit memo). All amounts are in <see cref="Currency"/>.
/// Fields a source could not supply stay null; validation reports them, an operator may correct them.
/// </summary>
public sealed record Invoice
{
    public required string EntityCode { get; init; }

    public required string Number { get; init; }

    public InvoiceKind Kind { get; init; } = InvoiceKind.Invoice;

    public DateOnly? IssueDate { get; init; }

    public DateOnly? DueDate { get; init; }

    /// <summary>ISO 4217 code, upper case.</summary>
    public string? Currency { get; init; }

    /// <summary>Payment terms as the ERP names them (after the profile's value map).</summary>
    public string? PaymentTerms { get; init; }

    /// <summary>The customer as the source wrote it.</summary>
    public CustomerReference Customer { get; init; } = CustomerReference.Empty;

    /// <summary>The customer of the entity's master data this invoice bills, once matched.</summary>
    public ResolvedCustomer? ResolvedCustomer { get; init; }

    public string? PurchaseOrder { get; init; }

    /// <summary>For a credit note: the number of the invoice it credits, when the source gives it.</summary>
    public string? OriginalInvoiceNumber { get; init; }

    public string? Comments { get; init; }

    public IReadOnlyList<InvoiceLine> Lines { get; init; } = [];

    /// <summary>The net total the source declared (before tax), when it declared one.</summary>
    public decimal? DeclaredNetTotal { get; init; }

    /// <summary>The tax total the source declared, when it declared one.</summary>
    public decimal? DeclaredTaxTotal { get; init; }

    /// <summary>The gross total (net + tax) the source declared, when it declared one.</summary>
    public decimal? DeclaredGrossTotal { get; init; }

    /// <summary>The document and first line this invoice came from.</summary>
    public required SourceLocation Source { get; init; }

    /// <summary>What an e-invoice (UBL, CII, Factur-X) said beyond the canonical fields; null for other sources.</summary>
    public EInvoiceFacts? Electronic { get; init; }

    public decimal NetTotal => Lines.Sum(l => l.Amount);

    public decimal TaxTotal => Lines.Sum(l => l.TaxAmount);

    public decimal GrossTotal => NetTotal + TaxTotal;
}

/// <summary>One invoice line. <see cref="Amount"/> is the net line amount, signed like the invoice.</summary>
public sealed record InvoiceLine
{
    public required int LineNumber { get; init; }

    public string? ItemCode { get; init; }

    public string Description { get; init; } = string.Empty;

    public decimal Quantity { get; init; }

    public string? UnitOfMeasure { get; init; }

    public decimal UnitPrice { get; init; }

    public decimal Amount { get; init; }

    /// <summary>Tax code as the ERP names it (after the profile's value map).</summary>
    public string? TaxCode { get; init; }

    /// <summary>Tax rate in percent (20 means 20 %).</summary>
    public decimal? TaxRate { get; init; }

    public decimal TaxAmount { get; init; }

    /// <summary>The line (CSV) or row (XLSX) of the source this line came from.</summary>
    public int? SourceLine { get; init; }
}

/// <summary>
/// The customer as a source names it: any of account number, tax id and name may be there, and other identifiers
/// (legal registration ids such as a SIREN or SIRET, electronic addresses such as a Peppol endpoint <c>0225:123456789</c>,
/// a GLN <c>0088:4012345000009</c>) written as <c>scheme:value</c> or as the bare value.
/// </summary>
public sealed record CustomerReference(string? AccountNumber, string? TaxId, string? Name)
{
    public static CustomerReference Empty { get; } = new(null, null, null);

    /// <summary>Identifiers other than the tax id, tried after it; empty for most sources.</summary>
    public IReadOnlyList<string> OtherIds { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(AccountNumber) && string.IsNullOrWhiteSpace(TaxId) && string.IsNullOrWhiteSpace(Name);

    public override string ToString()
        => string.Join(" / ", new[] { AccountNumber, TaxId, Name }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>The master-data customer and bill-to site an invoice is posted against.</summary>
public sealed record ResolvedCustomer(string AccountNumber, string Name, string? BillToSiteNumber);

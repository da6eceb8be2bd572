namespace Connector.Mapping.Model;

/// <summary>
/// What an e-invoice said beyond the canonical fields, kept with the record for the operator, the reports and cash
/// application (the payable amount and the payment reference are what a customer's payment will quote).
/// </summary>
public sealed record EInvoiceFacts
{
    /// <summary><c>UBL</c>, <c>CII</c> or <c>ZUGFeRD 1.0</c>; with <c>in PDF</c> when the XML came out of a Factur-X / ZUGFeRD PDF.</summary>
    public required string Syntax { get; init; }

    /// <summary>The profile the document claims: MINIMUM, BASIC WL, BASIC, EN 16931, EXTENDED, XRECHNUNG, PEPPOL BIS 3...</summary>
    public required string Profile { get; init; }

    /// <summary>BT-24 as written.</summary>
    public string? SpecificationId { get; init; }

    /// <summary>BT-3 (UNTDID 1001).</summary>
    public string? TypeCode { get; init; }

    /// <summary>BT-10.</summary>
    public string? BuyerReference { get; init; }

    /// <summary>BT-12.</summary>
    public string? ContractReference { get; init; }

    /// <summary>BT-11.</summary>
    public string? ProjectReference { get; init; }

    /// <summary>BT-83: the remittance information the payer is asked to quote.</summary>
    public string? PaymentReference { get; init; }

    /// <summary>BT-84: the account the payment is asked to go to.</summary>
    public string? PayeeAccount { get; init; }

    /// <summary>BT-20: payment terms as the document wrote them.</summary>
    public string? PaymentTermsText { get; init; }

    /// <summary>BT-113: paid in advance.</summary>
    public decimal? Prepaid { get; init; }

    /// <summary>BT-114: rounding.</summary>
    public decimal? Rounding { get; init; }

    /// <summary>BT-115: due for payment, signed like the canonical invoice (negative for a credit note).</summary>
    public decimal? Payable { get; init; }

    /// <summary>BT-27 and BT-31: the seller as written (the entity the document was routed to).</summary>
    public string? SellerName { get; init; }

    public string? SellerVatId { get; init; }
}

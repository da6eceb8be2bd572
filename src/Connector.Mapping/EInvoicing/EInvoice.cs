namespace Connector.Mapping.EInvoicing;

/// <summary>The XML syntax an e-invoice was written in.</summary>
internal enum EInvoiceSyntax
{
    /// <summary>OASIS UBL 2.1 <c>Invoice</c> or <c>CreditNote</c>.</summary>
    Ubl,

    /// <summary>UN/CEFACT CII D16B (and later) <c>CrossIndustryInvoice</c>: plain CII, Factur-X and ZUGFeRD 2.x.</summary>
    Cii,

    /// <summary>ZUGFeRD 1.0 <c>CrossIndustryDocument</c> (CII D13B-like, namespace <c>urn:ferd:CrossIndustryDocument:invoice:1p0</c>).</summary>
    Zugferd1,
}

/// <summary>
/// The profile (EN 16931 "specification identifier", BT-24) a document claims. The claim is read from the XML
/// (and, for a PDF, compared with its XMP); it says which rules apply: MINIMUM and BASIC WL carry no lines.
/// </summary>
internal enum EInvoiceProfile
{
    /// <summary>A specification id that is none of the below (kept as written in <see cref="EInvoice.SpecificationId"/>).</summary>
    Unknown,
    Minimum,
    BasicWl,
    Basic,
    En16931,
    Extended,
    XRechnung,

    /// <summary>Peppol BIS Billing 3.0 (a CIUS of EN 16931).</summary>
    PeppolBis,

    /// <summary>The French CTC extended profile (<c>urn.cpro.gouv.fr:1p0:extended-ctc-fr</c>).</summary>
    ExtendedCtcFr,

    /// <summary>ZUGFeRD 1.0 BASIC, COMFORT and EXTENDED (<c>urn:ferd:CrossIndustryDocument:invoice:1p0:*</c>).</summary>
    Zugferd1Basic,
    Zugferd1Comfort,
    Zugferd1Extended,
}

/// <summary>
/// Where in the XML a value was read: the element's path from the root with prefixes as the standard writes them
/// (e.g. <c>cac:LegalMonetaryTotal/cbc:PayableAmount</c>) and its 1-based line in the file (null when unknown).
/// </summary>
internal sealed record XmlSpot(string Path, int? Line)
{
    public static XmlSpot Root { get; } = new("/", null);

    public override string ToString() => Line is { } line ? $"{Path} (line {line.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : Path;
}

/// <summary>An identifier with its scheme as written (<c>schemeID</c>): e.g. ("0009", "12345678900012") for a SIRET, ("0088", GLN), (null, customer number).</summary>
internal sealed record SchemedId(string Value, string? Scheme)
{
    public override string ToString() => Scheme is null ? Value : $"{Scheme}:{Value}";
}

/// <summary>A seller (BG-4), buyer (BG-7) or payee (BG-10).</summary>
internal sealed record EInvoiceParty
{
    /// <summary>BT-27 / BT-44 / BT-59: the legal (registration) name.</summary>
    public string? Name { get; init; }

    /// <summary>BT-28 / BT-45: the trading name.</summary>
    public string? TradingName { get; init; }

    /// <summary>BT-29 / BT-46 / BT-60: identifiers (seller- or scheme-assigned, e.g. a GLN with scheme 0088).</summary>
    public IReadOnlyList<SchemedId> Identifiers { get; init; } = [];

    /// <summary>BT-30 / BT-47 / BT-61: legal registration id (SIREN 0002, SIRET 0009, HRB...).</summary>
    public SchemedId? LegalId { get; init; }

    /// <summary>BT-31 / BT-48: VAT identifier with its country prefix as written.</summary>
    public string? VatId { get; init; }

    /// <summary>BT-32: the seller's tax registration (not VAT) id, e.g. a German Steuernummer.</summary>
    public string? TaxRegistrationId { get; init; }

    /// <summary>BT-34 / BT-49: electronic address (Peppol endpoint, e-mail) with its scheme (EAS code, e.g. 0225, 9930, EM).</summary>
    public SchemedId? ElectronicAddress { get; init; }

    /// <summary>BT-40 / BT-55: country code (ISO 3166-1 alpha-2) of the postal address.</summary>
    public string? CountryCode { get; init; }

    /// <summary>BT-35..BT-39 / BT-50..BT-54 joined with ", ": street, additional lines, city, post code, subdivision.</summary>
    public string? Address { get; init; }

    /// <summary>Whether the document has a postal address group for the party at all (BG-5 / BG-8).</summary>
    public bool HasPostalAddress { get; init; }

    /// <summary>BG-6 / BG-9: the party's contact (name, telephone, e-mail), null when the group is absent.</summary>
    public PartyContact? Contact { get; init; }

    public XmlSpot Spot { get; init; } = XmlSpot.Root;
}

/// <summary>A document-level (BG-20 / BG-21) or line-level (BG-27 / BG-28) allowance or charge.</summary>
/// <summary>BG-6 / BG-9, a party's contact point: BT-41/56 name, BT-42/57 telephone, BT-43/58 e-mail.</summary>
internal sealed record PartyContact(string? Name, string? Telephone, string? Email);

internal sealed record AllowanceCharge
{
    /// <summary>True for a charge (BG-21 / BG-28), false for an allowance (BG-20 / BG-27).</summary>
    public required bool IsCharge { get; init; }

    /// <summary>BT-92 / BT-99 / BT-136 / BT-141: the amount, positive as written.</summary>
    public required decimal Amount { get; init; }

    /// <summary>BT-93 / BT-100 / BT-137 / BT-142: the base amount.</summary>
    public decimal? BaseAmount { get; init; }

    /// <summary>BT-94 / BT-101 / BT-138 / BT-143: the percentage.</summary>
    public decimal? Percent { get; init; }

    /// <summary>BT-95 / BT-102: VAT category of a document-level allowance or charge (UNCL5305: S, Z, E, AE, K, G, O, L, M).</summary>
    public string? VatCategory { get; init; }

    /// <summary>BT-96 / BT-103: its VAT rate in percent.</summary>
    public decimal? VatRate { get; init; }

    /// <summary>BT-97 / BT-104 / BT-139 / BT-144: the reason as text.</summary>
    public string? Reason { get; init; }

    /// <summary>BT-98 / BT-105 / BT-140 / BT-145: the reason code (UNCL5189 for allowances, UNCL7161 for charges).</summary>
    public string? ReasonCode { get; init; }

    public XmlSpot Spot { get; init; } = XmlSpot.Root;
}

/// <summary>The role of a line in an EXTENDED document with sub-invoice lines (CII <c>LineStatusReasonCode</c>).</summary>
internal enum LineRole
{
    /// <summary>An ordinary line; counts in the totals.</summary>
    Detail,

    /// <summary>A group line whose amount is the sum of its sub-lines; does not count again in the totals.</summary>
    Group,

    /// <summary>An information line; never counts in the totals.</summary>
    Information,
}

/// <summary>One invoice line (BG-25).</summary>
internal sealed record EInvoiceLine
{
    /// <summary>BT-126: the line identifier as written.</summary>
    public required string Id { get; init; }

    /// <summary>CII ParentLineID / UBL SubInvoiceLine nesting: the id of the group line this sub-line belongs to.</summary>
    public string? ParentId { get; init; }

    public LineRole Role { get; init; } = LineRole.Detail;

    /// <summary>BT-127: the line note.</summary>
    public string? Note { get; init; }

    /// <summary>BT-129: invoiced quantity (negative allowed).</summary>
    public decimal? Quantity { get; init; }

    /// <summary>BT-130: unit of measure (UN/ECE Recommendation 20 / 21 code, e.g. C62, HUR, KGM).</summary>
    public string? UnitCode { get; init; }

    /// <summary>BT-131: the line net amount.</summary>
    public decimal? NetAmount { get; init; }

    /// <summary>BT-146: the item net price.</summary>
    public decimal? NetPrice { get; init; }

    /// <summary>BT-148: the item gross price, when given.</summary>
    public decimal? GrossPrice { get; init; }

    /// <summary>BT-149: the quantity the price is for (price base quantity), default 1.</summary>
    public decimal? PriceBaseQuantity { get; init; }

    /// <summary>BT-153: item name.</summary>
    public string? ItemName { get; init; }

    /// <summary>BT-154: item description.</summary>
    public string? ItemDescription { get; init; }

    /// <summary>BT-155: the seller's item identifier.</summary>
    public string? SellerItemId { get; init; }

    /// <summary>BT-157: the item's standard identifier (e.g. a GTIN with scheme 0160).</summary>
    public SchemedId? StandardItemId { get; init; }

    /// <summary>BT-151: the item's VAT category code (UNCL5305).</summary>
    public string? VatCategory { get; init; }

    /// <summary>BT-152: the item's VAT rate in percent.</summary>
    public decimal? VatRate { get; init; }

    /// <summary>BT-132: the referenced purchase order line.</summary>
    public string? OrderLineReference { get; init; }

    /// <summary>BT-133: the buyer's accounting reference for the line.</summary>
    public string? BuyerAccountingReference { get; init; }

    /// <summary>BG-27 / BG-28: line allowances and charges.</summary>
    public IReadOnlyList<AllowanceCharge> AllowancesCharges { get; init; } = [];

    /// <summary>BG-26: line period start and end (BT-134, BT-135).</summary>
    public DateOnly? PeriodStart { get; init; }

    public DateOnly? PeriodEnd { get; init; }

    public XmlSpot Spot { get; init; } = XmlSpot.Root;
}

/// <summary>One VAT breakdown (BG-23) entry.</summary>
internal sealed record VatBreakdown
{
    /// <summary>BT-118: VAT category code (UNCL5305).</summary>
    public string? Category { get; init; }

    /// <summary>BT-119: rate in percent (absent for categories without a rate in some documents).</summary>
    public decimal? Rate { get; init; }

    /// <summary>BT-116: taxable amount.</summary>
    public decimal? TaxableAmount { get; init; }

    /// <summary>BT-117: VAT amount.</summary>
    public decimal? TaxAmount { get; init; }

    /// <summary>BT-120: exemption reason text.</summary>
    public string? ExemptionReason { get; init; }

    /// <summary>BT-121: exemption reason code (VATEX).</summary>
    public string? ExemptionReasonCode { get; init; }

    public XmlSpot Spot { get; init; } = XmlSpot.Root;
}

/// <summary>The document totals (BG-22), each as declared; null when the document leaves it out.</summary>
internal sealed record DocumentTotals
{
    /// <summary>BT-106: sum of invoice line net amounts.</summary>
    public decimal? LineTotal { get; init; }

    /// <summary>BT-107: sum of document-level allowances.</summary>
    public decimal? AllowanceTotal { get; init; }

    /// <summary>BT-108: sum of document-level charges.</summary>
    public decimal? ChargeTotal { get; init; }

    /// <summary>BT-109: total without VAT.</summary>
    public decimal? TaxExclusive { get; init; }

    /// <summary>BT-110: total VAT in the document currency.</summary>
    public decimal? TaxTotal { get; init; }

    /// <summary>BT-111: total VAT in the tax currency (BT-6), when given.</summary>
    public decimal? TaxTotalInTaxCurrency { get; init; }

    /// <summary>BT-112: total with VAT.</summary>
    public decimal? TaxInclusive { get; init; }

    /// <summary>BT-113: paid amount.</summary>
    public decimal? Prepaid { get; init; }

    /// <summary>BT-114: rounding amount.</summary>
    public decimal? Rounding { get; init; }

    /// <summary>BT-115: amount due for payment.</summary>
    public decimal? Payable { get; init; }

    /// <summary>Where each total was read, by BT id ("BT-106"...), for the messages of failed checks.</summary>
    public IReadOnlyDictionary<string, XmlSpot> Spots { get; init; } = new Dictionary<string, XmlSpot>(StringComparer.Ordinal);
}

/// <summary>
/// An e-invoice as EN 16931 describes it, whatever its syntax: the business terms a receivables posting needs, each
/// as the document wrote it (no defaults, no sign changes). Produced by the UBL, CII and ZUGFeRD 1.0 readers;
/// checked by <c>En16931Checks</c>; turned into the canonical invoice by <c>EInvoiceMapper</c>.
/// </summary>
internal sealed record EInvoice
{
    public required EInvoiceSyntax Syntax { get; init; }

    /// <summary>True for a UBL <c>CreditNote</c> root (its amounts are written positive).</summary>
    public bool IsUblCreditNote { get; init; }

    /// <summary>BT-24 as written (e.g. <c>urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic</c>).</summary>
    public string? SpecificationId { get; init; }

    /// <summary>The profile <see cref="SpecificationId"/> names.</summary>
    public EInvoiceProfile Profile { get; init; }

    /// <summary>BT-23: business process (e.g. <c>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</c>).</summary>
    public string? BusinessProcess { get; init; }

    /// <summary>BT-1.</summary>
    public string? Number { get; init; }

    /// <summary>BT-3: UNTDID 1001 code (380 invoice, 381 credit note, 384 corrected invoice, 389 self-billed...).</summary>
    public string? TypeCode { get; init; }

    /// <summary>BT-2.</summary>
    public DateOnly? IssueDate { get; init; }

    /// <summary>BT-9.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>BT-72: actual delivery date.</summary>
    public DateOnly? DeliveryDate { get; init; }

    /// <summary>BT-80, the deliver-to country code.</summary>
    public string? DeliverToCountry { get; init; }

    /// <summary>BT-73 / BT-74: invoicing period.</summary>
    public DateOnly? PeriodStart { get; init; }

    public DateOnly? PeriodEnd { get; init; }

    /// <summary>BT-5: document currency as written.</summary>
    public string? Currency { get; init; }

    /// <summary>BT-6: VAT accounting currency.</summary>
    public string? TaxCurrency { get; init; }

    /// <summary>BT-10.</summary>
    public string? BuyerReference { get; init; }

    /// <summary>BT-11: project reference.</summary>
    public string? ProjectReference { get; init; }

    /// <summary>BT-12: contract reference.</summary>
    public string? ContractReference { get; init; }

    /// <summary>BT-13: purchase order reference.</summary>
    public string? PurchaseOrderReference { get; init; }

    /// <summary>BT-14: sales order reference.</summary>
    public string? SalesOrderReference { get; init; }

    /// <summary>BT-19: the buyer's accounting reference.</summary>
    public string? BuyerAccountingReference { get; init; }

    /// <summary>BT-25 (and BT-26 date): preceding invoices a credit note or correction refers to.</summary>
    public IReadOnlyList<string> PrecedingInvoices { get; init; } = [];

    /// <summary>BT-22: notes, in document order.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public EInvoiceParty Seller { get; init; } = new();

    public EInvoiceParty Buyer { get; init; } = new();

    /// <summary>BG-10, when the payee is not the seller.</summary>
    public EInvoiceParty? Payee { get; init; }

    /// <summary>BT-81: payment means code (UNCL4461: 30 credit transfer, 58 SEPA credit transfer, 59 SEPA direct debit...).</summary>
    public string? PaymentMeansCode { get; init; }

    /// <summary>BT-83: remittance information the payer is asked to quote.</summary>
    public string? PaymentReference { get; init; }

    /// <summary>BT-84: the payee's account (IBAN or other).</summary>
    public string? PayeeAccount { get; init; }

    /// <summary>BT-20: payment terms as text.</summary>
    public string? PaymentTerms { get; init; }

    public IReadOnlyList<EInvoiceLine> Lines { get; init; } = [];

    /// <summary>BG-20 and BG-21.</summary>
    public IReadOnlyList<AllowanceCharge> AllowancesCharges { get; init; } = [];

    /// <summary>BG-23.</summary>
    public IReadOnlyList<VatBreakdown> VatBreakdown { get; init; } = [];

    public DocumentTotals Totals { get; init; } = new();

    /// <summary>Spots of the header terms by BT id ("BT-1", "BT-2", "BT-3", "BT-5", "BT-9"...), for the messages of failed checks.</summary>
    public IReadOnlyDictionary<string, XmlSpot> Spots { get; init; } = new Dictionary<string, XmlSpot>(StringComparer.Ordinal);

    /// <summary>The spot of a business term, or the root when the document does not hold it.</summary>
    public XmlSpot SpotOf(string businessTerm) => Spots.TryGetValue(businessTerm, out var spot) ? spot : XmlSpot.Root;
}

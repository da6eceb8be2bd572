using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Mapping.EInvoicing.Mapping;

/// <summary>
/// Turns an e-invoice into the canonical invoice without a hand-written profile: every canonical field has a default
/// business term (see mappings/README.md, "E-invoice profiles"). An entity's <c>format: einvoice</c> profile may
/// override any of them (<see cref="ProfileOverrides"/>). Credit notes come out negative, as the canonical model books them.
/// </summary>
internal static class EInvoiceMapper
{
    private static readonly HashSet<string> CreditTypeCodes = new(StringComparer.Ordinal) { "381", "396", "261", "262", "296", "308", "420", "458", "532" };

    public static MappedInvoice Map(EInvoice invoice, MappingProfile? profile, string entityCode, SourceLocation source, string syntaxLabel)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(source);
        var header = BusinessTerms.Header(invoice);
        var drafts = LineDrafts.Build(invoice, header);
        var draft = Header(invoice, entityCode, source, syntaxLabel) with { Lines = drafts.Select(d => d.Line).ToList() };
        var kind = DefaultKind(invoice);
        var problems = new List<Problem>();
        if (profile is not null)
        {
            (draft, var kindOverride) = ProfileOverrides.Apply(profile, draft, new TermRow(header, 0), drafts, source, problems);
            kind = kindOverride ?? kind;
        }

        draft = draft with { Kind = kind };
        var writtenAs = draft.DeclaredGrossTotal ?? draft.GrossTotal;
        if (kind == InvoiceKind.CreditNote && writtenAs > 0m)
        {
            draft = Negate(draft);
        }

        return new MappedInvoice(draft, problems);
    }

    /// <summary>UBL CreditNote or a credit type code; a corrected invoice (384) whose total with VAT is negative.</summary>
    public static InvoiceKind DefaultKind(EInvoice e)
    {
        var type = e.TypeCode?.Trim();
        if (e.IsUblCreditNote || (type is not null && CreditTypeCodes.Contains(type)))
        {
            return InvoiceKind.CreditNote;
        }

        return type == "384" && e.Totals.TaxInclusive < 0m ? InvoiceKind.CreditNote : InvoiceKind.Invoice;
    }

    private static Invoice Header(EInvoice e, string entityCode, SourceLocation source, string syntaxLabel)
    {
        var note = e.Notes.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim();
        return new Invoice
        {
            EntityCode = entityCode,
            Number = e.Number?.Trim() ?? string.Empty,
            IssueDate = e.IssueDate,
            DueDate = e.DueDate,
            Currency = e.Currency?.Trim().ToUpperInvariant(),
            PaymentTerms = null,
            Customer = Customer(e.Buyer),
            PurchaseOrder = NullIfBlank(e.PurchaseOrderReference),
            OriginalInvoiceNumber = e.PrecedingInvoices.Select(NullIfBlank).FirstOrDefault(p => p is not null),
            Comments = note is { Length: > 240 } ? note[..240] : note,
            DeclaredNetTotal = e.Totals.TaxExclusive,
            DeclaredTaxTotal = e.Totals.TaxTotal,
            DeclaredGrossTotal = e.Totals.TaxInclusive,
            Source = source,
            Electronic = new EInvoiceFacts
            {
                Syntax = syntaxLabel,
                Profile = ProfileName(e),
                SpecificationId = e.SpecificationId,
                TypeCode = e.TypeCode,
                BuyerReference = e.BuyerReference,
                ContractReference = e.ContractReference,
                ProjectReference = e.ProjectReference,
                PaymentReference = e.PaymentReference,
                PayeeAccount = e.PayeeAccount,
                PaymentTermsText = e.PaymentTerms,
                Prepaid = e.Totals.Prepaid,
                Rounding = e.Totals.Rounding,
                Payable = e.Totals.Payable,
                SellerName = e.Seller.Name,
                SellerVatId = e.Seller.VatId,
            },
        };
    }

    /// <summary>
    /// Account number: the first buyer identifier (BT-46) without a scheme, the seller's own customer number. Tax id:
    /// BT-48, else the legal id BT-47. Other ids: BT-47 as written and as scheme:value, BT-49 and BT-46 with a scheme.
    /// </summary>
    public static CustomerReference Customer(EInvoiceParty buyer)
    {
        var account = buyer.Identifiers.FirstOrDefault(i => i.Scheme is null && !string.IsNullOrWhiteSpace(i.Value))?.Value.Trim();
        var taxId = NullIfBlank(buyer.VatId) ?? NullIfBlank(buyer.LegalId?.Value);
        var others = new List<string>();
        if (buyer.LegalId is { } legal && !string.IsNullOrWhiteSpace(legal.Value))
        {
            others.Add(legal.Value.Trim());
            others.Add(legal.ToString());
        }

        if (buyer.ElectronicAddress is { } address && !string.IsNullOrWhiteSpace(address.Value))
        {
            others.Add(address.ToString());
        }

        others.AddRange(buyer.Identifiers.Where(i => i.Scheme is not null && !string.IsNullOrWhiteSpace(i.Value)).Select(i => i.ToString()));
        return new CustomerReference(account, taxId, NullIfBlank(buyer.Name) ?? NullIfBlank(buyer.TradingName))
        {
            OtherIds = others.Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The profile as the operator reads it: MINIMUM, BASIC WL, BASIC, EN 16931, EXTENDED, XRECHNUNG...</summary>
    public static string ProfileName(EInvoice e) => e.Profile switch
    {
        EInvoiceProfile.Minimum => "MINIMUM",
        EInvoiceProfile.BasicWl => "BASIC WL",
        EInvoiceProfile.Basic => "BASIC",
        EInvoiceProfile.En16931 => "EN 16931",
        EInvoiceProfile.Extended => "EXTENDED",
        EInvoiceProfile.XRechnung => "XRECHNUNG",
        EInvoiceProfile.PeppolBis => "PEPPOL BIS 3",
        EInvoiceProfile.ExtendedCtcFr => "EXTENDED-CTC-FR",
        EInvoiceProfile.Zugferd1Basic => "ZUGFERD 1.0 BASIC",
        EInvoiceProfile.Zugferd1Comfort => "ZUGFERD 1.0 COMFORT",
        EInvoiceProfile.Zugferd1Extended => "ZUGFERD 1.0 EXTENDED",
        _ => NullIfBlank(e.SpecificationId) ?? "UNKNOWN",
    };

    /// <summary>A credit note the document wrote positive: quantities, amounts, taxes, declared totals and payable negated (unit prices stay).</summary>
    private static Invoice Negate(Invoice i) => i with
    {
        Lines = i.Lines.Select(l => l with { Quantity = -l.Quantity, Amount = -l.Amount, TaxAmount = -l.TaxAmount }).ToList(),
        DeclaredNetTotal = -i.DeclaredNetTotal,
        DeclaredTaxTotal = -i.DeclaredTaxTotal,
        DeclaredGrossTotal = -i.DeclaredGrossTotal,
        Electronic = i.Electronic is { } facts ? facts with { Payable = -facts.Payable, Prepaid = -facts.Prepaid, Rounding = -facts.Rounding } : null,
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

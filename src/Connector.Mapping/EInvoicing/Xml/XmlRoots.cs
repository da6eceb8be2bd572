namespace Connector.Mapping.EInvoicing.Xml;

/// <summary>The roots (namespace, local name) of the documents the readers know, and a plain word for the others.</summary>
internal static class XmlRoots
{
    public const string UblInvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public const string UblCreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    public const string CiiNs = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    public const string Zugferd1Ns = "urn:ferd:CrossIndustryDocument:invoice:1p0";
    public const string OrderXRoot = "SCRDMCCBDACIOMessageStructure";

    private const string UblPrefix = "urn:oasis:names:specification:ubl:schema:xsd:";
    private const string IsoPrefix = "urn:iso:std:iso:20022:tech:xsd:";

    public static EInvoiceFormat Classify(string localName, string ns) => (localName, ns) switch
    {
        ("Invoice", UblInvoiceNs) => EInvoiceFormat.UblInvoice,
        ("CreditNote", UblCreditNoteNs) => EInvoiceFormat.UblCreditNote,
        ("CrossIndustryInvoice", CiiNs) => EInvoiceFormat.Cii,
        ("CrossIndustryDocument", Zugferd1Ns) => EInvoiceFormat.Zugferd1,
        (OrderXRoot, _) => EInvoiceFormat.OrderX,
        _ => EInvoiceFormat.OtherXml,
    };

    /// <summary>What a root that is no e-invoice is, in words a person can act on.</summary>
    public static string Describe(string localName, string ns)
    {
        var where = ns.Length == 0 ? "no namespace" : $"namespace '{ns}'";
        if (string.Equals(localName, OrderXRoot, StringComparison.Ordinal))
        {
            return $"an Order-X purchase order (root {localName}, {where}), not an invoice";
        }

        if (ns.StartsWith(UblPrefix, StringComparison.Ordinal))
        {
            var kind = localName == "RemittanceAdvice" ? "a UBL remittance advice (a payment notice, not an invoice)" : $"a UBL {localName} document, not an Invoice or CreditNote";
            return $"{kind} (root {localName}, {where})";
        }

        if (ns.StartsWith(IsoPrefix, StringComparison.Ordinal))
        {
            return $"an ISO 20022 {ns[IsoPrefix.Length..]} bank message, not an invoice (root {localName})";
        }

        if (localName is "CrossIndustryInvoice" or "CrossIndustryDocument")
        {
            return $"a {localName} in {where}, which is neither CII D16B ({CiiNs}) nor ZUGFeRD 1.0 ({Zugferd1Ns})";
        }

        if (localName is "Invoice" or "CreditNote")
        {
            return $"an {localName} in {where}, not the UBL 2.1 namespace";
        }

        return $"an XML document with root {localName} in {where}, not a UBL or CII invoice";
    }
}

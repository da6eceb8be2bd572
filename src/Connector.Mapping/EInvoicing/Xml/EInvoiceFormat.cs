namespace Connector.Mapping.EInvoicing.Xml;

/// <summary>What the start of a file says it is, as <see cref="EInvoiceXml.Detect(Stream)"/> sees it.</summary>
internal enum EInvoiceFormat
{
    /// <summary>Neither XML nor PDF (or XML that breaks before its root element).</summary>
    NotXml,

    /// <summary>A PDF (<c>%PDF-</c> within the first kilobyte): a Factur-X / ZUGFeRD carrier whose XML must be taken out first.</summary>
    Pdf,

    /// <summary>XML with a DOCTYPE before its root: refused, never parsed with its DTD.</summary>
    Unsafe,

    /// <summary>UBL 2.1 <c>Invoice</c>.</summary>
    UblInvoice,

    /// <summary>UBL 2.1 <c>CreditNote</c>.</summary>
    UblCreditNote,

    /// <summary>UN/CEFACT CII D16B+ <c>CrossIndustryInvoice</c> (Factur-X, ZUGFeRD 2.x, XRechnung CII).</summary>
    Cii,

    /// <summary>ZUGFeRD 1.0 <c>CrossIndustryDocument</c>.</summary>
    Zugferd1,

    /// <summary>An Order-X order (root <c>SCRDMCCBDACIOMessageStructure</c>): well-formed, but not an invoice.</summary>
    OrderX,

    /// <summary>Well-formed XML with another root (a UBL RemittanceAdvice, a camt statement...).</summary>
    OtherXml,
}

using System.Globalization;
using System.Xml.Linq;
using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Xml;

/// <summary>
/// Rules of the XML syntax itself, which the readers (walking by local names) do not see:
/// <list type="bullet">
/// <item>every element is in a namespace of the syntax (UBL: the document's, cac, cbc, ext, anything inside
/// ext:ExtensionContent; CII: the UN/CEFACT ones, ZUGFeRD 1.0's root namespace). An element written without its
/// namespace is read all the same, but the XML is not schema-valid: a warning, once per document;</item>
/// <item>CII-DT-031 (EN 16931 CII syntax binding): in a CII D16B invoice no amount but <c>ram:TaxTotalAmount</c>
/// carries a <c>currencyID</c>. The same currency as BT-5 only restates it (a warning); another currency makes the
/// amount ambiguous, as every amount is read in BT-5 (an error).</item>
/// </list>
/// </summary>
internal static class SyntaxRules
{
    private const string CiiPrefix = "urn:un:unece:uncefact:data:standard:";
    private const string Zugferd1Namespace = "urn:ferd:CrossIndustryDocument:invoice:1p0";
    private const string UblPrefix = "urn:oasis:names:specification:ubl:schema:xsd:";

    public static void Check(XElement root, EInvoiceFormat format, string? currency, XmlReadContext context)
    {
        if (format is not (EInvoiceFormat.Cii or EInvoiceFormat.Zugferd1 or EInvoiceFormat.UblInvoice or EInvoiceFormat.UblCreditNote))
        {
            return;
        }

        var ubl = format is EInvoiceFormat.UblInvoice or EInvoiceFormat.UblCreditNote;
        var foreign = new List<XElement>();
        var restated = new List<XElement>();
        var otherCurrency = new List<XElement>();
        Walk(root, ubl, format == EInvoiceFormat.Cii, currency, foreign, restated, otherCurrency);

        if (foreign.Count > 0)
        {
            var first = foreign[0];
            var ns = first.Name.NamespaceName.Length == 0 ? "no namespace" : $"namespace '{first.Name.NamespaceName}'";
            context.Warning(
                ProblemCodes.EInvoiceForeignElement,
                string.Create(CultureInfo.InvariantCulture, $"{foreign.Count} element(s) are outside the {(ubl ? "UBL" : "CII")} namespaces, the first <{first.Name.LocalName}> in {ns}: the XML is not schema-valid (read by its name all the same)."),
                first,
                first.Name.LocalName,
                first.Value.Trim());
        }

        if (otherCurrency.Count > 0)
        {
            var first = otherCurrency[0];
            context.Error(
                ProblemCodes.En16931("CII-DT-031"),
                string.Create(CultureInfo.InvariantCulture, $"CII-DT-031: {otherCurrency.Count} amount(s) carry a currencyID other than the invoice currency (BT-5) {currency}, the first <{first.Name.LocalName}> '{first.Attr("currencyID")}'; CII amounts are in BT-5 and only ram:TaxTotalAmount may name a currency."),
                first,
                first.Name.LocalName,
                first.Attr("currencyID"));
        }
        else if (restated.Count > 0)
        {
            var first = restated[0];
            context.Warning(
                ProblemCodes.En16931("CII-DT-031"),
                string.Create(CultureInfo.InvariantCulture, $"CII-DT-031: {restated.Count} amount(s) other than ram:TaxTotalAmount carry a currencyID (the first <{first.Name.LocalName}>), which the EN 16931 CII binding forbids; it is the invoice currency, so the amounts are read unchanged."),
                first,
                first.Name.LocalName,
                first.Attr("currencyID"));
        }
    }

    private static void Walk(XElement element, bool ubl, bool d16b, string? currency, List<XElement> foreign, List<XElement> restated, List<XElement> otherCurrency)
    {
        foreach (var child in element.Elements())
        {
            if (!InSyntax(child.Name.NamespaceName, ubl))
            {
                foreign.Add(child);
            }

            if (d16b && child.Name.LocalName.EndsWith("Amount", StringComparison.Ordinal)
                && child.Name.LocalName != "TaxTotalAmount" && child.Attr("currencyID") is { } amountCurrency)
            {
                var same = currency is null || string.Equals(amountCurrency.Trim(), currency.Trim(), StringComparison.OrdinalIgnoreCase);
                (same ? restated : otherCurrency).Add(child);
            }

            // UBL extensions carry any namespace by design.
            if (!(ubl && child.Name.LocalName == "UBLExtensions"))
            {
                Walk(child, ubl, d16b, currency, foreign, restated, otherCurrency);
            }
        }
    }

    private static bool InSyntax(string ns, bool ubl)
        => ubl
            ? ns.StartsWith(UblPrefix, StringComparison.Ordinal)
            : ns.StartsWith(CiiPrefix, StringComparison.Ordinal) || string.Equals(ns, Zugferd1Namespace, StringComparison.Ordinal);
}

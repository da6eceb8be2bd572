using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Connector.Mapping.EInvoicing.Xml;

/// <summary>
/// Walks an e-invoice by local names (the UBL and CII namespaces are checked once, at the root; ZUGFeRD 1.0 and
/// CII D16B differ in their <c>ram</c> namespace version only) and says where an element is.
/// </summary>
internal static class XmlNav
{
    private static readonly (string Prefix, string Namespace, bool StartsWith)[] StandardPrefixes =
    [
        ("cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2", false),
        ("cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2", false),
        ("ext", "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2", false),
        ("rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:", true),
        ("rsm", "urn:ferd:CrossIndustryDocument:invoice:1p0", false),
        ("ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:", true),
        ("udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:", true),
        ("qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:", true),
    ];

    /// <summary>The first child with this local name, or null.</summary>
    public static XElement? Child(this XElement? element, string localName)
    {
        if (element is null)
        {
            return null;
        }

        foreach (var child in element.Elements())
        {
            if (string.Equals(child.Name.LocalName, localName, StringComparison.Ordinal))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Follows the first child of each local name in turn; null as soon as one is missing.</summary>
    public static XElement? At(this XElement? element, params ReadOnlySpan<string> localNames)
    {
        var current = element;
        foreach (var name in localNames)
        {
            current = current.Child(name);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>All children with this local name, in document order.</summary>
    public static IEnumerable<XElement> All(this XElement? element, string localName)
        => element is null ? [] : element.Elements().Where(e => string.Equals(e.Name.LocalName, localName, StringComparison.Ordinal));

    /// <summary>The trimmed text of the element, or null when it is missing or blank.</summary>
    public static string? Text(this XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var value = element.Value.Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>The trimmed value of an attribute (by local name), or null when it is missing or blank.</summary>
    public static string? Attr(this XElement? element, string localName)
    {
        var value = element?.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, localName, StringComparison.Ordinal))?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Where the element is: its path below the root with the standard prefixes (and [n] among same-named siblings), and its line.</summary>
    public static XmlSpot Spot(this XElement element)
    {
        var parts = new List<string>();
        for (var e = element; e.Parent is not null; e = e.Parent)
        {
            var name = PrefixedName(e);
            var (index, same) = Position(e, e.Parent);
            if (same > 1)
            {
                name += "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            }

            parts.Add(name);
        }

        parts.Reverse();
        var path = parts.Count == 0 ? "/" + PrefixedName(element) : string.Join('/', parts);
        var info = (IXmlLineInfo)element;
        return new XmlSpot(path, info.HasLineInfo() ? info.LineNumber : null);
    }

    /// <summary>
    /// The element's 1-based position among its same-named siblings and how many there are. The positions of a parent's
    /// children are counted once and kept on the parent (an annotation), so spotting every line of a large invoice stays
    /// linear.
    /// </summary>
    private static (int Index, int Count) Position(XElement element, XElement parent)
    {
        var siblings = parent.Annotation<SiblingPositions>();
        if (siblings is null)
        {
            siblings = new SiblingPositions();
            foreach (var child in parent.Elements())
            {
                var count = siblings.Counts.GetValueOrDefault(child.Name) + 1;
                siblings.Counts[child.Name] = count;
                siblings.Index[child] = count;
            }

            parent.AddAnnotation(siblings);
        }

        return (siblings.Index[element], siblings.Counts[element.Name]);
    }

    /// <summary>The element's name with the prefix the standards use for its namespace (else the document's own prefix).</summary>
    public static string PrefixedName(XElement element)
    {
        var ns = element.Name.NamespaceName;
        foreach (var (prefix, standard, startsWith) in StandardPrefixes)
        {
            if (startsWith ? ns.StartsWith(standard, StringComparison.Ordinal) : string.Equals(ns, standard, StringComparison.Ordinal))
            {
                return prefix + ":" + element.Name.LocalName;
            }
        }

        var own = ns.Length == 0 ? null : element.GetPrefixOfNamespace(element.Name.Namespace);
        return string.IsNullOrEmpty(own) ? element.Name.LocalName : own + ":" + element.Name.LocalName;
    }

    private sealed class SiblingPositions
    {
        public Dictionary<XName, int> Counts { get; } = [];

        public Dictionary<XElement, int> Index { get; } = new(ReferenceEqualityComparer.Instance);
    }
}

using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Xml;

/// <summary>
/// Loads XML the only safe way: no DTD (a DOCTYPE is refused, so no entity is ever expanded and no file or URL is
/// ever opened: XXE and billion laughs cannot happen), no resolver, a character limit, and a depth limit.
/// </summary>
internal static class SecureXml
{
    public static XmlReaderSettings Settings(long maxCharacters, DtdProcessing dtd = DtdProcessing.Prohibit) => new()
    {
        DtdProcessing = dtd,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>The document, or null with the reason (XML_UNSAFE, XML_MALFORMED, XML_LIMIT) added to <paramref name="problems"/>.</summary>
    public static XDocument? Load(byte[] content, string documentName, EInvoiceReadLimits limits, List<Problem> problems)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, Settings(limits.MaxCharactersInDocument));
            var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            if (document.Root is { } root && TooDeep(root, limits.MaxElementDepth) is { } deep)
            {
                var spot = deep.Spot();
                problems.Add(Problem.Error(
                    ProblemCodes.XmlLimitExceeded,
                    $"The XML nests elements deeper than {limits.MaxElementDepth.ToString(CultureInfo.InvariantCulture)} levels; refused.",
                    new SourceLocation(documentName, spot.Line, spot.Path)));
                return null;
            }

            return document;
        }
        catch (XmlException ex)
        {
            problems.Add(DoctypeLine(content, ex) is { } line
                ? Problem.Error(
                    ProblemCodes.XmlUnsafe,
                    "The XML has a DOCTYPE (a DTD can declare entities that read local files or expand without end); e-invoices never need one: refused unread.",
                    new SourceLocation(documentName, line, "DOCTYPE"))
                : Problem.Error(
                    ProblemCodes.XmlMalformed,
                    $"The XML is not well-formed at line {ex.LineNumber.ToString(CultureInfo.InvariantCulture)}, position {ex.LinePosition.ToString(CultureInfo.InvariantCulture)}: {ex.Message}",
                    new SourceLocation(documentName, ex.LineNumber > 0 ? ex.LineNumber : null, ex.LinePosition > 0 ? "position " + ex.LinePosition.ToString(CultureInfo.InvariantCulture) : null)));
            return null;
        }
    }

    /// <summary>
    /// The line of the DOCTYPE when that is what the strict reader refused: the start is read again with the DTD
    /// skipped (DtdProcessing.Ignore: never parsed, never expanded, nothing resolved) up to the root element; when that
    /// gets past the spot where the strict reader stopped, the only difference was the DOCTYPE. Null otherwise.
    /// </summary>
    public static int? DoctypeLine(byte[] content, XmlException strictError)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, Settings(0, DtdProcessing.Ignore));
            var info = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var past = info.LineNumber > strictError.LineNumber
                        || (info.LineNumber == strictError.LineNumber && info.LinePosition > strictError.LinePosition);
                    return past ? Math.Max(strictError.LineNumber, 1) : null;
                }
            }
        }
        catch (XmlException)
        {
            return null;
        }

        return null;
    }

    private static XElement? TooDeep(XElement root, int maxDepth)
    {
        var stack = new Stack<(XElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth > maxDepth)
            {
                return element;
            }

            foreach (var child in element.Elements())
            {
                stack.Push((child, depth + 1));
            }
        }

        return null;
    }
}

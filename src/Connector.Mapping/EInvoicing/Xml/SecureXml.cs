using System.Globalization;
using System.Text;
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
            // A streaming pass first: XDocument.Load slows down steeply with nesting (50,000 levels take seconds), so
            // depth is checked before any tree is built.
            if (TooDeep(content, limits) is { } deep)
            {
                problems.Add(Problem.Error(
                    ProblemCodes.XmlLimitExceeded,
                    $"The XML nests elements deeper than {limits.MaxElementDepth.ToString(CultureInfo.InvariantCulture)} levels; refused.",
                    new SourceLocation(documentName, deep.Line, "element " + deep.Name)));
                return null;
            }

            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, Settings(limits.MaxCharactersInDocument));
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (DecoderFallbackException ex)
        {
            problems.Add(Problem.Error(ProblemCodes.XmlMalformed, $"The XML has bytes that are not valid in its encoding: {ex.Message}", new SourceLocation(documentName)));
            return null;
        }
        catch (XmlException ex)
        {
            if (DoctypeLine(content) is null && content.Length > limits.MaxCharactersInDocument && WellFormed(content))
            {
                problems.Add(Problem.Error(
                    ProblemCodes.XmlLimitExceeded,
                    $"The XML holds more than {limits.MaxCharactersInDocument.ToString(CultureInfo.InvariantCulture)} characters, the limit for an e-invoice; refused.",
                    new SourceLocation(documentName)));
                return null;
            }

            problems.Add(DoctypeLine(content) is { } line
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
    /// The line of a DOCTYPE in the prolog (before the root element), or null when there is none. The prolog is scanned
    /// as text (comments and processing instructions skipped); nothing of the DTD is ever parsed.
    /// </summary>
    public static int? DoctypeLine(byte[] content)
    {
        string text;
        using (var reader = new StreamReader(new MemoryStream(content, 0, Math.Min(content.Length, 64 * 1024), writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = reader.ReadToEnd();
        }

        var i = 0;
        while ((i = text.IndexOf('<', i)) >= 0)
        {
            var rest = text.AsSpan(i);
            int end;
            if (rest.StartsWith("<!--", StringComparison.Ordinal))
            {
                end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
            }
            else if (rest.StartsWith("<?", StringComparison.Ordinal))
            {
                end = text.IndexOf("?>", i + 2, StringComparison.Ordinal);
            }
            else if (rest.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
            {
                return 1 + text.AsSpan(0, i).Count('\n');
            }
            else
            {
                return null;
            }

            if (end < 0)
            {
                return null;
            }

            i = end;
        }

        return null;
    }

    /// <summary>Whether the document reads to its end with no character limit (the bytes are already within MaxBytes).</summary>
    private static bool WellFormed(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, Settings(0));
            while (reader.Read())
            {
            }

            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>The first element nested deeper than the limit (its line and name), or null; throws XmlException as the loader would.</summary>
    private static (int Line, string Name)? TooDeep(byte[] content, EInvoiceReadLimits limits)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var reader = XmlReader.Create(stream, Settings(limits.MaxCharactersInDocument));
        var info = (IXmlLineInfo)reader;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth + 1 > limits.MaxElementDepth)
            {
                return (info.LineNumber, reader.Name);
            }
        }

        return null;
    }
}

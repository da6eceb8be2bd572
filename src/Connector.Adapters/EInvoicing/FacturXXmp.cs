using System.Xml;

namespace Connector.Adapters.EInvoicing;

/// <summary>What the XMP metadata of a Factur-X / ZUGFeRD PDF claims about its embedded invoice.</summary>
internal sealed record FacturXXmp(string? ConformanceLevel, string? DocumentFileName)
{
    public static readonly FacturXXmp None = new(null, null);

    /// <summary>The namespaces of the extension schema: Factur-X 1.0 / ZUGFeRD 2.1+, ZUGFeRD 1.0, ZUGFeRD 2.0.</summary>
    public static readonly IReadOnlySet<string> Namespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#",
        "urn:ferd:pdfa:CrossIndustryDocument:invoice:1p0#",
        "urn:zugferd:pdfa:CrossIndustryDocument:invoice:2p0#",
    };

    private const string ConformanceLevelName = "ConformanceLevel";
    private const string DocumentFileNameName = "DocumentFileName";

    /// <summary>
    /// Reads <c>fx:ConformanceLevel</c> and <c>fx:DocumentFileName</c>, written as elements or as attributes of an
    /// <c>rdf:Description</c>. No DTD, no external resource. A broken or empty packet gives <see cref="None"/>.
    /// </summary>
    public static FacturXXmp Parse(string? xmp)
    {
        if (string.IsNullOrWhiteSpace(xmp))
        {
            return None;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ConformanceLevel = System.Xml.ConformanceLevel.Fragment,
            IgnoreComments = true,
            MaxCharactersInDocument = 16L * 1024 * 1024,
        };
        string? level = null;
        string? fileName = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xmp.Trim().TrimEnd('\0')), settings);
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                if (reader.HasAttributes)
                {
                    for (var i = 0; i < reader.AttributeCount; i++)
                    {
                        reader.MoveToAttribute(i);
                        Take(reader.NamespaceURI, reader.LocalName, reader.Value, ref level, ref fileName);
                    }

                    reader.MoveToElement();
                }

                if (Namespaces.Contains(reader.NamespaceURI) && reader.LocalName is ConformanceLevelName or DocumentFileNameName)
                {
                    var (ns, name) = (reader.NamespaceURI, reader.LocalName);
                    Take(ns, name, reader.ReadElementContentAsString(), ref level, ref fileName);
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException)
        {
            return None;
        }
        catch (InvalidOperationException)
        {
            // An element holding markup where text is expected: as broken as malformed XML.
            return None;
        }

        return new FacturXXmp(level, fileName);
    }

    private static void Take(string ns, string name, string value, ref string? level, ref string? fileName)
    {
        if (!Namespaces.Contains(ns))
        {
            return;
        }

        var text = value.Trim();
        if (text.Length == 0)
        {
            return;
        }

        if (name == ConformanceLevelName)
        {
            level ??= text;
        }
        else if (name == DocumentFileNameName)
        {
            fileName ??= text;
        }
    }
}

using System.Text;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.EInvoicing.Xml;

namespace Connector.Mapping.Tests.EInvoicing.Readers;

internal static class ReaderHelper
{
    public static EInvoiceReadResult Read(string xml, string name = "test.xml", EInvoiceReadLimits? limits = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return EInvoiceXml.Read(stream, name, limits);
    }

    /// <summary>Reads a document that must be read; fails with its problems otherwise.</summary>
    public static EInvoice Invoice(string xml)
    {
        var result = Read(xml);
        result.Invoice.ShouldNotBeNull(string.Join("; ", result.Problems));
        return result.Invoice;
    }

    public static EInvoiceFormat Detect(byte[] content)
    {
        using var stream = new MemoryStream(content);
        stream.Position = 0;
        return EInvoiceXml.Detect(stream);
    }

    public static EInvoiceFormat Detect(string text) => Detect(Encoding.UTF8.GetBytes(text));
}

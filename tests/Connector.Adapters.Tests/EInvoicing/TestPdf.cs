using System.Globalization;
using System.Text;

namespace Connector.Adapters.Tests.EInvoicing;

/// <summary>Writes a minimal one-page PDF carrying the given embedded files (uncompressed), for the extractor's tests.</summary>
internal static class TestPdf
{
    public static byte[] WithAttachments(params (string Name, byte[] Content)[] files)
    {
        var objects = new List<byte[]>
        {
            Ascii(string.Empty), // the catalog, written last once the numbers are known
            Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
        };
        var names = new StringBuilder();
        foreach (var (name, content) in files)
        {
            var streamNumber = objects.Count + 1;
            objects.Add([.. Ascii(Inv($"<< /Type /EmbeddedFile /Length {content.Length} >>\nstream\n")), .. content, .. Ascii("\nendstream")]);
            var specNumber = objects.Count + 1;
            objects.Add(Ascii(Inv($"<< /Type /Filespec /F {Literal(name)} /UF {Literal(name)} /EF << /F {streamNumber} 0 R >> >>")));
            names.Append(Inv($"{Literal(name)} {specNumber} 0 R "));
        }

        objects[0] = Ascii($"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [{names}] >> >> >>");
        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.7\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii(Inv($"{i + 1} 0 obj\n")));
            pdf.Write(objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        var tail = new StringBuilder(Inv($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            tail.Append(Inv($"{offset:D10} 00000 n \n"));
        }

        tail.Append(Inv($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        pdf.Write(Ascii(tail.ToString()));
        return pdf.ToArray();
    }

    private static string Literal(string text) => "(" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")";

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Connector.Adapters.Tests.Ocr;

/// <summary>Images made in the test: 8-bit gray, white with black rectangles, as PGM or (multi-page) uncompressed TIFF.</summary>
internal static class TestImages
{
    public sealed record Gray(int Width, int Height, byte[] Pixels);

    /// <summary>A white page with a black bar every 100 rows (something for the binariser and the layout to see).</summary>
    public static Gray Page(int width, int height)
    {
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)255);
        for (var y = 50; y + 20 < height; y += 100)
        {
            for (var row = y; row < y + 20; row++)
            {
                Array.Fill(pixels, (byte)0, (row * width) + (width / 10), width / 2);
            }
        }

        return new Gray(width, height, pixels);
    }

    public static byte[] Pgm(Gray image)
        => [.. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{image.Width} {image.Height}\n255\n")), .. image.Pixels];

    /// <summary>A little-endian baseline TIFF with one uncompressed strip per page.</summary>
    public static byte[] Tiff(params Gray[] pages)
    {
        using var tiff = new MemoryStream();
        Span<byte> header = stackalloc byte[8];
        "II"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 8);
        tiff.Write(header);
        for (var i = 0; i < pages.Length; i++)
        {
            var page = pages[i];
            const int Entries = 9;
            var ifdStart = (uint)tiff.Position;
            var dataStart = ifdStart + 2 + (Entries * 12) + 4;
            var next = i + 1 < pages.Length ? dataStart + (uint)page.Pixels.Length : 0u;
            var ifd = new byte[2 + (Entries * 12) + 4];
            BinaryPrimitives.WriteUInt16LittleEndian(ifd, Entries);
            (ushort Tag, ushort Type, uint Value)[] tags =
            [
                (256, 4, (uint)page.Width), (257, 4, (uint)page.Height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                (273, 4, dataStart), (277, 3, 1), (278, 4, (uint)page.Height), (279, 4, (uint)page.Pixels.Length),
            ];
            for (var t = 0; t < tags.Length; t++)
            {
                var entry = ifd.AsSpan(2 + (t * 12), 12);
                BinaryPrimitives.WriteUInt16LittleEndian(entry, tags[t].Tag);
                BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], tags[t].Type);
                BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
                if (tags[t].Type == 3)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(entry[8..], (ushort)tags[t].Value);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], tags[t].Value);
                }
            }

            BinaryPrimitives.WriteUInt32LittleEndian(ifd.AsSpan(ifd.Length - 4), next);
            tiff.Write(ifd);
            tiff.Write(page.Pixels);
        }

        return tiff.ToArray();
    }

    /// <summary>A one-page PDF (A4) with lines of Helvetica text, uncompressed.</summary>
    public static byte[] PdfWithText(params string[] lines) => PdfWithPages(1, lines);

    /// <summary>A PDF of <paramref name="pageCount"/> A4 pages, each with the same lines of Helvetica text.</summary>
    public static byte[] PdfWithPages(int pageCount, params string[] lines)
    {
        var content = new StringBuilder("BT /F1 28 Tf 60 760 Td 36 TL\n");
        foreach (var line in lines)
        {
            content.Append('(').Append(line).Append(") Tj T*\n");
        }

        content.Append("ET");
        var kids = string.Join(' ', Enumerable.Range(0, pageCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i + 5} 0 R")));
        List<string> objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Type /Pages /Kids [{kids}] /Count {pageCount} >>"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Length {content.Length} >>\nstream\n{content}\nendstream"),
        ];
        for (var i = 0; i < pageCount; i++)
        {
            objects.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}

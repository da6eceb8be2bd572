using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Connector.Adapters.Tests.EInvoicing;

namespace Connector.Adapters.Tests.Ocr;

/// <summary>Images made in the test for <see cref="ScanImagesTests"/>: white pages with black squares, in 1, 8 and 24-bit.</summary>
internal static class ScanImageFiles
{
    /// <summary>A white 8-bit page with a black square of <paramref name="size"/> pixels at (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public static TestImages.Gray WithSquare(int width, int height, int left, int top, int size)
    {
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)255);
        for (var y = top; y < top + size; y++)
        {
            Array.Fill(pixels, (byte)0, (y * width) + left, size);
        }

        return new TestImages.Gray(width, height, pixels);
    }

    /// <summary>The same page as a 1-bit PBM (P4): leptonica reads it as a 1 bpp PIX, like a CCITT G4 cheque image.</summary>
    public static byte[] Pbm(TestImages.Gray image)
    {
        var stride = (image.Width + 7) / 8;
        var bits = new byte[stride * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (image.Pixels[(y * image.Width) + x] < 128)
                {
                    bits[(y * stride) + (x / 8)] |= (byte)(0x80 >> (x % 8));
                }
            }
        }

        return [.. Header("P4", image, withMaximum: false), .. bits];
    }

    /// <summary>The page as a colour PPM (P6) with its black square painted <paramref name="red"/>, <paramref name="green"/>, <paramref name="blue"/>: a 32 bpp PIX.</summary>
    public static byte[] Ppm(TestImages.Gray image, byte red, byte green, byte blue)
    {
        var rgb = new byte[image.Pixels.Length * 3];
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            var dark = image.Pixels[i] < 128;
            rgb[i * 3] = dark ? red : (byte)255;
            rgb[(i * 3) + 1] = dark ? green : (byte)255;
            rgb[(i * 3) + 2] = dark ? blue : (byte)255;
        }

        return [.. Header("P6", image, withMaximum: true), .. rgb];
    }

    /// <summary>The bit depth and colour type of a PNG (IHDR bytes 24 and 25); colour type 0 is grey.</summary>
    public static (int BitDepth, int ColourType, int Width, int Height) PngHeader(byte[] png)
    {
        png.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
        Encoding.ASCII.GetString(png, 12, 4).ShouldBe("IHDR");
        return (png[24], png[25], BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>The mean grey level of a block of pixels [top, bottom) x [left, right).</summary>
    public static double Mean(byte[,] grey, int left, int top, int right, int bottom)
    {
        var sum = 0L;
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                sum += grey[y, x];
            }
        }

        return (double)sum / ((right - left) * (bottom - top));
    }

    public static string? EInvoicePdf
        => Poppler.Corpus is { } corpus ? Path.Combine(corpus, "einvoice", "akretion-factur-x", "tests", "fixtures", "pdf", "invoice_EN16931.pdf") : null;

    private static byte[] Header(string magic, TestImages.Gray image, bool withMaximum)
        => Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{magic}\n{image.Width} {image.Height}\n{(withMaximum ? "255\n" : string.Empty)}"));
}

/// <summary>A fact that needs leptonica, pdftoppm and the shared e-invoice corpus.</summary>
internal sealed class LeptonicaPdfCorpusFactAttribute : FactAttribute
{
    public LeptonicaPdfCorpusFactAttribute()
        => Skip = TesseractPdfFactAttribute.PdfSkipReason() ?? (Poppler.Corpus is null ? Poppler.CorpusMissing : null);
}
